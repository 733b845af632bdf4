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
	// middle: the new index goes last; recreated and case: the changed
	// index (its columns, the case of its name) is dropped and created
	// again, so it goes last. unique_added: the new unique key goes first,
	// as the target has it.
	testOrderUnkept(t, "IndexOrderUnkept", diff.IndexOrderUnkept, keyOrdering{}, current, target, "case,middle,recreated,swapped")
}
