// Package migrate is the runtime that generated revision files import: the
// op recorder ([Recorder]), the revision registry ([Env], [Revision]), the
// revision graph ([Graph]), the version table and the runner ([Upgrade],
// [Downgrade], [Stamp], [Current], [SQL]).
//
// # Recording ops
//
// A revision's Upgrade and Downgrade are funcs of a *[Recorder], which
// generated files spell *migrate.Op ([Op] is its alias; the name keeps
// apart from ops.Op, the operation it records). Its builder methods read
// like Alembic's op.* calls and record [ops.Op] values; nothing runs until
// the runner turns the recorded list into the dialect's SQL.
//
// # Revisions and the graph
//
// Each revision file adds a [Revision] to its package's [Env] from init().
// [Env.Graph] loads them into a [Graph], a DAG: a revision revises one
// parent (Revises), several (Merges, a merge revision) or none (a base), may
// depend on revisions of other branches (DependsOn), and may start a named
// branch (BranchLabels). Loading fails with a [*GraphError] naming the
// revisions for an empty or unusable id, a duplicate id or label, a missing
// parent, or a cycle.
//
// [Graph.Resolve] reads targets as Alembic does: head, heads, base, a full
// id, a branch label or a unique prefix, +N and -N relative to the
// database, REV+N and REV-N, LABEL@head, LABEL@+N. [Graph.Plan] turns the
// database's current heads and a target into an ordered list of [Step].
//
// # The version table
//
// The version table (Env.VersionTableName, "retort_version" by default)
// holds one row per applied head, as alembic_version does:
//
//	CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)
//
// A database on two branches has two rows. The runner creates the table on
// first use, in Env.Schema when that is set and the dialect can confine a
// session to a schema (dialect.SessionSetup: PostgreSQL's search_path).
//
// # The dialect
//
// The runner runs on Env.Backend: the dialect.Dialect that writes the DDL
// and the introspect.Inspector that reads the live tables some ops need.
// An application sets it, and so links only that dialect's packages; the
// retort command sets it from Env.Dialect. Everything that differs between
// databases the runner asks the dialect through optional interfaces:
// dialect.Locker, dialect.SessionSetup, dialect.ServerProbe (which also
// refuses a database of another kind than Env.Dialect),
// dialect.ConnSetup and dialect.AlterCombiner. It never branches on a
// dialect's name.
//
// # Running
//
// [Upgrade] and [Downgrade] take a database-wide lock for the whole run, so
// that every replica of an application may call them at start-up: a
// PostgreSQL advisory lock, a MySQL/MariaDB GET_LOCK, or on SQLite the
// write lock of each revision's transaction (BEGIN IMMEDIATE, which the
// sqlite:// URLs of retort ask for with _txlock=immediate; with a DSN that
// does not, a concurrent run fails with "database is locked" instead of
// waiting, but still never applies a revision twice). The version table is
// read again under the lock (on SQLite inside each revision's
// transaction, planning again if another process moved it), so a process
// that waited finds nothing left to do.
//
// On dialects with transactional DDL (SQLite, PostgreSQL) each revision
// runs in its own transaction together with its version table update
// ([Options].Transaction = [TxPerRun] puts the whole run in one). A
// failure rolls the revision back and returns a [*MigrationError] naming
// the revision, the op and the SQL. A statement marked
// dialect.Statement.NoTransaction (CREATE INDEX CONCURRENTLY) commits what
// came before it, runs on its own, and the revision continues in a new
// transaction; a failure after that point cannot undo what was committed,
// and the error says so. Ops are planned in groups ([dialect.PlanGroup]):
// on SQLite consecutive changes of one table share one table rebuild.
//
// On MySQL/MariaDB DDL commits implicitly, so a revision cannot be rolled
// back. The runner applies it op by op, or group by group where the dialect
// merges consecutive ALTERs of one table into one statement
// ([dialect.PlanGroup]; MySQL does, so a table is copied once). It keeps
// two tables beside the version table: <version table>_progress
// (version_num, direction, ops_done, ops_total) and <version table>_ops,
// one row per op of the revision under way with its [Fingerprint] (a hash
// of the op) and whether it is applied. Before sending a group it records
// its ops as running; after it, as applied, with the new ops_done. An op
// whose statements only change rows (INSERT, UPDATE, DELETE) runs in one
// transaction with its record. Both tables' rows go in the transaction
// that updates the version table.
//
// # Resuming a partly applied revision
//
// A failure part-way leaves the version table at the previous revision
// and the progress rows in place: the [*MigrationError] says which ops
// stay applied, and running the same command again resumes. A kill -9
// while the server runs a DDL statement leaves that op marked running, and
// MySQL may complete it after its client is gone. The next run:
//
//   - compares the fingerprints of the ops recorded as applied with the
//     revision as it is now, op by op: a revision edited before its
//     applied ops is refused with [ErrPartlyApplied], naming which ops are
//     unchanged and the [StampPartial] (`retort stamp REV --partial N`)
//     that records a repair; an edit after them (removing the op that
//     failed) simply resumes;
//   - asks the live catalog whether each op marked running completed: a
//     table, column (name, type, nullability, default), index, key,
//     constraint or comment as the op leaves it is recorded as applied and
//     skipped; as before the op, it runs again. Raw SQL the catalog cannot
//     see is refused, naming the op and the two stamps (it ran, it did
//     not) that settle it.
//
// [Partials] (`retort current`) shows a revision part-way: "a892c0ffee12
// (partial: 11 of 27 ops applied; ...)". A run that would do anything else
// while a revision is partly applied fails with [ErrPartlyApplied]; [Stamp]
// clears the progress and ops tables and [StampPartial] sets them.
//
// # Checking the version table
//
// The version table holds the newest applied revision of each branch.
// Before running anything, every run checks it ([Graph.CheckRows]): a row
// naming a revision the package lacks is [ErrUnknownRevision], two rows
// of which one descends from the other are [ErrContradictoryVersions];
// both name the rows and the `retort stamp` that repairs the table, and
// the planner refuses them too, so no run loops or half-applies on them.
//
// # The data-loss gate
//
// Before applying anything, [Upgrade] and [Downgrade] refuse every
// revision of the run whose ops lose data — dialect.DataLoss's findings:
// dropped tables and columns, types narrowed or cast lossily, enum values
// removed, raw Execute SQL that drops, truncates or deletes without WHERE
// — unless its Reviewed field lists [ReviewedDataLoss]. A downgrade may
// remove, unreviewed, what only undoes its upgrade ([GateLosses] says
// what). The refusal is a [*DataLossError] naming each revision, its file
// and its findings. The gate runs on the plan made under the migration
// lock (on SQLite, on every plan a revision's transaction confirms), so
// that a concurrent run cannot change what is applied after the decision.
// [Options].AllowDataLoss turns it off. This package cannot import the
// safety analysis; the classification lives in ops (what drops
// structurally) and dialect (type narrowing per database, SQL lexing), and
// package safety builds on the same one.
//
// # Offline SQL
//
// [SQL] prints the statements a range of revisions would run, version
// table updates included, without a connection; [StampSQL] prints a
// stamp. Ops that need a table's definition (SQLite's table rebuild) read
// it from the schema the revisions imply, replayed in memory from base
// with ops.Apply; a table that raw SQL may have made fails with
// dialect.ErrOffline. A revision that runs Go code ([Op.Run]) is refused.
//
// # Go data migrations and irreversible downgrades
//
// [Op.Run] records Go code that runs with the revision's transaction
// ([Tx]); its Down makes it reversible. [Op.Irreversible] marks a
// downgrade step autogenerate could not compute: the runner refuses such a
// downgrade with an [*IrreversibleError] before running any of it.
//
// # Options that name an index
//
// A table option that names an index ([dialect.IndexOptioner]:
// PostgreSQL's REPLICA IDENTITY USING INDEX) can be set only once the
// index exists. An op.CreateTable carrying one that names an index the new
// table does not have (one a later op.CreateIndex creates) is refused with
// an [*IndexOptionError] before any SQL of the run, or of [SQL], is
// produced; the error names the table, the index and the
// op.SetTableOptions call to put after the op.CreateIndex, which is what
// autogenerate writes. The runner does not move the option itself: the
// revision file is what was reviewed, and runs as written.
//
// # The autogenerate settings
//
// env.go declares var Env = &migrate.Env{...} with the comparer options,
// filters and rewriters beside the dialect and models, and an application
// links the same package. So that linking it does not bring in
// autogenerate (diff, rewriter, render, safety, the struct loader), Env
// types those fields through small types this package owns, and package
// autogen, which imports diff and rewriter, reads them back:
//
//   - Compare is a [CompareOptions], an interface diff.Options implements
//     (IncludesSchema, IncludesTable). env.go writes Compare:
//     diff.Options{...} as before; autogen accepts a diff.Options, a
//     *diff.Options or nil, and names any other type in an error.
//   - Rewriter is a [Rewriter], an interface *rewriter.Rewriter implements
//     (Hook() ops.ScriptHook). autogen runs a *rewriter.Rewriter as
//     before and any other Rewriter through its Hook.
//   - ScriptHooks are [ops.ScriptHook] values; the script types live in
//     ops, and rewriter.Script, rewriter.ScriptContext and
//     rewriter.ScriptHook are aliases of them, so
//     []rewriter.ScriptHook{rewriter.SkipEmpty} is the same slice type.
//   - [DBComparator] takes a [dialect.CompareContext], which
//     diff.CompareContext aliases, so comparators written against diff
//     keep their signature.
//
// Every env.go of the README compiles unchanged. Code that read the
// fields as concrete types changes: env.Compare.IgnoreTypes becomes
// env.Compare.(diff.Options).IgnoreTypes, and Env.ProcessScript is now
// autogen.Process.
//
// This package imports ops, dialect, model and introspect (for
// [Backend].Inspector's interface), and no concrete dialect; it never
// imports a database driver and never prints: progress goes to
// [Options].Logger.
package migrate
