// Package sqlite is retort's SQLite dialect: DDL for every op, identifier
// quoting, type spellings, normal forms for comparison, and the table
// rebuild SQLite needs for what ALTER TABLE cannot do.
//
// # What it owns
//
// [Dialect], made by [New], which implements [dialect.Dialect] and
// [dialect.ConnSetup]. The runner turns foreign keys off around each
// migration transaction (PRAGMA foreign_keys cannot change inside one, and a
// rebuild must not cascade deletes), checks PRAGMA foreign_key_check before
// COMMIT and turns them back on after. [Dialect.ProbeServer] checks that a
// connection reaches SQLite ([dialect.ServerProbe]); SQLite needs no
// migration lock (each revision's BEGIN IMMEDIATE takes the write lock).
// [Dialect.Risks] reports the table rebuilds, deciding as Statements does
// ([dialect.RiskAssessor]); columns keep any value whatever their type
// ([dialect.FlexibleTyping]), so a type change loses no data.
//
// # Type spellings
//
// Logical kinds become: bool BOOLEAN, smallint SMALLINT, int INTEGER, bigint
// BIGINT, real REAL, double DOUBLE, decimal NUMERIC, string VARCHAR(n) or
// TEXT, bytes BLOB, timestamp DATETIME, json TEXT, uuid CHAR(36), enum TEXT
// plus a CHECK (col IN (...)) named ck_<table>_<col>.
//
// JSON is TEXT rather than JSON because a column declared JSON gets NUMERIC
// affinity, which turns number-like documents into numbers ('1.0' is stored
// as 1); TEXT keeps the document as written and SQLite's JSON functions read
// it. UUID is CHAR(36) (TEXT affinity) because the common Go UUID types
// store their 36-character text form through driver.Valuer. A single-column
// auto-increment integer primary key is always INTEGER PRIMARY KEY
// AUTOINCREMENT, whatever integer type the model names: only the exact type
// INTEGER makes the rowid alias. A key without AutoIncrement declared
// exactly INTEGER is a rowid alias without AUTOINCREMENT, kept apart from
// it; NOT NULL is written where the column says it and nowhere else. SQLite reports the six type names it knows
// (INT, INTEGER, REAL, TEXT, BLOB, ANY) in upper case, so [Dialect.Canonical]
// upper-cases them too; other type text is kept as written.
//
// # The table rebuild
//
// Add/drop primary key, unique, foreign key and check, AlterColumn, and the
// AddColumn and DropColumn cases ALTER TABLE refuses are done with SQLite's
// documented procedure, in the order that creates the new table under its
// own name: ALTER TABLE ... RENAME the old table to "_retort_old_<t>",
// CREATE TABLE the new definition, INSERT ... SELECT the common columns,
// DROP TABLE the old one, and recreate the table's indexes. sqlite_master
// so holds the same CREATE TABLE text a new table of that definition gets,
// and a rebuild followed by its downgrade leaves the text it found (a
// table renamed into place would be stored as CREATE TABLE "t"). The live
// definition comes from the [dialect.TableSource] the runner passes, which
// reflects inside the migration's transaction; offline SQL generation
// cannot do this and gets an error wrapping [dialect.ErrOffline]. The
// rename runs with PRAGMA legacy_alter_table on, so views, other tables'
// triggers and other tables' REFERENCES clauses keep naming the table
// rather than being rewritten to the old table's temporary name. Triggers
// on the table, which DROP TABLE drops, are read from sqlite_master when
// the TableSource can query the catalog ([dialect.CatalogQuerier]; the
// runner's can) and created again from their own SQL after the drop; a trigger that uses a column the
// rebuild drops or renames is an error ([ErrTriggerColumn]). Without a
// catalog the rebuild starts with a statement that fails when the table
// has triggers. The AUTOINCREMENT counter (the table's sqlite_sequence
// row) is carried over, so ids of deleted rows are never handed out again.
// A rebuild that changes a column's type affinity converts the copied
// values ([Dialect.RewritesValues]: '007' becomes 7), which is a data-loss
// finding.
// DropColumn offline writes ALTER TABLE DROP COLUMN, which SQLite refuses
// when the column is indexed or constrained. A rebuild writes the key as
// it was: a rowid alias stays one, AUTOINCREMENT stays, NOT NULL as
// declared.
//
// Consecutive ops on one table share one rebuild when one of them needs
// it ([Dialect.PlanRebuild], a [dialect.RebuildCombiner] that
// [dialect.PlanGroup] asks, so the runner, offline SQL and diff --sql
// alike): an enum value added (its CHECK dropped and added) or several
// column changes copy the table once, and [Dialect.Risks] reports that
// rebuild once.
//
// A case-only table rename ([dialect.FoldedNames]: SQLite folds table,
// column and index names) goes through a temporary name, since SQLite
// refuses RENAME TO a name that differs only in case. A table rename is
// ALTER TABLE ... RENAME TO, which has SQLite store the table's SQL as
// CREATE TABLE "<new name>" (the name quoted, whatever the CREATE wrote)
// and rewrite the references to it; retort does not rebuild the table to
// keep the CREATE text's spelling, so after a rename (and after the
// rename back of its downgrade) sqlite_master's text names the table
// quoted, the schema otherwise the same.
//
// # Table options
//
// The catalog reader reports STRICT and WITHOUT ROWID as the table options
// {Name: "STRICT"} and {Name: "WITHOUT ROWID"}; [Dialect.Canonical] keeps
// them (and drops other dialects' options), CreateTable writes them, and
// SetTableOptions of them is a rebuild. The value OFF clears one
// ([Dialect.ResetTableOption]).
//
// # Keys and columns as SQLite writes them
//
// AddColumn places its column ([dialect.ColumnPlacer]): ADD COLUMN when
// the column goes last, a rebuild that puts it in its place otherwise.
// The ON CONFLICT clauses of NOT NULL, PRIMARY KEY and UNIQUE
// ([model.ConflictAction]) and a descending key column
// ([model.PrimaryKey].Desc) are written as the catalog reader reads them:
// a one-column key or unique constraint that carries one is written on
// its column (as SQLite keeps a clause written there), others as table
// constraints; INTEGER PRIMARY KEY DESC is no rowid alias, so such a key
// is never AUTOINCREMENT. An index key's COLLATE is written where it
// differs from the column's collation (BINARY when it declares none).
//
// # Objects SQLite does not have
//
// SetTableComment, CreateEnum, DropEnum, AddEnumValue, SetEnumComment and
// ValidateConstraint (SQLite has no NOT VALID constraints) produce no
// statements, nor does SetTableOptions of other dialects' options: SQLite
// has no comments, no table options beyond the two above, and no enum
// types. An enum's membership lives in its
// columns' CHECK constraints (CreateTable writes one for each column whose
// type carries EnumValues), which the differ changes with
// AddCheck/DropCheck. [ops.Custom] ops run through [dialect.Custom].
//
// # Normal forms
//
// NormalizeType folds case and spacing only: the declared type is kept
// verbatim, so int and integer, decimal and numeric are different types
// (a type the Go type implies is matched by affinity); NormalizeDefault folds parentheses, NULL, TRUE
// and FALSE, keyword case and number spellings by the column's affinity ('0'
// and 0 are one default on INTEGER, REAL, NUMERIC and TEXT affinity, where
// SQLite stores the same value for both, and two on BLOB affinity);
// NormalizeExpr folds spacing, keyword and identifier case, identifier
// quoting, redundant parentheses and the operator spellings <> and ==.
//
// # What it must not import
//
// dialect, model, ops and the standard library only; never a driver or a
// catalog reader.
package sqlite
