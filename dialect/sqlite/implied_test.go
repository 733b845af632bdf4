package sqlite

import (
	"testing"

	"github.com/retortdb/retort/model"
)

func TestSameImpliedType(t *testing.T) {
	t.Parallel()
	d := &Dialect{}
	cases := []struct {
		logical           model.Logical
		reflected, target string
		want              bool
	}{
		{model.LogicalBigInt, "INTEGER", "BIGINT", true},
		{model.LogicalSmallInt, "integer", "SMALLINT", true},
		{model.LogicalString, "VARCHAR(255)", "TEXT", true},
		{model.LogicalString, "BLOB", "TEXT", false},
		{model.LogicalBool, "numeric", "BOOLEAN", true},
		{model.LogicalDouble, "real", "DOUBLE", true},
		{model.LogicalDouble, "NUMERIC", "DOUBLE", false},
		{model.LogicalTimestamp, "datetime", "TIMESTAMP", true},
		{model.LogicalTimestamp, "NUMERIC", "DATETIME", false},
		{model.LogicalDecimal, "DATETIME", "NUMERIC", false},
		{model.LogicalBigInt, "TEXT", "BIGINT", false},
	}
	for _, c := range cases {
		if got := d.SameImpliedType(model.Type{Logical: c.logical}, c.reflected, c.target); got != c.want {
			t.Errorf("SameImpliedType(%s, %q, %q) = %v, want %v", c.logical, c.reflected, c.target, got, c.want)
		}
	}
}

func TestNormalizeDefaultIdentifier(t *testing.T) {
	t.Parallel()
	d := &Dialect{}
	text := func(def string) string {
		return d.NormalizeDefault(model.Column{Type: model.Type{SQL: "text"}, Default: def})
	}
	for _, def := range []string{`"active"`, `active`, `'active'`} {
		if got := text(def); got != `'active'` {
			t.Errorf("NormalizeDefault(%s) = %s, want 'active'", def, got)
		}
	}
	if got := text(`"it""s"`); got != `'it"s'` {
		t.Errorf(`NormalizeDefault("it""s") = %s`, got)
	}
	num := func(def string) string {
		return d.NormalizeDefault(model.Column{Type: model.Type{SQL: "numeric"}, Default: def})
	}
	if got, want := num("true"), num("1"); got != want {
		t.Errorf("true = %s, 1 = %s on a numeric column", got, want)
	}
	if got := num("CURRENT_TIMESTAMP"); got != "CURRENT_TIMESTAMP" {
		t.Errorf("CURRENT_TIMESTAMP = %s", got)
	}
}
