package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Rename hints: a target table whose RenamedFrom names a current table of
// the same schema, where the current schema has no table of the target's
// name and the target none of the old name, is renamed
// ([ops.RenameTable]); likewise a target column whose RenamedFrom names a
// column of its current table ([ops.RenameColumn]). The comparison then
// goes on against the renamed current schema, as the database will be
// after the renames. Once a rename is applied the current schema has the
// new name and the hint is ignored.

// hints are the rename hints of the target as the models gave it (a
// dialect's Canonical need not keep them).
type hints struct {
	tables  map[tableKey]string
	columns map[tableKey][]model.Column // columns with a hint, in table order
}

// readHints collects the target's rename hints; nil when there are none.
func readHints(target model.Schema) *hints {
	var h *hints
	for i := range target.Tables {
		t := &target.Tables[i]
		if t.RenamedFrom != "" && t.RenamedFrom != t.Name {
			if h == nil {
				h = &hints{tables: map[tableKey]string{}, columns: map[tableKey][]model.Column{}}
			}
			h.tables[keyOf(t)] = t.RenamedFrom
		}
		for _, col := range t.Columns {
			if col.RenamedFrom != "" && col.RenamedFrom != col.Name {
				if h == nil {
					h = &hints{tables: map[tableKey]string{}, columns: map[tableKey][]model.Column{}}
				}
				h.columns[keyOf(t)] = append(h.columns[keyOf(t)], col)
			}
		}
	}
	return h
}

