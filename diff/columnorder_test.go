package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func TestColumnOrderUnplaced(t *testing.T) {
	tbl := func(name string, cols ...string) model.Table {
		t := model.Table{Name: name}
		for _, c := range cols {
			old, now, renamed := strings.Cut(c, ">")
			col := model.Column{Name: c, Type: model.Type{SQL: "int"}}
			if renamed {
				col.Name, col.RenamedFrom = now, old
			}
			t.Columns = append(t.Columns, col)
		}
		return t
	}
	current := model.Schema{Tables: []model.Table{
		tbl("same", "id", "a", "b"),
		tbl("appended", "id", "a"),
		tbl("middle", "id", "c"),
		tbl("swapped", "id", "a", "b"),
		tbl("dropped", "id", "x", "a"),
		tbl("renamed", "id", "old", "b"),
		tbl("gone", "id"),
	}}
	target := model.Schema{Tables: []model.Table{
		tbl("same", "id", "a", "b"),
		tbl("appended", "id", "a", "n"),
		tbl("middle", "id", "n", "c"),
		tbl("swapped", "id", "b", "a"),
		tbl("dropped", "id", "a"),
		tbl("renamed", "id", "old>new", "b"),
		tbl("created", "b", "a"),
	}}
	list, err := diff.Compare(current, target, testDialect{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, t := range diff.ColumnOrderUnplaced(testDialect{}, current, target, list) {
		got = append(got, t.Name)
	}
	if want := "middle,swapped"; strings.Join(got, ",") != want {
		t.Errorf("ColumnOrderUnplaced = %v, want %s", got, want)
	}
	// A column the ops drop and add again goes last: its table is named
	// unless it was last already.
	recreated := append(list, ops.DropColumn{Table: "same", Column: model.Column{Name: "a"}}, ops.AddColumn{Table: "same", Column: model.Column{Name: "a"}},
		ops.DropColumn{Table: "appended", Column: model.Column{Name: "n"}}, ops.AddColumn{Table: "appended", Column: model.Column{Name: "n"}})
	got = nil
	for _, t := range diff.ColumnOrderUnplaced(testDialect{}, current, target, recreated) {
		got = append(got, t.Name)
	}
	if want := "middle,same,swapped"; strings.Join(got, ",") != want {
		t.Errorf("with recreated columns: %v, want %s", got, want)
	}
	// A dialect that places columns keeps the target's order: nothing to name.
	if got := diff.ColumnOrderUnplaced(mysqlLike{}, current, target, list); got != nil {
		t.Errorf("on a placing dialect: %v, want none", got)
	}
}
