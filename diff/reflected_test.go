package diff_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Two reflected PostgreSQL schemas compare defaults as pg_get_expr writes
// them (now() is not CURRENT_TIMESTAMP in a dump); a model's spelling
// still matches the other one.
func TestReflectedDefaults(t *testing.T) {
	schema := func(def string) model.Schema {
		return model.Schema{Tables: []model.Table{{Name: "t", Columns: []model.Column{
			{Name: "v", Type: model.Type{SQL: "timestamp with time zone"}, Nullable: true, Default: def},
		}}}}
	}
	d := postgres.New()
	for _, tc := range []struct {
		name     string
		opts     diff.Options
		from, to string
		want     int
	}{
		{"models: now() matches CURRENT_TIMESTAMP", diff.Options{}, "now()", "CURRENT_TIMESTAMP", 0},
		{"databases: now() is not CURRENT_TIMESTAMP", diff.Options{CompareServerDefault: diff.ReflectedDefaults(d)}, "now()", "CURRENT_TIMESTAMP", 1},
		{"databases: the same text", diff.Options{CompareServerDefault: diff.ReflectedDefaults(d)}, "now()", "now()", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			up, err := diff.Compare(schema(tc.from), schema(tc.to), d, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(up) != tc.want {
				t.Fatalf("got %d ops %v, want %d", len(up), up, tc.want)
			}
			if tc.want == 1 {
				if a, ok := up[0].(ops.AlterColumn); !ok || !a.Change.Has(ops.ChangeDefault) || a.To.Default != tc.to {
					t.Fatalf("got %#v, want a default change to %s", up[0], tc.to)
				}
			}
		})
	}
	if diff.ReflectedDefaults(testDialect{}) != nil {
		t.Fatal("a dialect without CatalogDefaults keeps the normalised comparison")
	}
}
