package sqlite

import (
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
	return append(dialect.CaseCollisions(s, d.FoldedNames()),
		columnProblems(s)...)
}

// FoldedNames says that SQLite compares table, column and index names
// without regard to (ASCII) case, index names across the whole schema:
// diff takes a case-only change of a name for a rename.
func (*Dialect) FoldedNames() dialect.FoldedNames {
	return dialect.FoldedNames{Tables: true, Columns: true, Indexes: true, IndexesPerSchema: true}
}
