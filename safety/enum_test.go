package safety_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/safety"
)

// TestEnumRebuild: the ops diff writes to remove an enum value on
// PostgreSQL (rename aside, create, convert, drop) carry a data-loss
// finding on the conversion.
func TestEnumRebuild(t *testing.T) {
	t.Parallel()
	cur := model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"sad", "ok", "happy"}}},
		Tables: []model.Table{{Name: "people", Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "integer"}},
			{Name: "mood", Type: model.Type{SQL: "mood"}, Default: "'sad'"},
		}}},
	}
	tgt := model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"happy", "sad"}}},
		Tables: []model.Table{{Name: "people", Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "integer"}},
			{Name: "mood", Type: model.Type{SQL: "mood", Enum: "mood", EnumValues: []string{"happy", "sad"}}, Default: "'sad'"},
		}}},
	}
	d := postgres.New()
	list, err := diff.Compare(cur, tgt, d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := safety.Analyze(list, d, safety.Options{Current: &cur})
	var loss []safety.Finding
	for _, f := range fs {
		if f.Kind == safety.DataLoss {
			loss = append(loss, f)
		}
	}
	if len(loss) != 1 || loss[0].Object != "people.mood" {
		t.Fatalf("want one data-loss finding on people.mood, got:\n%s", dump(fs))
	}
	t.Log(loss[0].Message)
}
