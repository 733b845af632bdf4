package diff

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// compareExtensions matches extensions by name (their version and schema
// are not compared; see [model.Extension]). An extension the target lists
// and the current schema lacks is created. One the current schema has and
// the target does not list is dropped only when the target lists every
// extension ([model.Schema.AllExtensions], as a catalog reader does):
// models name the extensions they need, and a database's others (plpgsql,
// pg_stat_statements) are left alone. IncludeName, asked with
// [KindExtension], keeps an extension out of the comparison.
func (c *comparer) compareExtensions(cur []model.Extension, tgt model.Schema) (creates, drops []ops.Op) {
	admits := func(e model.Extension) bool {
		return c.opts.IncludeName == nil || c.opts.IncludeName(e.Name, KindExtension, Parents{Schema: e.Schema})
	}
	byName := func(a, b model.Extension) int { return cmp.Compare(a.Name, b.Name) }
	cs, ts := slices.Clone(cur), slices.Clone(tgt.Extensions)
	slices.SortStableFunc(cs, byName)
	slices.SortStableFunc(ts, byName)
	has := func(list []model.Extension, name string) bool {
		return slices.ContainsFunc(list, func(e model.Extension) bool { return e.Name == name })
	}
	for _, e := range ts {
		if !has(cs, e.Name) && admits(e) {
			creates = append(creates, ops.CreateExtension{Extension: e})
		}
	}
	if tgt.AllExtensions {
		for i := len(cs) - 1; i >= 0; i-- {
			if e := cs[i]; !has(ts, e.Name) && admits(e) {
				drops = append(drops, ops.DropExtension{Extension: e})
			}
		}
	}
	return creates, drops
}
