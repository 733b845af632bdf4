package sqlite

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var (
	_ dialect.CapabilityChecker = (*Dialect)(nil)
	_ dialect.ColumnPlacer      = (*Dialect)(nil)
)

// PlacesColumns reports true: a column added anywhere but last is placed
// by a table rebuild (ADD COLUMN puts it last), so that a table keeps the
// column order its target declares.
func (*Dialect) PlacesColumns() bool { return true }

// CheckCapabilities returns the names of s that SQLite takes for one
// another: table, column and index names are compared without regard to
// (ASCII) case, index names across the whole schema; and the columns
// SQLite cannot create as declared (see columnProblems).
func (d *Dialect) CheckCapabilities(s model.Schema) []dialect.Problem {
	out := append(dialect.CaseCollisions(s, d.FoldedNames()), columnProblems(s)...)
	for _, e := range s.Extensions {
		err := fmt.Errorf("%w: extension %s is PostgreSQL's (CREATE EXTENSION), and SQLite has no extensions: drop extension=%s, or keep it in a PostgreSQL model", dialect.ErrCapability, e.Name, e.Name)
		out = append(out, dialect.Problem{Schema: e.Schema, Object: e.Name, Err: err})
	}
	return append(out, indexProblems(s)...)
}

// indexProblems returns the index attributes SQLite has no place for and
// would drop without a word: an invisible index (MariaDB IGNORED, MySQL
// INVISIBLE; SQLite's planner would use it), an index comment and a
// primary key comment.
func indexProblems(s model.Schema) []dialect.Problem {
	var out []dialect.Problem
	for _, t := range s.Tables {
		if t.PrimaryKey.Comment != "" {
			err := fmt.Errorf("%w: the primary key of %s has a comment (pk_comment=), and SQLite keeps no constraint comments: it would be lost; drop pk_comment= (or write it as a Go comment)", dialect.ErrCapability, t.Name)
			out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: t.PrimaryKey.Name, Err: err})
		}
		for _, ix := range t.Indexes {
			var err error
			switch {
			case ix.Invisible:
				err = fmt.Errorf("%w: index %s is invisible, and SQLite has no invisible indexes: the planner would use it; drop invisible, or keep this index in a MariaDB or MySQL model", dialect.ErrCapability, ix.Name)
			case ix.Comment != "":
				err = fmt.Errorf("%w: index %s has a comment, and SQLite keeps no index comments: it would be lost; drop the comment (or write it as a Go comment)", dialect.ErrCapability, ix.Name)
			}
			if err != nil {
				out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: ix.Name, Err: err})
			}
		}
		for _, x := range t.Excludes {
			err := fmt.Errorf("%w: exclusion constraint %s (EXCLUDE %s) is PostgreSQL's, and SQLite has no exclusion constraints: keep it in a PostgreSQL model, or enforce the rule in the application", dialect.ErrCapability, x.Name, x.Def)
			out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: x.Name, Err: err})
		}
	}
	return out
}

// FoldedNames says that SQLite compares table, column and index names
// without regard to (ASCII) case, index names across the whole schema:
// diff takes a case-only change of a name for a rename.
func (*Dialect) FoldedNames() dialect.FoldedNames {
	return dialect.FoldedNames{Tables: true, Columns: true, Indexes: true, IndexesPerSchema: true}
}
