// Package sqlite reads a live SQLite catalog into a [model.Schema].
//
// # What it owns
//
// [Inspector], which implements [introspect.Inspector] for SQLite. It reads
// with a constant number of queries however many tables there are (five):
// one over pragma_table_list for virtual and shadow tables, one over
// sqlite_master, then one each over the table-valued pragma functions
// pragma_table_xinfo, pragma_index_list joined with pragma_index_xinfo, and
// pragma_foreign_key_list, all joined with sqlite_master and restricted to
// the admitted tables through a json_each bind. Every query ends in ORDER BY.
//
// What the pragmas do not say (constraint names, CHECK constraints,
// generated-column expressions, AUTOINCREMENT, collations, expression index
// parts and partial-index predicates) is parsed from the CREATE TABLE and
// CREATE INDEX text that sqlite_master keeps: parse.go reads it from the
// tokens of dialect/sqlite's Lex (retort's one SQL lexer, internal/sqllex,
// with SQLite's quoting rules).
//
// # How things are reflected
//
//   - Column types are the declared text as written ("VARCHAR(255)").
//   - Only an AUTOINCREMENT column reflects as AutoIncrement; a rowid
//     alias without it (INTEGER PRIMARY KEY) does not, and both keep the
//     nullability they declare (NOT NULL or not).
//   - Indexes SQLite makes for UNIQUE constraints are reported as
//     [model.Unique], not as indexes; primary-key indexes are not reported.
//   - Uniques, foreign keys and checks come in declaration order; indexes
//     and tables by name.
//   - Defaults are pragma_table_xinfo's dflt_value text, which SQLite gives
//     without the outer parentheses of DEFAULT (expr).
//   - STRICT and WITHOUT ROWID come back as the table options
//     {Name: "STRICT", Value: "ON"} and {Name: "WITHOUT ROWID", Value: "ON"} (in that order), so that
//     a table rebuild keeps them; retort's differ compares only the options
//     a model names.
//   - An index key's collation is pragma_index_xinfo's, kept only where it
//     differs from the column's own (BINARY when the column declares none);
//     an expression key's is its COLLATE as written. The key order of a
//     primary key (PRIMARY KEY DESC) comes from its autoindex.
//   - The ON CONFLICT clauses of NOT NULL, PRIMARY KEY and UNIQUE, which
//     only the CREATE TABLE text holds, are read from it with the SQL lexer.
//   - SQLite has no comments, enum types or index methods; those fields
//     stay empty. Virtual tables, their shadow tables (FTS,
//     R*Tree storage, told apart through pragma_table_list) and sqlite_*
//     tables are skipped.
//
// # What it must not import
//
// model, introspect, dialect/sqlite (for SQLite's lexical rules),
// internal/sqllex and the standard library only; never another dialect,
// never a database driver.
package sqlite
