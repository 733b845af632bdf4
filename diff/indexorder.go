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
// ([model.Schema.ServerOrder], as a catalog reader that reads it
// sets): a model loaded from Go struct tags has no meaningful index
// order, so against one it returns nil, as it does on other dialects.
func IndexOrderUnkept(d dialect.Dialect, current, target model.Schema, list []ops.Op) []*model.Table {
	ko, ok := d.(dialect.KeyOrderer)
	if !ok || !current.ServerOrder || !target.ServerOrder {
		return nil
	}
	fold := false
	if f, ok := d.(dialect.NameFolder); ok {
		fold = f.FoldedNames().Indexes
	}
	settle := func(after *model.Schema, op ops.Op) {
		if schema, table, ok := keyTable(op); ok {
			if k := slices.IndexFunc(after.Tables, func(t model.Table) bool { return t.Schema == schema && t.Name == table }); k >= 0 {
				ko.SortKeys(&after.Tables[k])
			}
		}
	}
	names := func(t *model.Table) []string {
		out := make([]string, 0, len(t.Indexes))
		for _, ix := range t.Indexes {
			if fold {
				out = append(out, strings.ToLower(ix.Name))
			} else {
				out = append(out, ix.Name)
			}
		}
		return out
	}
	return orderUnkept(current, target, list, settle, names)
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
