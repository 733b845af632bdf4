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
// # Data loss
//
// [DataLoss] classifies what an op list destroys on a dialect: drops (from
// [ops.StructuralLoss]), column type changes ([TypeChangeLoss]: a
// dialect's [LossRules], else [CompareTypes] over [TypeShape]), removed
// enum values, and raw Execute SQL ([SQLLoss], lexed with the dialect's
// [LexRules]). The runner's data-loss gate refuses these findings
// unreviewed, and package safety reports them. [CompareContext] is the
// context diff's hooks get, declared here so that migrate can name it.
//
// # What it must not import
//
// model, ops, internal/sqllex (the SQL lexer) and the standard library
// only. Dialects never read catalogs
// themselves (that is introspect's job) and never import database drivers.
package dialect
