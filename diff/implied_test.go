package diff_test

import (
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// impliedDialect is testDialect that calls integer and int8 the same for
// a Go integer (as SQLite does for every integer type).
type impliedDialect struct{ testDialect }

func (impliedDialect) SameImpliedType(goType model.Type, reflected, target string) bool {
	ints := map[string]bool{"integer": true, "bigint": true, "int8": true}
	return goType.Logical == model.LogicalBigInt && ints[reflected] && ints[target]
}

// TestImpliedTypes: a type the Go type implies compares by the dialect's
// meaning; SQL the user wrote compares exactly; an alter for another
// aspect keeps the reflected type.
func TestImpliedTypes(t *testing.T) {
	t.Parallel()
	table := func(typ model.Type, nullable bool) model.Schema {
		return model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{{Name: "n", Type: typ, Nullable: nullable}}}}}
	}
	current := table(model.Type{SQL: "integer"}, false)
	cases := []struct {
		name   string
		target model.Type
		want   int
	}{
		{"logical kind", model.Type{Logical: model.LogicalBigInt}, 0},
		{"ORM's SQL marked implied", model.Type{SQL: "int8", Logical: model.LogicalBigInt, Implied: true}, 0},
		{"SQL the user wrote", model.Type{SQL: "bigint"}, 1},
		{"implied but another kind", model.Type{Logical: model.LogicalString}, 1},
	}
	for _, c := range cases {
		got, err := diff.Compare(current, table(c.target, false), impliedDialect{}, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("%s: %d ops, want %d: %v", c.name, len(got), c.want, got)
		}
	}
	// Without the dialect's answer the spellings decide.
	if got, _ := diff.Compare(current, table(model.Type{Logical: model.LogicalBigInt}, false), testDialect{}, diff.Options{}); len(got) != 1 {
		t.Errorf("a dialect without ImpliedTypes: %d ops, want 1", len(got))
	}
	// A nullability change keeps the reflected type.
	got, err := diff.Compare(current, table(model.Type{Logical: model.LogicalBigInt}, true), impliedDialect{}, diff.Options{})
	if err != nil || len(got) != 1 {
		t.Fatalf("nullable: %v %v", got, err)
	}
	ac, ok := got[0].(ops.AlterColumn)
	if !ok {
		t.Fatalf("op %T, want ops.AlterColumn", got[0])
	}
	if ac.To.Type.SQL != "integer" || ac.Change&ops.ChangeType != 0 {
		t.Errorf("alter changes the type: %+v", ac)
	}
}
