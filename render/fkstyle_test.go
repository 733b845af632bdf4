package render

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestForeignKeyStyleIsOneAFile pins issue 17: a file writes every foreign
// key of its tables one way, inline (.References) when all of them can be,
// else all as table-level op.ForeignKey items.
func TestForeignKeyStyleIsOneAFile(t *testing.T) {
	t.Parallel()
	conventional := model.Table{Name: "notes",
		Columns:     []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}, {Name: "user_id", Type: model.Type{SQL: "bigint"}}},
		PrimaryKey:  model.PrimaryKey{Name: model.PrimaryKeyName("notes"), Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: model.ForeignKeyName("notes", []string{"user_id"}, "users"), Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}}},
	}
	serverNamed := model.Table{Name: "tags",
		Columns:     []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}, {Name: "note_id", Type: model.Type{SQL: "bigint"}}},
		PrimaryKey:  model.PrimaryKey{Name: model.PrimaryKeyName("tags"), Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: "tags_note_id_fkey", Columns: []string{"note_id"}, RefTable: "notes", RefColumns: []string{"id"}}},
	}
	for _, tc := range []struct {
		name       string
		tables     []model.Table
		references int
		tableLevel int
	}{
		{"all conventional: inline", []model.Table{conventional}, 1, 0},
		{"one server-named: all table-level", []model.Table{conventional, serverNamed}, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var up, down []ops.Op
			for _, tb := range tc.tables {
				up = append(up, ops.CreateTable{Table: tb})
				down = append([]ops.Op{ops.DropTable{Table: tb}}, down...)
			}
			src, err := File(Revision{Header: ops.Header{ID: "a1", Message: "fk"}}, up, down)
			if err != nil {
				t.Fatal(err)
			}
			// Each op list holds every table once.
			if got := strings.Count(string(src), ".References("); got != 2*tc.references {
				t.Errorf(".References calls: %d, want %d\n%s", got, 2*tc.references, src)
			}
			if got := strings.Count(string(src), "op.ForeignKey("); got != 2*tc.tableLevel {
				t.Errorf("op.ForeignKey items: %d, want %d\n%s", got, 2*tc.tableLevel, src)
			}
		})
	}
}
