package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

// ColumnOrderUnplaced returns the tables of target, present in current
// too (same schema and name), whose columns would not end up in the
// target's order after [Compare]'s ops, on a dialect that does not place
// columns ([dialect.ColumnPlacer]): there ADD COLUMN appends, and retort
// never moves a column (that needs a table rewrite), so the columns both
// sides hold keep current's relative order and the added ones go last.
// Column order is then an attribute retort does not compare: callers
// name these tables as not compared, and they are not drift. It returns
// nil on a dialect that places columns. A column renamed by a
// renamed_from hint counts as the column it was.
func ColumnOrderUnplaced(d dialect.Dialect, current, target model.Schema) []*model.Table {
	if p, ok := d.(dialect.ColumnPlacer); ok && p.PlacesColumns() {
		return nil
	}
	fold := false
	if f, ok := d.(dialect.NameFolder); ok {
		fold = f.FoldedNames().Columns
	}
	same := func(a, b string) bool {
		if fold {
			return strings.EqualFold(a, b)
		}
		return a == b
	}
	var out []*model.Table
	for i := range target.Tables {
		tgt := &target.Tables[i]
		k := slices.IndexFunc(current.Tables, func(t model.Table) bool { return t.Schema == tgt.Schema && t.Name == tgt.Name })
		if k < 0 {
			continue
		}
		if !appendsInOrder(current.Tables[k].Columns, tgt.Columns, same) {
			out = append(out, tgt)
		}
	}
	slices.SortFunc(out, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	return out
}

// appendsInOrder reports whether the columns cur keeps, in cur's order,
// followed by the ones tgt adds, are tgt's columns in tgt's order.
func appendsInOrder(cur, tgt []model.Column, same func(a, b string) bool) bool {
	// pos is, for each target column, its current index or -1 (added).
	pos := make([]int, len(tgt))
	for k := range tgt {
		pos[k] = slices.IndexFunc(cur, func(c model.Column) bool {
			return same(c.Name, tgt[k].Name) || tgt[k].RenamedFrom != "" && same(c.Name, tgt[k].RenamedFrom)
		})
	}
	prev, added := -1, false
	for _, p := range pos {
		switch {
		case p < 0:
			added = true
		case added || p < prev:
			// A kept column after an added one, or before a kept one
			// that comes earlier in current.
			return false
		default:
			prev = p
		}
	}
	return true
}
