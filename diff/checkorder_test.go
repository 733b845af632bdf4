package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
)

// checkOrdering is testDialect whose catalog keeps checks in the order
// they were added, as MariaDB's does.
type checkOrdering struct{ testDialect }

func (checkOrdering) KeepsDeclarationOrder() bool { return true }

func TestCheckOrderUnkept(t *testing.T) {
	// A check is "name" on x > 0, "name=expr" with its expression,
	// "col:name" a column-level check on col.
	tbl := func(name string, checks ...string) model.Table {
		t := model.Table{Name: name, Columns: []model.Column{
			{Name: "x", Type: model.Type{SQL: "int"}}, {Name: "y", Type: model.Type{SQL: "int"}}}}
		for _, s := range checks {
			ck := model.Check{Expr: "x > 0"}
			if col, n, ok := strings.Cut(s, ":"); ok {
				ck.Column, s = col, n
			}
			ck.Name = s
			if n, e, ok := strings.Cut(s, "="); ok {
				ck.Name, ck.Expr = n, e
			}
			t.Checks = append(t.Checks, ck)
		}
		return t
	}
	current := model.Schema{ServerOrder: true, Tables: []model.Table{
		tbl("same", "a", "b"),
		tbl("swapped", "a", "b"),
		tbl("appended", "a"),
		tbl("earlier", "a"),
		tbl("changed", "a", "b"),
		tbl("column_level", "x:x", "a"),
		tbl("dropped", "a", "x", "b"),
	}}
	target := model.Schema{ServerOrder: true, Tables: []model.Table{
		tbl("same", "a", "b"),
		tbl("swapped", "b", "a"),
		tbl("appended", "a", "n"),
		tbl("earlier", "n", "a"),
		tbl("changed", "a=x > 1", "b"),
		tbl("column_level", "a", "x:x"),
		tbl("dropped", "a", "b"),
		tbl("created", "b", "a"),
	}}
	// changed: the check whose expression changed is dropped and added
	// again, so it goes last; appended: the new check goes last, as the
	// target has it, but earlier's does not; column_level: a column-level
	// check is not among the CONSTRAINT lines; a created table is not
	// compared.
	testOrderUnkept(t, "CheckOrderUnkept", diff.CheckOrderUnkept, checkOrdering{}, current, target, "changed,earlier,swapped")
}
