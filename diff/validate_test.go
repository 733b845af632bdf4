package diff_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// A NOT VALID check or foreign key that becomes valid is validated in
// place; a valid one that becomes NOT VALID is dropped and added NOT VALID.
func TestNotValidConstraints(t *testing.T) {
	schema := func(nv bool) model.Schema {
		return model.Schema{Tables: []model.Table{
			{Name: "depots", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "integer"}}},
				PrimaryKey: model.PrimaryKey{Name: "depots_pkey", Columns: []string{"id"}}},
			{Name: "trucks", Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "integer"}},
				{Name: "depot_id", Type: model.Type{SQL: "integer"}, Nullable: true},
			},
				ForeignKeys: []model.ForeignKey{{Name: "trucks_depot_fk", Columns: []string{"depot_id"}, RefTable: "depots", RefColumns: []string{"id"}, NotValid: nv}},
				Checks:      []model.Check{{Name: "trucks_depot_check", Expr: "depot_id > 0", NotValid: nv}},
			},
		}}
	}
	d := postgres.New()
	up, err := diff.Compare(schema(true), schema(false), d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var validated []string
	for _, op := range up {
		v, ok := op.(ops.ValidateConstraint)
		if !ok {
			t.Fatalf("NOT VALID to valid: got %s, want only ValidateConstraint ops", ops.Describe(op))
		}
		validated = append(validated, v.Name())
	}
	if len(validated) != 2 {
		t.Fatalf("validated %v, want the check and the foreign key", validated)
	}

	up, err = diff.Compare(schema(false), schema(true), d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, op := range up {
		switch o := op.(type) {
		case ops.DropCheck, ops.DropForeignKey:
			kinds["drop"]++
		case ops.AddCheck:
			if !o.Check.NotValid {
				t.Errorf("check added valid")
			}
			kinds["add"]++
		case ops.AddForeignKey:
			if !o.ForeignKey.NotValid {
				t.Errorf("foreign key added valid")
			}
			kinds["add"]++
		default:
			t.Errorf("valid to NOT VALID: unexpected %s", ops.Describe(op))
		}
	}
	if kinds["drop"] != 2 || kinds["add"] != 2 {
		t.Errorf("valid to NOT VALID: got %v, want 2 drops and 2 adds", kinds)
	}
}
