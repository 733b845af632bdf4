package dialect

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/model"
)

// FoldedNames says which names a server compares without regard to case,
// for [CaseCollisions].
type FoldedNames struct {
	// Tables: two tables of one schema whose names differ only in case
	// are one table (MySQL on case-insensitive file systems and with
	// lower_case_table_names, SQLite).
	Tables bool
	// Columns: two columns of one table (MySQL, SQLite).
	Columns bool
	// Indexes: two indexes of one table (MySQL) — or, with IndexesPerSchema,
	// of one schema (SQLite).
	Indexes          bool
	IndexesPerSchema bool
}

// CaseCollisions returns the names of s that the server would take for
// one another because they differ only in case, as f says it folds them:
// the second of each pair is reported, naming the first and the fix.
func CaseCollisions(s model.Schema, f FoldedNames) []Problem {
	var out []Problem
	tables := map[string]string{}
	schemaIndexes := map[string]string{}
	for _, t := range s.Tables {
		if f.Tables {
			key := t.Schema + "\x00" + strings.ToLower(t.Name)
			if first, dup := tables[key]; dup && first != t.Name {
				out = append(out, Problem{Schema: t.Schema, Table: t.Name, Err: fmt.Errorf("%w: table %q and table %q differ only in case, and the server takes them for one table: rename one of them (TableName() or table=)", ErrCapability, first, t.Name)})
			} else if !dup {
				tables[key] = t.Name
			}
		}
		if f.Columns {
			cols := map[string]string{}
			for _, c := range t.Columns {
				key := strings.ToLower(c.Name)
				if first, dup := cols[key]; dup {
					out = append(out, Problem{Schema: t.Schema, Table: t.Name, Column: c.Name, Err: fmt.Errorf("%w: column %q and column %q differ only in case, and the server takes them for one column: rename one of them", ErrCapability, first, c.Name)})
					continue
				}
				cols[key] = c.Name
			}
		}
		if f.Indexes {
			idx := map[string]string{}
			if f.IndexesPerSchema {
				idx = schemaIndexes
			}
			for _, ix := range t.Indexes {
				key := t.Schema + "\x00" + strings.ToLower(ix.Name)
				if first, dup := idx[key]; dup && first != ix.Name {
					out = append(out, Problem{Schema: t.Schema, Table: t.Name, Object: ix.Name, Err: fmt.Errorf("%w: index %q and index %q differ only in case, and the server takes them for one index: rename one of them", ErrCapability, first, ix.Name)})
					continue
				}
				idx[key] = ix.Name
			}
		}
	}
	return out
}
