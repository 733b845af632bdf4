// Package introspect defines how retort reads a live database catalog into a
// [model.Schema].
//
// # What it owns
//
// The [Inspector] interface, its [Options] and the [Querier] it reads
// through. Implementations live in the subpackages sqlite, postgres and
// mysql. Each reads with a constant number of catalog queries however many
// tables there are (one per object kind), and every query ends in ORDER BY.
//
// # What is not modelled
//
// What a catalog holds beyond tables and enums (views, triggers,
// functions, policies, sequences, partitions, virtual tables, ...) is not
// reflected, and must never be silently called equal. An inspector that
// implements [UnmodeledLister] names those objects ([Object]: an
// [ObjectKind] and a name), and [NotCompared] is the one line every
// command prints about them ("not compared: 2 views (a, b), 1 trigger (t
// on posts) ...").
//
// # What it must not import
//
// model and the standard library only; never a database driver: callers pass
// a [Querier] (*sql.DB, *sql.Tx and *sql.Conn all satisfy it).
package introspect
