package diff

import (
	"reflect"
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
	key := func(name string) string {
		if fold {
			return strings.ToLower(name)
		}
		return name
	}
	// A table an op changed (not one it renamed, which the server leaves
	// as it was) went through an ALTER TABLE: its keys are sorted again.
	settle := func(before, after *model.Schema) {
		for k := range after.Tables {
			t := &after.Tables[k]
			j := slices.IndexFunc(before.Tables, func(b model.Table) bool { return b.Schema == t.Schema && b.Name == t.Name })
			if j < 0 || reflect.DeepEqual(before.Tables[j], *t) {
				continue
			}
			ko.SortKeys(t)
		}
	}
	names := func(t *model.Table) []string {
		out := make([]string, 0, len(t.Indexes))
		for _, ix := range t.Indexes {
			out = append(out, key(ix.Name))
		}
		return out
	}
	return orderUnkept(current, target, list, settle, names)
}
