package diff

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// The sort helpers give every list of constraints one order: by name, then
// by column list for unnamed ones, then by what else tells them apart.

func compareLists(a, b []string) int { return slices.Compare(a, b) }

func compareIndex(a, b model.Index) int {
	if c := cmp.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return compareLists(a.Columns(), b.Columns())
}

// sorted returns list when it is already sorted (catalogs and the loader
// mostly give sorted lists), else a sorted copy.
func sorted[T any](list []T, compare func(a, b T) int) []T {
	if slices.IsSortedFunc(list, compare) {
		return list
	}
	out := slices.Clone(list)
	slices.SortStableFunc(out, compare)
	return out
}

func sortedIndexes(ixs []model.Index) []model.Index { return sorted(ixs, compareIndex) }

func compareUnique(a, b model.Unique) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), compareLists(a.Columns, b.Columns))
}

func compareCheck(a, b model.Check) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Expr, b.Expr))
}

func sortUniques(us []model.Unique) { slices.SortStableFunc(us, compareUnique) }

func sortChecks(cs []model.Check) { slices.SortStableFunc(cs, compareCheck) }

func compareForeignKey(a, b model.ForeignKey) int {
	return cmp.Or(
		cmp.Compare(a.Name, b.Name),
		compareLists(a.Columns, b.Columns),
		cmp.Compare(a.RefSchema, b.RefSchema),
		cmp.Compare(a.RefTable, b.RefTable),
		compareLists(a.RefColumns, b.RefColumns),
	)
}

// sortedForeignKeys returns t's foreign keys sorted; treat the result as
// read-only, it may be t's own list.
func sortedForeignKeys(t *model.Table) []model.ForeignKey {
	return sorted(t.ForeignKeys, compareForeignKey)
}

// keepsOrder reports whether the dialect's catalog keeps indexes and checks
// in declaration order ([dialect.DeclarationOrder]).
func (c *comparer) keepsOrder() bool {
	k, ok := c.d.(dialect.DeclarationOrder)
	return ok && k.KeepsDeclarationOrder()
}

// inTargetOrder sorts created indexes and added checks by their place in
// the target table, on a dialect that keeps declaration order; they are
// in name order otherwise.
func (c *comparer) inTargetOrder(tgt *model.Table, list []ops.Op) {
	if !c.keepsOrder() || len(list) < 2 {
		return
	}
	place := func(op ops.Op) int {
		switch o := op.(type) {
		case ops.CreateIndex:
			return slices.IndexFunc(tgt.Indexes, func(ix model.Index) bool { return ix.Name == o.Index.Name })
		case ops.AddCheck:
			return slices.IndexFunc(tgt.Checks, func(ck model.Check) bool { return ck.Name == o.Check.Name && ck.Expr == o.Check.Expr })
		}
		return -1
	}
	slices.SortStableFunc(list, func(a, b ops.Op) int { return cmp.Compare(place(a), place(b)) })
}
