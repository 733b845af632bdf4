package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
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
	var got []string
	for _, t := range diff.ColumnOrderUnplaced(testDialect{}, current, target) {
		got = append(got, t.Name)
	}
	if want := "middle,swapped"; strings.Join(got, ",") != want {
		t.Errorf("ColumnOrderUnplaced = %v, want %s", got, want)
	}
	// A dialect that places columns keeps the target's order: nothing to name.
	if got := diff.ColumnOrderUnplaced(mysqlLike{}, current, target); got != nil {
		t.Errorf("on a placing dialect: %v, want none", got)
	}
}
