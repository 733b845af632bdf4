package sqlite_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestAddColumnPlaced: a column added after the last column is ADD
// COLUMN; one added first or after a middle column is a rebuild that puts
// it in its place and keeps the rows; pragma_table_xinfo is the oracle.
func TestAddColumnPlaced(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	if _, err := db.Exec("CREATE TABLE people (id INTEGER PRIMARY KEY, last_name TEXT); INSERT INTO people VALUES (1, 'Lovelace')"); err != nil {
		t.Fatal(err)
	}
	text := func(name string) model.Column {
		return model.Column{Name: name, Type: model.Type{SQL: "TEXT"}, Nullable: true}
	}
	mustApply(t, db,
		ops.AddColumn{Table: "people", Column: text("middle_name"), Position: ops.ColumnPosition{After: "id"}},
		ops.AddColumn{Table: "people", Column: text("title"), Position: ops.ColumnPosition{First: true}},
		ops.AddColumn{Table: "people", Column: text("suffix"), Position: ops.ColumnPosition{After: "last_name"}},
	)
	cols := rowsOf(t, db, "SELECT name FROM pragma_table_xinfo('people') ORDER BY cid")
	if diff := cmp.Diff([][]string{{"title"}, {"id"}, {"middle_name"}, {"last_name"}, {"suffix"}}, cols); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"1", "Lovelace"}}, rowsOf(t, db, "SELECT id, last_name FROM people")); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
