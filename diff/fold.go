package diff

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

// foldedTableRenames adds a rename hint for each target table that has no
// current table of its name but exactly one in its schema whose name
// differs only in case, when the dialect folds table names
// ([dialect.FoldedNames].Tables, SQLite): the server takes the two names
// for one table, so the change is a rename, never a create of a table
// that already exists and a drop of it. A hint the models gave wins.
func (c *comparer) foldedTableRenames(cur, tgt []*model.Table, h *hints) *hints {
	f, ok := c.d.(interface{ FoldedNames() dialect.FoldedNames })
	if !ok || !f.FoldedNames().Tables {
		return h
	}
	curIdx, tgtIdx := index(cur), index(tgt)
	for _, t := range tgt {
		if _, same := curIdx[keyOf(t)]; same {
			continue
		}
		if h != nil {
			if _, hinted := h.tables[keyOf(t)]; hinted {
				continue
			}
		}
		old, n := "", 0
		for _, ct := range cur {
			if ct.Schema == t.Schema && strings.EqualFold(ct.Name, t.Name) {
				old, n = ct.Name, n+1
			}
		}
		if _, wanted := tgtIdx[tableKey{t.Schema, old}]; n != 1 || wanted {
			continue
		}
		if h == nil {
			h = &hints{tables: map[tableKey]string{}, columns: map[tableKey][]model.Column{}}
		}
		h.tables[keyOf(t)] = old
	}
	return h
}
