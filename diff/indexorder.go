package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// IndexOrderUnkept returns the tables of target, present in current too
// (same schema and name, or renamed by list), whose indexes the server
// would list in another order than target's after list (the ops
// [Compare] returned for current and target), on a dialect whose server
// orders keys itself ([dialect.KeyOrderer], MariaDB). There an index
// retort creates goes last in its group and one it keeps stays where it
// is; retort never drops and recreates an index to move it (Vitess's
// schemadiff likewise takes key order for no difference). Index order is
// then an attribute retort does not compare: callers name these tables as
// not compared, and they are not drift.
//
// Only indexes present on both sides after list are compared (an index
// the server adds by itself, for a foreign key, is not known in advance),
// and only when both schemas list indexes in the server's order
// ([model.Schema.ServerIndexOrder], as a catalog reader that reads it
// sets): a model loaded from Go struct tags has no meaningful index
// order, so against one it returns nil, as it does on other dialects.
func IndexOrderUnkept(d dialect.Dialect, current, target model.Schema, list []ops.Op) []*model.Table {
	ko, ok := d.(dialect.KeyOrderer)
	if !ok || !current.ServerIndexOrder || !target.ServerIndexOrder {
		return nil
	}
	fold := false
	if f, ok := d.(dialect.NameFolder); ok {
		fold = f.FoldedNames().Indexes
	}
	key := func(name string) string {
		if fold {
			return strings.ToLower(name)
		}
		return name
	}
	after := current.Clone()
	for _, op := range list {
		if ops.Apply(&after, op) != nil {
			// An op the model cannot follow (it names an object current
			// lacks) changes nothing here; the others still count.
			continue
		}
		if schema, table, ok := keyTable(op); ok {
			if k := slices.IndexFunc(after.Tables, func(t model.Table) bool { return t.Schema == schema && t.Name == table }); k >= 0 {
				ko.SortKeys(&after.Tables[k])
			}
		}
	}
	var out []*model.Table
	for i := range target.Tables {
		tgt := &target.Tables[i]
		if !slices.ContainsFunc(current.Tables, func(t model.Table) bool { return t.Schema == tgt.Schema && t.Name == renamedFrom(tgt, list) }) {
			continue
		}
		k := slices.IndexFunc(after.Tables, func(t model.Table) bool { return t.Schema == tgt.Schema && t.Name == tgt.Name })
		if k < 0 {
			continue
		}
		got, want := sharedIndexNames(after.Tables[k].Indexes, tgt.Indexes, key)
		if !slices.Equal(got, want) {
			out = append(out, tgt)
		}
	}
	slices.SortFunc(out, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	return out
}

// renamedFrom is the name tgt has in current: the From of a RenameTable
// of list that gives it its name, else its own.
func renamedFrom(tgt *model.Table, list []ops.Op) string {
	name := tgt.Name
	for _, op := range list {
		if r, ok := op.(ops.RenameTable); ok && r.Schema == tgt.Schema && r.To == tgt.Name {
			name = r.From
		}
	}
	return name
}

// sharedIndexNames returns the names (through key) of the indexes of a
// and of b that the other list holds too, each in its list's order.
func sharedIndexNames(a, b []model.Index, key func(string) string) (inA, inB []string) {
	names := func(ixs []model.Index) []string {
		var out []string
		for _, ix := range ixs {
			out = append(out, key(ix.Name))
		}
		return out
	}
	na, nb := names(a), names(b)
	inA = slices.DeleteFunc(slices.Clone(na), func(n string) bool { return !slices.Contains(nb, n) })
	inB = slices.DeleteFunc(slices.Clone(nb), func(n string) bool { return !slices.Contains(na, n) })
	return inA, inB
}

// keyTable returns the table an op changes in a way that can move its
// keys: an index or unique constraint created or dropped, or a column
// added, dropped, renamed or changed (a key's group can follow its
// columns' nullability). The server sorts the keys again after each.
func keyTable(op ops.Op) (schema, table string, ok bool) {
	switch o := op.(type) {
	case ops.CreateIndex:
		return o.Schema, o.Table, true
	case ops.DropIndex:
		return o.Schema, o.Table, true
	case ops.AddUnique:
		return o.Schema, o.Table, true
	case ops.DropUnique:
		return o.Schema, o.Table, true
	case ops.AddColumn:
		return o.Schema, o.Table, true
	case ops.DropColumn:
		return o.Schema, o.Table, true
	case ops.AlterColumn:
		return o.Schema, o.Table, true
	case ops.RenameColumn:
		return o.Schema, o.Table, true
	}
	return "", "", false
}
