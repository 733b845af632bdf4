package diff

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/model"
)

// The sort helpers give every list of constraints one order: by name, then
// by column list for unnamed ones, then by what else tells them apart.

func compareLists(a, b []string) int { return slices.Compare(a, b) }

func sortedIndexes(ixs []model.Index) []model.Index {
	out := slices.Clone(ixs)
	slices.SortStableFunc(out, func(a, b model.Index) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), compareLists(a.Columns(), b.Columns()))
	})
	return out
}

func sortUniques(us []model.Unique) {
	slices.SortStableFunc(us, func(a, b model.Unique) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), compareLists(a.Columns, b.Columns))
	})
}

func sortChecks(cs []model.Check) {
	slices.SortStableFunc(cs, func(a, b model.Check) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Expr, b.Expr))
	})
}

func compareForeignKey(a, b model.ForeignKey) int {
	return cmp.Or(
		cmp.Compare(a.Name, b.Name),
		compareLists(a.Columns, b.Columns),
		cmp.Compare(a.RefSchema, b.RefSchema),
		cmp.Compare(a.RefTable, b.RefTable),
		compareLists(a.RefColumns, b.RefColumns),
	)
}

// sortedForeignKeys returns a sorted copy of t's foreign keys.
func sortedForeignKeys(t *model.Table) []model.ForeignKey {
	out := slices.Clone(t.ForeignKeys)
	slices.SortStableFunc(out, compareForeignKey)
	return out
}
