package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
)

// keyOrdering is testDialect whose server lists unique keys before the
// others, each group in creation order, and folds index names.
type keyOrdering struct{ testDialect }

func (keyOrdering) FoldedNames() dialect.FoldedNames { return dialect.FoldedNames{Indexes: true} }
func (keyOrdering) SortKeys(t *model.Table) {
	slices.SortStableFunc(t.Indexes, func(a, b model.Index) int {
		rank := func(ix model.Index) int {
			if ix.Unique {
				return 0
			}
			return 1
		}
		return rank(a) - rank(b)
	})
}

func TestIndexOrderUnkept(t *testing.T) {
	// An index is "name" on column x, "name:col" on col, "+name" unique.
	tbl := func(name string, idx ...string) model.Table {
		t := model.Table{Name: name, Columns: []model.Column{
			{Name: "x", Type: model.Type{SQL: "int"}}, {Name: "y", Type: model.Type{SQL: "int"}}}}
		for _, s := range idx {
			n, col, ok := strings.Cut(s, ":")
			if !ok {
				col = "x"
			}
			u := strings.HasPrefix(n, "+")
			t.Indexes = append(t.Indexes, model.Index{Name: strings.TrimPrefix(n, "+"), Unique: u, Parts: []model.IndexPart{{Column: col}}})
		}
		return t
	}
	current := model.Schema{ServerOrder: true, Tables: []model.Table{
		tbl("same", "a", "b"),
		tbl("swapped", "a", "b"),
		tbl("appended", "a"),
		tbl("middle", "a", "c"),
		tbl("unique_added", "k"),
		tbl("dropped", "a", "x", "b"),
		tbl("recreated", "a", "b"),
		tbl("case", "A", "b"),
	}}
	target := model.Schema{ServerOrder: true, Tables: []model.Table{
		tbl("same", "a", "b"),
		tbl("swapped", "b", "a"),
		tbl("appended", "a", "n"),
		tbl("middle", "a", "n", "c"),
		tbl("unique_added", "+u", "k"),
		tbl("dropped", "a", "b"),
		tbl("recreated", "a:y", "b"),
		tbl("case", "a", "b"),
		tbl("created", "b", "a"),
	}}
	d := keyOrdering{}
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
	// middle: the new index goes last; recreated and case: the changed
	// index (its columns, the case of its name) is dropped and created
	// again, so it goes last. unique_added: the new unique key goes first,
	// as the target has it.
	if got, want := names(diff.IndexOrderUnkept(d, current, target, list)), "case,middle,recreated,swapped"; got != want {
		t.Errorf("IndexOrderUnkept = %s, want %s", got, want)
	}
	// A model's index order means nothing: no table is named against one.
	model := target
	model.ServerOrder = false
	if got := diff.IndexOrderUnkept(d, current, model, list); len(got) != 0 {
		t.Errorf("IndexOrderUnkept against a model = %s, want none", names(got))
	}
	// A dialect whose server does not order keys names none.
	if got := diff.IndexOrderUnkept(testDialect{}, current, target, list); len(got) != 0 {
		t.Errorf("IndexOrderUnkept on a dialect without key order = %s, want none", names(got))
	}
}
