package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ColumnOrderUnplaced returns the tables of target, present in current
// too (same schema and name, or renamed by list), whose columns would not
// be in the target's order after list (the ops [Compare] returned for
// current and target), on a dialect that does not place columns
// ([dialect.ColumnPlacer]): there ADD COLUMN appends, and retort never
// moves a column (that needs a table rewrite), so the columns kept keep
// current's relative order and the added ones (a recreated one too) go
// last. Column order is then an attribute retort does not compare:
// callers name these tables as not compared, and they are not drift. It
// returns nil on a dialect that places columns.
func ColumnOrderUnplaced(d dialect.Dialect, current, target model.Schema, list []ops.Op) []*model.Table {
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
		cur, ok := currentOf(current, tgt, list)
		if !ok {
			continue
		}
		cols := columnsAfter(*cur, tgt.Name, list, same)
		if !slices.EqualFunc(cols, tgt.Columns, func(n string, c model.Column) bool { return same(n, c.Name) }) {
			out = append(out, tgt)
		}
	}
	slices.SortFunc(out, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	return out
}

// currentOf returns the table of current that tgt is compared with: the
// one of the same schema and name, or the one list (the ops [Compare]
// returned) renames to it.
func currentOf(current model.Schema, tgt *model.Table, list []ops.Op) (*model.Table, bool) {
	name := tgt.Name
	for _, op := range list {
		if r, ok := op.(ops.RenameTable); ok && r.Schema == tgt.Schema && r.To == tgt.Name {
			name = r.From
		}
	}
	k := slices.IndexFunc(current.Tables, func(t model.Table) bool { return t.Schema == tgt.Schema && t.Name == name })
	if k < 0 {
		return nil, false
	}
	return &current.Tables[k], true
}

// columnsAfter returns the column names of cur (called name in the
// target) after the column ops of list on it, as a dialect that appends
// every added column leaves them.
func columnsAfter(cur model.Table, name string, list []ops.Op, same func(a, b string) bool) []string {
	var cols []string
	for _, c := range cur.Columns {
		cols = append(cols, c.Name)
	}
	on := func(schema, table string) bool {
		return schema == cur.Schema && (table == name || table == cur.Name)
	}
	find := func(n string) int { return slices.IndexFunc(cols, func(c string) bool { return same(c, n) }) }
	for _, op := range list {
		switch o := op.(type) {
		case ops.AddColumn:
			if on(o.Schema, o.Table) {
				cols = append(cols, o.Column.Name)
			}
		case ops.DropColumn:
			if on(o.Schema, o.Table) {
				if j := find(o.Column.Name); j >= 0 {
					cols = slices.Delete(cols, j, j+1)
				}
			}
		case ops.RenameColumn:
			if on(o.Schema, o.Table) {
				if j := find(o.From); j >= 0 {
					cols[j] = o.To
				}
			}
		}
	}
	return cols
}
