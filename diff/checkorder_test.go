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
	d := checkOrdering{}
	list, err := diff.Compare(current, target, d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := func(ts []*model.Table) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Name)
		}
		return strings.Join(out, ",")
	}
	// changed: the check whose expression changed is dropped and added
	// again, so it goes last; appended: the new check goes last, as the
	// target has it, but earlier's does not; column_level: a column-level
	// check is not among the CONSTRAINT lines; a created table is not
	// compared.
	if got, want := names(diff.CheckOrderUnkept(d, current, target, list)), "changed,earlier,swapped"; got != want {
		t.Errorf("CheckOrderUnkept = %s, want %s", got, want)
	}
	// A model's check order means nothing: no table is named against one.
	model := target
	model.ServerOrder = false
	if got := diff.CheckOrderUnkept(d, current, model, list); len(got) != 0 {
		t.Errorf("CheckOrderUnkept against a model = %s, want none", names(got))
	}
	// A dialect whose catalog does not keep check order names none.
	if got := diff.CheckOrderUnkept(testDialect{}, current, target, list); len(got) != 0 {
		t.Errorf("CheckOrderUnkept on a dialect without check order = %s, want none", names(got))
	}
}
