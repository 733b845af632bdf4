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
// # Names
//
// A dialect is named by a [Name] ([SQLite], [Postgres], [MySQL]);
// [ParseName] reads the spellings env.go and the CLI accept. Only this
// package and its subpackages, the backend registry and the URL parser
// branch on a name (internal/arch fails the build otherwise): everyone else
// asks a dialect what it can do.
//
// # Capabilities
//
// Whatever differs between databases beyond DDL is an optional interface
// here, implemented by the dialects that have it, and found by a type
// assertion:
//
//   - for the runner (package migrate): [Locker] (the database-wide
//     migration lock), [SessionSetup] (confining a session to a schema),
//     [ServerProbe] (refusing another kind of server, adapting to a
//     server's flavour and version), [ConnSetup] (statements around each
//     transaction), [AlterCombiner] (merged ALTER TABLEs), [AlterKeeper]
//     (clauses that keep what an ALTER TABLE would change by itself),
//     [RebuildCombiner] (one table rebuild for several ops);
//   - for the safety analysis and the runner's data-loss gate:
//     [RiskAssessor] (locks, copies and rebuilds), [FlexibleTyping],
//     [ImplicitDefaults], [CharLength], [SQLLexer] (how raw SQL is lexed);
//   - for the rewriters: [IdentQuoter], [ConcurrentIndexer];
//   - for checking models before anything runs: [ValueChecker] (which
//     keyword-like values its DDL grammar takes: a charset, a collation, an
//     index method, a table option) and [CapabilityChecker] (features its
//     server cannot run as written: MariaDB's expression indexes, names
//     PostgreSQL truncates, names the server folds together by case).
//
// # Values written into DDL
//
// Text a model or an op gives that a dialect writes into DDL as SQL (a
// type, a default, a check, an index expression or predicate) or as a bare
// word (a charset, a collation, an index method, a table option) is
// checked first: [CheckExpr] reads an expression with the dialect's
// [LexRules] and refuses what would end the statement, start another or
// comment out its rest; keyword-like values must be what the server's
// grammar takes there ([ValueChecker], else [CheckValue]). [ValidateSchema]
// runs every check on a schema (autogen runs it on the models as they are
// loaded, so that an error names the struct field); [CheckOp] runs them on
// one op, and every dialect's Statements calls it first, so that a
// hand-written revision is held to the same rules.
//
// [Identify] names the kind of server a connection reaches, for the error
// of a probe that refused it.
//
// # Data loss
//
// [DataLoss] classifies what an op list destroys on a dialect: drops (from
// [ops.StructuralLoss]), column type changes ([TypeChangeLoss]:
// [CompareTypes] over [TypeShape]; where [FlexibleTyping], only the
// conversions a [ValueRewriter] reports), removed
// enum values, and raw Execute SQL ([SQLLoss], lexed with the dialect's
// [LexRules]). The runner's data-loss gate refuses these findings
// unreviewed, and package safety reports them. [CompareContext] is the
// context diff's hooks get, declared here so that migrate can name it.
//
// # What it must not import
//
// model, ops, internal/sqllex (the SQL lexer) and the standard library
// only (the runtime capabilities take
// a [Conn], which database/sql's connections implement). Dialects never
// read catalogs themselves (that is introspect's job) and never import
// database drivers.
package dialect
