package postgres

import (
	"testing"

	"github.com/retortdb/retort/model"
)

func TestSameImpliedType(t *testing.T) {
	t.Parallel()
	d := New()
	cases := []struct {
		logical           model.Logical
		reflected, target string
		want              bool
	}{
		{model.LogicalString, "character varying", "text", true},
		{model.LogicalString, "character varying(255)", "text", false},
		{model.LogicalTimestamp, "timestamp without time zone", "timestamptz", false},
		{model.LogicalDouble, "numeric", "double precision", false},
	}
	for _, c := range cases {
		if got := d.SameImpliedType(model.Type{Logical: c.logical}, c.reflected, c.target); got != c.want {
			t.Errorf("SameImpliedType(%s, %q, %q) = %v, want %v", c.logical, c.reflected, c.target, got, c.want)
		}
	}
}
