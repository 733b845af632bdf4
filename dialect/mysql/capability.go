package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var _ dialect.CapabilityChecker = (*Dialect)(nil)

// CheckCapabilities returns the features of s the server cannot run as
// written: a partial index (neither MySQL nor MariaDB has one; the
// predicate would be dropped and the index cover every row), INCLUDE
// columns, a deferrable foreign key, an expression index on MariaDB or on
// MySQL before 8.0.13, and
// names that differ only in case where the server folds them (columns and
// index names always; table names, which fold on case-insensitive file
// systems and with lower_case_table_names, too, so that a model runs on
// every server).
func (d *Dialect) CheckCapabilities(s model.Schema) []dialect.Problem {
	var out []dialect.Problem
	for _, t := range s.Tables {
		for _, ix := range t.Indexes {
			if err := d.indexCapability(ix); err != nil {
				out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: ix.Name, Err: err})
			}
		}
		for _, x := range t.Excludes {
			err := fmt.Errorf("%w: exclusion constraint %s (EXCLUDE %s) is PostgreSQL's, and %s has no exclusion constraints: keep it in a PostgreSQL model, or enforce the rule in the application", dialect.ErrCapability, x.Name, x.Def, d.serverName())
			out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: x.Name, Err: err})
		}
		for _, fk := range t.ForeignKeys {
			if fk.Deferrable || fk.InitiallyDeferred {
				err := fmt.Errorf("%w: foreign key %s is deferrable, and %s checks every foreign key at once: drop deferrable", dialect.ErrCapability, fk.Name, d.serverName())
				out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Object: fk.Name, Err: err})
			}
		}
	}
	for _, e := range s.Extensions {
		err := fmt.Errorf("%w: extension %s is PostgreSQL's (CREATE EXTENSION), and %s has no extensions: drop extension=%s, or keep it in a PostgreSQL model", dialect.ErrCapability, e.Name, d.serverName(), e.Name)
		out = append(out, dialect.Problem{Schema: e.Schema, Object: e.Name, Err: err})
	}
	out = append(out, dialect.ConflictClauses(s, d.serverName())...)
	return append(out, dialect.CaseCollisions(s, dialect.FoldedNames{Tables: true, Columns: true, Indexes: true})...)
}

// indexCapability says why the server cannot build ix as written.
func (d *Dialect) indexCapability(ix model.Index) error {
	server := d.serverName()
	switch {
	case ix.Where != "":
		return fmt.Errorf("%w: index %s is partial (where %s), and %s has no partial indexes: it would index every row; drop the where clause (index_where=), or keep this index in a PostgreSQL or SQLite model", dialect.ErrCapability, ix.Name, ix.Where, server)
	case len(ix.Include) > 0:
		return fmt.Errorf("%w: index %s has INCLUDE columns, which %s does not have: add them to the index's columns or drop include (...)", dialect.ErrCapability, ix.Name, server)
	}
	for _, p := range ix.Parts {
		if p.Expr != "" && !d.hasExpressionIndexes() {
			return fmt.Errorf("%w: index %s has the expression %s as a key, and %s cannot index an expression: add a generated column (generated=%s) and index that column instead", dialect.ErrCapability, ix.Name, p.Expr, server, p.Expr)
		}
	}
	return nil
}

// hasExpressionIndexes reports whether the server indexes expressions
// (functional key parts: MySQL 8.0.13; never MariaDB).
func (d *Dialect) hasExpressionIndexes() bool {
	if d.Flavor == FlavorMariaDB {
		return false
	}
	v := d.Version
	return v == (Version{}) || !v.Less(8, 0) && !(v.Major == 8 && v.Minor == 0 && v.Patch < 13)
}

var (
	_ dialect.NameFolder         = (*Dialect)(nil)
	_ dialect.ColumnPlacer       = (*Dialect)(nil)
	_ dialect.KeyedAutoIncrement = (*Dialect)(nil)
	_ dialect.GeneratedRecreator = (*Dialect)(nil)
	_ dialect.DeclarationOrder   = (*Dialect)(nil)
)

// KeepsDeclarationOrder reports true: SHOW CREATE TABLE lists the keys
// (after the primary key and the unique keys) and the checks in the order
// they were declared or added.
func (d *Dialect) KeepsDeclarationOrder() bool { return true }

// FoldedNames says that column and index names are case-insensitive on
// every server (table names fold only on some file systems and settings,
// so they are not folded here).
func (d *Dialect) FoldedNames() dialect.FoldedNames {
	return dialect.FoldedNames{Columns: true, Indexes: true}
}

// MethodAsWritten reports whether an index method is reflected only as
// written: on MariaDB, BTREE and HASH (SHOW CREATE TABLE prints USING
// only when it was written, whatever the engine builds). On MySQL 8 the
// clause is not read (Canonical drops both), so it reports false.
func (d *Dialect) MethodAsWritten(method string) bool {
	switch strings.ToUpper(strings.TrimSpace(method)) {
	case "BTREE", "HASH":
		return d.Flavor == FlavorMariaDB
	}
	return false
}

// PlacesColumns reports true: ADD COLUMN takes FIRST and AFTER.
func (d *Dialect) PlacesColumns() bool { return true }

// AutoIncrementNeedsKey reports true: an AUTO_INCREMENT column must lead
// a key (ER_WRONG_AUTO_KEY).
func (d *Dialect) AutoIncrementNeedsKey() bool { return true }

// RecreatesGenerated reports true: MariaDB refuses MODIFY of a generated
// column's expression or kind, and MySQL refuses changing its STORED
// status; a drop and an add at the same place works on both.
func (d *Dialect) RecreatesGenerated() bool { return true }