// applyRenames follows the hints: it returns the RenameTable ops (by new
// table key) and RenameColumn ops (by table key, then target column order),
// and the current tables as they are after them, sorted by key. cur and
// tgt are sorted by key; cur is left as it is.
func (c *comparer) applyRenames(cur, tgt []*model.Table, h *hints) ([]*model.Table, []ops.Op) {
	h = c.foldedTableRenames(cur, tgt, h)
	if h == nil {
		return cur, nil
	}
	curIdx, tgtIdx := index(cur), index(tgt)
	type tableRename struct{ from, to tableKey }
	var tables []tableRename
	claimed := map[tableKey]bool{}
	for _, t := range tgt {
		old, ok := h.tables[keyOf(t)]
		if !ok {
			continue
		}
		from := tableKey{t.Schema, old}
		_, hasOld := curIdx[from]
		_, hasNew := curIdx[keyOf(t)]
		_, oldWanted := tgtIdx[from]
		if !hasOld || hasNew || oldWanted || claimed[from] {
			continue
		}
		claimed[from] = true
		tables = append(tables, tableRename{from, keyOf(t)})
	}
	// Where each target table's current table is, after the table renames.
	curOf := func(t *model.Table) (*model.Table, bool) {
		for _, r := range tables {
			if r.to == keyOf(t) {
				return curIdx[r.from], true
			}
		}
		ct, ok := curIdx[keyOf(t)]
		return ct, ok
	}
	type columnRename struct {
		table    tableKey
		from, to string
	}
	var columns []columnRename
	for _, t := range tgt {
		hinted := h.columns[keyOf(t)]
		if len(hinted) == 0 {
			continue
		}
		ct, ok := curOf(t)
		if !ok {
			continue
		}
		p := Parents{Schema: t.Schema, Table: t.Name}
		var taken []string
		for _, col := range hinted {
			old := col.RenamedFrom
			_, hasOld := ct.Column(old)
			_, hasNew := ct.Column(col.Name)
			_, oldWanted := t.Column(old)
			_, newWanted := t.Column(col.Name) // Canonical kept the column
			if !hasOld || hasNew || oldWanted || !newWanted || slices.Contains(taken, old) ||
				!c.opts.includesName(old, KindColumn, p) || !c.opts.includesName(col.Name, KindColumn, p) {
				continue
			}
			taken = append(taken, old)
			columns = append(columns, columnRename{keyOf(t), old, col.Name})
		}
	}
	if len(tables) == 0 && len(columns) == 0 {
		return cur, nil
	}

	// The current schema after the renames, on deep copies.
	tabs := make([]model.Table, len(cur))
	for i, t := range cur {
		tabs[i] = t.Clone()
	}
	var out []ops.Op
	for _, r := range tables {
		out = append(out, ops.RenameTable{Schema: r.to.schema, From: r.from.name, To: r.to.name})
		for i := range tabs {
			t := &tabs[i]
			if keyOf(t) == r.from {
				t.Name = r.to.name
			}
			for k := range t.ForeignKeys {
				fk := &t.ForeignKeys[k]
				if refKey(t, fk) == r.from {
					fk.RefTable = r.to.name
				}
			}
		}
	}
	for _, r := range columns {
		out = append(out, ops.RenameColumn{Schema: r.table.schema, Table: r.table.name, From: r.from, To: r.to})
		for i := range tabs {
			t := &tabs[i]
			if keyOf(t) == r.table {
				renameColumnIn(t, r.from, r.to)
			}
			for k := range t.ForeignKeys {
				fk := &t.ForeignKeys[k]
				if refKey(t, fk) == r.table {
					replaceName(fk.RefColumns, r.from, r.to)
				}
			}
		}
	}
	ptrs := make([]*model.Table, len(tabs))
	for i := range tabs {
		ptrs[i] = &tabs[i]
	}
	slices.SortFunc(ptrs, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	return ptrs, out
}

// foldedRenames adds a rename hint for each target column that has no
// current column of its name but exactly one whose name differs only in
// case, when the dialect folds column names ([dialect.NameFolder]): the
// server takes the two names for one column, so the change is a rename,
// never an add of a column that already exists.
func (c *comparer) foldedRenames(cur, tgt []*model.Table, h *hints) *hints {
	f, ok := c.d.(dialect.NameFolder)
	if !ok || !f.FoldedNames().Columns {
		return h
	}
	curIdx := index(cur)
	for _, t := range tgt {
		ct, ok := curIdx[keyOf(t)]
		if !ok {
			continue
		}
		for _, col := range t.Columns {
			if _, same := ct.Column(col.Name); same {
				continue
			}
			old, n := "", 0
			for _, cc := range ct.Columns {
				if strings.EqualFold(cc.Name, col.Name) {
					old, n = cc.Name, n+1
				}
			}
			if _, wanted := t.Column(old); n != 1 || wanted {
				continue
			}
			if h == nil {
				h = &hints{tables: map[tableKey]string{}, columns: map[tableKey][]model.Column{}}
			}
			if slices.ContainsFunc(h.columns[keyOf(t)], func(hc model.Column) bool { return hc.Name == col.Name }) {
				continue
			}
			col.RenamedFrom = old
			h.columns[keyOf(t)] = append(h.columns[keyOf(t)], col)
		}
	}
	return h
}

// renameColumnIn renames column from of t to to, in the column list, the
// keys, indexes and constraints that name it, and the expressions that
// mention it (as the databases themselves do on RENAME COLUMN).
func renameColumnIn(t *model.Table, from, to string) {
	for k := range t.Columns {
		col := &t.Columns[k]
		if col.Name == from {
			col.Name = to
		}
		col.Generated.Expr = renameIdent(col.Generated.Expr, from, to)
	}
	replaceName(t.PrimaryKey.Columns, from, to)
	for k := range t.Indexes {
		ix := &t.Indexes[k]
		for m := range ix.Parts {
			if ix.Parts[m].Column == from {
				ix.Parts[m].Column = to
			}
			ix.Parts[m].Expr = renameIdent(ix.Parts[m].Expr, from, to)
		}
		replaceName(ix.Include, from, to)
		ix.Where = renameIdent(ix.Where, from, to)
	}
	for k := range t.Uniques {
		replaceName(t.Uniques[k].Columns, from, to)
	}
	for k := range t.ForeignKeys {
		replaceName(t.ForeignKeys[k].Columns, from, to)
	}
	for k := range t.Checks {
		t.Checks[k].Expr = renameIdent(t.Checks[k].Expr, from, to)
	}
	for k := range t.Excludes {
		t.Excludes[k].Def = renameIdent(t.Excludes[k].Def, from, to)
	}
}

func replaceName(list []string, from, to string) {
	for i := range list {
		if list[i] == from {
			list[i] = to
		}
	}
}

// renameIdent replaces the identifier from by to in an SQL expression:
// bare (case-insensitively), or quoted with double quotes or backticks
// (exactly, keeping the quotes). String literals are left alone.
func renameIdent(expr, from, to string) string {
	if expr == "" || !strings.Contains(strings.ToLower(expr), strings.ToLower(from)) {
		return expr
	}
	var b strings.Builder
	for i := 0; i < len(expr); {
		ch := expr[i]
		switch {
		case ch == '\'':
			j := i + 1
			for j < len(expr) {
				if expr[j] == '\'' {
					if j+1 < len(expr) && expr[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(expr))
			b.WriteString(expr[i:j])
			i = j
		case ch == '"' || ch == '`':
			j := strings.IndexByte(expr[i+1:], ch)
			if j < 0 {
				b.WriteString(expr[i:])
				return b.String()
			}
			name := expr[i+1 : i+1+j]
			if name == from {
				name = to
			}
			b.WriteByte(ch)
			b.WriteString(name)
			b.WriteByte(ch)
			i += j + 2
		case isIdentStart(ch):
			j := i + 1
			for j < len(expr) && isIdentPart(expr[j]) {
				j++
			}
			word := expr[i:j]
			if strings.EqualFold(word, from) {
				word = to
			}
			b.WriteString(word)
			i = j
		case isIdentPart(ch): // a number, or the rest of one
			j := i + 1
			for j < len(expr) && isIdentPart(expr[j]) {
				j++
			}
			b.WriteString(expr[i:j])
			i = j
		default:
			b.WriteByte(ch)
			i++
		}
	}
	return b.String()
}

func isIdentStart(ch byte) bool {
	return ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= 0x80
}

func isIdentPart(ch byte) bool {
	return isIdentStart(ch) || ch >= '0' && ch <= '9' || ch == '$'
}
