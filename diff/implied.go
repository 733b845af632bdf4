package diff

import "github.com/retortdb/retort/model"

// ImpliedTypes is implemented by dialects that know which column types
// mean the same, for a Go type, as the type retort (or an ORM's driver)
// picks for it: on SQLite every integer type holds a Go int64 alike
// (INTEGER affinity), on MySQL an integer's display width changes
// nothing. Compare asks it only about target columns whose type is
// implied by the Go type ([model.Type.IsImplied]); SQL the user wrote
// (type=, type:) compares exactly, through NormalizeType.
type ImpliedTypes interface {
	// SameImpliedType reports whether a column of SQL type reflected holds
	// a Go value of kind goType exactly as one of type target (the
	// dialect's spelling of goType, or the ORM's) does.
	SameImpliedType(goType model.Type, reflected, target string) bool
}

// readImplied returns, by table and column, the target columns whose
// type is implied by the Go type, as the models gave them (before
// Canonical resolves them to SQL).
func readImplied(target model.Schema) map[colKey]model.Type {
	var m map[colKey]model.Type
	for i := range target.Tables {
		t := &target.Tables[i]
		for _, col := range t.Columns {
			if !col.Type.IsImplied() {
				continue
			}
			if m == nil {
				m = map[colKey]model.Type{}
			}
			m[colKey{keyOf(t), col.Name}] = col.Type
		}
	}
	return m
}

// sameImplied reports whether from's type means what to's implied type
// means, as the dialect judges it.
func (c *comparer) sameImplied(ctx CompareContext, from, to *model.Column) bool {
	it, ok := c.d.(ImpliedTypes)
	if !ok || c.implied == nil {
		return false
	}
	goType, ok := c.implied[colKey{tableKey{ctx.Schema, ctx.Table}, to.Name}]
	if !ok {
		return false
	}
	return it.SameImpliedType(goType, from.Type.SQL, to.Type.SQL)
}
