package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// WrittenMethods is implemented by dialects whose catalog gives some
// index methods only as the DDL wrote them, whatever algorithm the engine
// uses (MariaDB's SHOW CREATE TABLE prints USING BTREE or USING HASH only
// when it was written). Compare asks it about target indexes whose method
// may or may not have been written ([model.Index.MethodWrittenUnknown]):
// for such a method, a database index with none written matches.
type WrittenMethods interface {
	// MethodAsWritten reports whether the index method (in any case) is
	// reflected only where the index's DDL wrote it.
	MethodAsWritten(method string) bool
}

// sameMethod reports whether two indexes have the same method. An index
// whose method may be unwritten ([model.Index.MethodWrittenUnknown])
// matches one with no method, on a dialect that reflects that method only
// as written ([WrittenMethods]); [MethodWrittenUnknown] names such pairs
// as not compared.
func (c *comparer) sameMethod(a, b *model.Index) bool {
	return strings.EqualFold(a.Method, b.Method) || unwrittenMatch(c.d, a, b) || unwrittenMatch(c.d, b, a)
}

// unwrittenMatch reports whether hinted's method may be unwritten and
// other, which has no method, is then the same index on d.
func unwrittenMatch(d dialect.Dialect, hinted, other *model.Index) bool {
	if !hinted.MethodWrittenUnknown || hinted.Method == "" || other.Method != "" {
		return false
	}
	w, ok := d.(WrittenMethods)
	return ok && w.MethodAsWritten(hinted.Method)
}

// IndexRef names one index of a table.
type IndexRef struct {
	Schema, Table, Name string
}

// MethodWrittenUnknown returns the indexes of target whose method may or
// may not have been written ([model.Index.MethodWrittenUnknown]) and
// whose index of the same name in current (its table found by name, or
// renamed by list, the ops [Compare] returned) has no method written,
// on a dialect that reflects that method only as written
// ([WrittenMethods]). Compare took each for the same index in that
// respect: whether USING is written was not compared, and callers name
// these indexes as not compared. It returns nil on other dialects, sorted
// by schema, table and name otherwise.
func MethodWrittenUnknown(d dialect.Dialect, current, target model.Schema, list []ops.Op) []IndexRef {
	if _, ok := d.(WrittenMethods); !ok {
		return nil
	}
	fold := false
	if f, ok := d.(dialect.NameFolder); ok {
		fold = f.FoldedNames().Indexes
	}
	same := func(a, b string) bool { return a == b || fold && strings.EqualFold(a, b) }
	var out []IndexRef
	for i := range target.Tables {
		tgt := &target.Tables[i]
		cur, ok := currentOf(current, tgt, list)
		if !ok {
			continue
		}
		for j := range tgt.Indexes {
			ix := &tgt.Indexes[j]
			m := slices.IndexFunc(cur.Indexes, func(c model.Index) bool { return same(c.Name, ix.Name) })
			if m >= 0 && unwrittenMatch(d, ix, &cur.Indexes[m]) {
				out = append(out, IndexRef{Schema: tgt.Schema, Table: tgt.Name, Name: ix.Name})
			}
		}
	}
	slices.SortFunc(out, func(a, b IndexRef) int {
		return cmp.Or(compareKeys(tableKey{a.Schema, a.Table}, tableKey{b.Schema, b.Table}), strings.Compare(a.Name, b.Name))
	})
	return out
}

// clearMethodHints returns list with no index carrying
// MethodWrittenUnknown: a comparison hint, never part of an op (an op's
// index is written with its method).
func clearMethodHints(list []ops.Op) []ops.Op {
	clear := func(ixs []model.Index) []model.Index {
		if !slices.ContainsFunc(ixs, func(ix model.Index) bool { return ix.MethodWrittenUnknown }) {
			return ixs
		}
		ixs = slices.Clone(ixs)
		for i := range ixs {
			ixs[i].MethodWrittenUnknown = false
		}
		return ixs
	}
	for i, op := range list {
		switch o := op.(type) {
		case ops.CreateTable:
			o.Table.Indexes = clear(o.Table.Indexes)
			list[i] = o
		case ops.DropTable:
			o.Table.Indexes = clear(o.Table.Indexes)
			list[i] = o
		case ops.CreateIndex:
			o.Index.MethodWrittenUnknown = false
			list[i] = o
		case ops.DropIndex:
			o.Index.MethodWrittenUnknown = false
			list[i] = o
		}
	}
	return list
}
