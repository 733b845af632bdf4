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

// NameFolder is implemented by dialects whose server compares some names
// without regard to case; diff takes a column whose name changes only in
// case for a rename of that column, never a drop and an add.
type NameFolder interface {
	// FoldedNames says which names the server folds.
	FoldedNames() FoldedNames
}

// ColumnPlacer is implemented by dialects that can add a column anywhere in
// a table (MySQL's ADD COLUMN ... FIRST / AFTER) and so keep the column
// order a target declares; diff sets [ops.AddColumn].Position for them.
type ColumnPlacer interface {
	// PlacesColumns reports whether AddColumn honours its Position.
	PlacesColumns() bool
}

// KeyedAutoIncrement is implemented by dialects whose auto-increment
// column must be the first column of a key at every moment (MySQL's
// AUTO_INCREMENT). When a primary key holding such a column changes, diff
// drops AUTO_INCREMENT before the old key goes and gives it back after the
// new key is in place, as separate column changes.
type KeyedAutoIncrement interface {
	// AutoIncrementNeedsKey reports whether AUTO_INCREMENT needs a key.
	AutoIncrementNeedsKey() bool
}

// GeneratedRecreator is implemented by dialects that cannot change a
// generated column in place (MariaDB refuses MODIFY of a generated
// column's expression or kind): diff drops the column and adds it again at
// its place instead.
type GeneratedRecreator interface {
	// RecreatesGenerated reports whether a change to or from a generated
	// column, or of its expression or kind, is a drop and an add.
	RecreatesGenerated() bool
}

// DeclarationOrder is implemented by dialects whose catalog keeps a
// table's indexes and checks in the order they were declared or added
// (MariaDB's SHOW CREATE TABLE): diff then creates them in the target's
// order instead of by name.
type DeclarationOrder interface {
	// KeepsDeclarationOrder reports whether index and check order is kept.
	KeepsDeclarationOrder() bool
}

// KeyOrderer is implemented by dialects whose server lists a table's
// indexes in an order of its own (MariaDB's SHOW CREATE TABLE: the unique
// keys first, then the others, each group in the order the keys were
// created, an added key last in its group). diff asks it where the keys
// of a table it alters end up, to name a table whose key order the
// migration would leave different from the target's: retort does not
// recreate keys to move them.
type KeyOrderer interface {
	// SortKeys sorts t.Indexes, given in the order the server had them
	// with any created since appended, into the order the server lists
	// them in, as t's columns now are (a key's group can depend on
	// whether its columns are nullable). The sort is stable: keys of one
	// group keep the order they are given in.
	SortKeys(t *model.Table)
}

// OptionResetter is implemented by dialects that can take a table option
// back to its default: diff then removes an option the current table has
// and the target does not name, instead of leaving it.
type OptionResetter interface {
	// ResetTableOption returns the value that resets the named option;
	// ok is false for an option that is left as it is when the target
	// does not name it.
	ResetTableOption(name string) (value string, ok bool)
}

// ObjectCommenter is implemented by dialects that change the comment of an
// index or a constraint in place (PostgreSQL COMMENT ON INDEX, COMMENT ON
// CONSTRAINT): diff then emits an [ops.SetObjectComment] for a change of
// nothing but the comment, instead of dropping the object and creating it
// again.
type ObjectCommenter interface {
	CommentsObjectsInPlace() bool
}

// IndexOptioner is implemented by dialects with a table option that names
// one of the table's indexes (PostgreSQL's REPLICA IDENTITY USING INDEX):
// the option can be set only once the index exists, and dropping the index
// loses it. diff then creates a table without such an option and sets it
// after the table's indexes, and lets it go before the index it names, or
// its table, is dropped, so that the downgrade sets it again last.
type IndexOptioner interface {
	// OptionIndex returns the index that the table option o names and the
	// option's value that names none (its default); ok is false for an
	// option that names no index.
	OptionIndex(o model.TableOption) (index, release string, ok bool)
}
