// Package safety reads a migration's op list and says what is dangerous
// about it before it reaches production.
//
// # What it owns
//
// [Analyze] turns an op list into [Finding] values of four kinds:
//
//   - [DataLoss]: the op destroys data (a dropped table or column, a type
//     narrowed or cast lossily, an enum value removed).
//   - [FailsOnRows]: the op fails when existing rows break the new rule (a
//     NOT NULL without a default, a unique constraint or index, a check, a
//     foreign key).
//   - [Lock]: the op holds a lock that blocks the table while it works
//     (PostgreSQL: an index built without CONCURRENTLY, a type change that
//     rewrites the table; MySQL: a change that needs ALGORITHM=COPY).
//   - [Rebuild]: SQLite rebuilds the table to apply the op, copying every
//     row and recreating its indexes.
//
// The rules every dialect shares (data loss, failures on existing rows)
// live here; what only one dialect does to a live table (its locks, its
// copies and rebuilds) is the dialect's, asked through
// [github.com/retortdb/retort/dialect.RiskAssessor], with
// dialect.FlexibleTyping and dialect.ImplicitDefaults adjusting the shared
// rules. Nothing here branches on a dialect's name.
//
// The analysis is pure: it reads the ops, the dialect's normal forms and,
// when given, the schema the ops start from ([Options.Current]). [Count]
// adds numbers from a live database ("3 rows have NULL in users.nick") to
// the findings that depend on rows.
//
// The [DataLoss] findings are not classified here: they are
// dialect.DataLoss's (dropped tables and columns from package ops, type
// narrowing and lossy casts from each dialect's rules, raw Execute SQL
// lexed with the dialect's quoting), the one classification the runner's
// data-loss gate in package migrate refuses unreviewed. This package adds
// the other kinds around them.
//
// The CLI writes the findings as comments above the ops of a generated
// revision file and prints them from `retort revision` and `retort
// check`; the runner (migrate.Options.AllowDataLoss unset) refuses a
// revision whose data-loss findings are not marked reviewed.
//
// # What it must not import
//
// Only [github.com/retortdb/retort/model], [github.com/retortdb/retort/ops],
// the [github.com/retortdb/retort/dialect] interface,
// [github.com/retortdb/retort/introspect] (for its Querier) and the
// standard library. It never imports a dialect implementation or a driver.
package safety
