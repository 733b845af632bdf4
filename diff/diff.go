package diff

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ErrDuplicate is returned when a schema holds two tables or two enum types
// with the same schema and name.
var ErrDuplicate = errors.New("diff: duplicate object")

// Compare returns the ops that turn current (a reflected schema) into target
// (the models' schema), in the order documented in the package comment.
// target is first replaced by d.Canonical(target), and every target column
// type is resolved to SQL with d.TypeSQL. The downgrade is
// [ops.ReverseList] of the result.
//
// The returned ops may share slices with current and target; treat them as
// read-only values.
func Compare(current, target model.Schema, d dialect.Dialect, opts Options) ([]ops.Op, error) {
	h := readHints(target)
	implied := readImplied(target)
	extTarget := model.Schema{Extensions: target.Extensions, AllExtensions: target.AllExtensions}
	target = d.Canonical(target)
	target.Tables = resolveTypes(target.Tables, d)

	cur, err := sortTables(current.Tables, "current")
	if err != nil {
		return nil, err
	}
	tgt, err := sortTables(target.Tables, "target")
	if err != nil {
		return nil, err
	}
	c := &comparer{d: d, opts: opts, implied: implied}
	cur, tgt = c.filterTables(cur, tgt)
	curEnums, tgtEnums := c.filterEnums(current.Enums, target.Enums)
	curEnums, cur, enumRenames := c.rebuildEnums(curEnums, tgtEnums, cur)
	h = c.foldedRenames(cur, tgt, h)
	cur, renames := c.applyRenames(cur, tgt, h)
	c.cur, c.tgt = index(cur), index(tgt)

	// Walk both sorted lists once: added, removed and kept tables.
	var added, removed []*model.Table
	var kept [][2]*model.Table
	i, j := 0, 0
	for i < len(cur) || j < len(tgt) {
		switch {
		case j == len(tgt) || (i < len(cur) && compareKeys(keyOf(cur[i]), keyOf(tgt[j])) < 0):
			removed = append(removed, cur[i])
			i++
		case i == len(cur) || compareKeys(keyOf(cur[i]), keyOf(tgt[j])) > 0:
			added = append(added, tgt[j])
			j++
		default:
			kept = append(kept, [2]*model.Table{cur[i], tgt[j]})
			i++
			j++
		}
	}

	enums, err := c.compareEnums(curEnums, tgtEnums, tgt)
	if err != nil {
		return nil, err
	}

	var (
		out     []ops.Op
		dropFKs []tableOps // step 4
		body    []ops.Op   // step 5
		addFKs  []tableOps // step 6
	)
	extCreates, extDrops := c.compareExtensions(current.Extensions, extTarget)
	out = append(out, extCreates...)
	out = append(out, enumRenames...)
	out = append(out, enums.creates...)
	out = append(out, enums.adds...)
	out = append(out, renames...)

	creates, deferred := c.createTables(added)
	out = append(out, creates...)
	addFKs = append(addFKs, deferred...)

	for _, p := range kept {
		td := c.compareTable(p[0], p[1])
		if len(td.dropFKs) > 0 {
			dropFKs = append(dropFKs, tableOps{keyOf(p[0]), td.dropFKs})
		}
		body = append(body, td.body...)
		if len(td.addFKs) > 0 {
			addFKs = append(addFKs, tableOps{keyOf(p[0]), td.addFKs})
		}
	}

	early, drops := c.dropTables(removed)
	dropFKs = append(dropFKs, early...)

	out = appendByTable(out, dropFKs)
	out = append(out, body...)
	out = appendByTable(out, addFKs)
	out = append(out, drops...)
	out = append(out, enums.drops...)
	out = append(out, extDrops...)

	if len(opts.Comparators) > 0 {
		cs := model.Schema{Tables: derefTables(cur), Enums: curEnums}
		ts := model.Schema{Tables: derefTables(tgt), Enums: tgtEnums}
		for i, f := range opts.Comparators {
			more, err := f(CompareContext{Dialect: d}, cs, ts)
			if err != nil {
				return nil, fmt.Errorf("diff: comparator %d: %w", i, err)
			}
			out = append(out, more...)
		}
	}
	return clearMethodHints(out), nil
}

// derefTables copies sorted tables into a list of values.
func derefTables(ts []*model.Table) []model.Table {
	out := make([]model.Table, len(ts))
	for i, t := range ts {
		out[i] = *t
	}
	return out
}

// comparer holds what every step of one comparison needs.
type comparer struct {
	d    dialect.Dialect
	opts Options
	cur  map[tableKey]*model.Table
	tgt  map[tableKey]*model.Table
	// typeMemo remembers CompareType's answers by column.
	typeMemo map[colKey]verdict
	// implied holds the target columns whose type the Go type implies
	// (see [ImpliedTypes]), as the models gave them.
	implied map[colKey]model.Type
}

// tableKey identifies a table.
type tableKey struct{ schema, name string }

func keyOf(t *model.Table) tableKey { return tableKey{t.Schema, t.Name} }

func compareKeys(a, b tableKey) int {
	if c := cmp.Compare(a.schema, b.schema); c != 0 {
		return c
	}
	return cmp.Compare(a.name, b.name)
}

func (k tableKey) String() string {
	if k.schema == "" {
		return k.name
	}
	return k.schema + "." + k.name
}

// refKey is the table a foreign key of t references; an empty RefSchema
// means t's own schema.
func refKey(t *model.Table, fk *model.ForeignKey) tableKey {
	if fk.RefSchema == "" {
		return tableKey{t.Schema, fk.RefTable}
	}
	return tableKey{fk.RefSchema, fk.RefTable}
}

// tableOps are ops of one table, kept together while steps are merged.
type tableOps struct {
	key tableKey
	ops []ops.Op
}

// appendByTable appends the groups' ops ordered by table, keeping each
// group's own order.
func appendByTable(out []ops.Op, groups []tableOps) []ops.Op {
	slices.SortStableFunc(groups, func(a, b tableOps) int { return compareKeys(a.key, b.key) })
	for _, g := range groups {
		out = append(out, g.ops...)
	}
	return out
}

// sortTables returns pointers to the tables sorted by schema and name, and
// reports a duplicate.
func sortTables(tables []model.Table, side string) ([]*model.Table, error) {
	ts := make([]*model.Table, len(tables))
	for i := range tables {
		ts[i] = &tables[i]
	}
	slices.SortFunc(ts, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	for i := 1; i < len(ts); i++ {
		if keyOf(ts[i-1]) == keyOf(ts[i]) {
			return nil, fmt.Errorf("%w: table %s appears twice in the %s schema", ErrDuplicate, keyOf(ts[i]), side)
		}
	}
	return ts, nil
}

func index(ts []*model.Table) map[tableKey]*model.Table {
	m := make(map[tableKey]*model.Table, len(ts))
	for _, t := range ts {
		m[keyOf(t)] = t
	}
	return m
}

// resolveTypes returns tables whose column types all have SQL set, copying
// only the tables and column lists that change.
func resolveTypes(tables []model.Table, d dialect.Dialect) []model.Table {
	var out []model.Table
	for i := range tables {
		t := &tables[i]
		var cols []model.Column
		for k := range t.Columns {
			if t.Columns[k].Type.SQL != "" {
				continue
			}
			if cols == nil {
				cols = slices.Clone(t.Columns)
			}
			cols[k].Type.SQL = d.TypeSQL(cols[k].Type)
		}
		if cols == nil {
			continue
		}
		if out == nil {
			out = slices.Clone(tables)
		}
		out[i].Columns = cols
	}
	if out == nil {
		return tables
	}
	return out
}
