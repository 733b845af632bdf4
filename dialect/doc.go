// Package dialect defines what retort asks of a SQL dialect: DDL for each op,
// identifier quoting, the SQL for a model type, and the normal forms of types
// and defaults that make comparison meaningful.
//
// # What it owns
//
// The [Dialect] interface, [Statement], and [TableSource]. Implementations
// live in the subpackages sqlite, postgres and mysql. Only dialects write
// DDL. SQLite's table rebuild (what ALTER TABLE cannot do) is the sqlite
// dialect's business: it asks a [TableSource] for the live definition of the
// table it rebuilds.
//
// # What it must not import
//
// model, ops and the standard library only. Dialects never read catalogs
// themselves (that is introspect's job) and never import database drivers.
package dialect
