package migrate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/ops"
)

// Sentinel errors. Callers branch on them with [errors.Is]; the errors
// returned wrap them with the revisions involved.
var (
	// ErrNoRevisions is returned when the Env has no revisions.
	ErrNoRevisions = errors.New("migrate: no revisions")
	// ErrMultipleHeads is returned when "head" (or a relative target) is
	// ambiguous because the graph has several heads.
	ErrMultipleHeads = errors.New("migrate: multiple heads")
	// ErrUnknownRevision is returned for a target that names no revision.
	ErrUnknownRevision = errors.New("migrate: unknown revision")
	// ErrAmbiguousRevision is returned for an id prefix that matches
	// several revisions.
	ErrAmbiguousRevision = errors.New("migrate: ambiguous revision")
	// ErrCycle is returned when revisions revise or depend on each other in
	// a cycle.
	ErrCycle = errors.New("migrate: revision cycle")
	// ErrDuplicateRevision is returned when two revisions share an id (or a
	// branch label).
	ErrDuplicateRevision = errors.New("migrate: duplicate revision")
	// ErrMissingParent is returned when a revision revises or depends on a
	// revision that does not exist.
	ErrMissingParent = errors.New("migrate: missing parent revision")
	// ErrInvalidRevision is returned for a revision whose id is empty or not
	// usable (too long, a reserved word, characters a target cannot hold).
	ErrInvalidRevision = errors.New("migrate: invalid revision")
	// ErrPartlyApplied is returned when an earlier run on a database without
	// transactional DDL (MySQL) stopped part-way through a revision and the
	// current run would not finish that revision.
	ErrPartlyApplied = errors.New("migrate: revision partly applied")
	// ErrContradictoryVersions is returned when the version table holds
	// two revisions of which one descends from the other: it says the
	// database is at both, and the runner refuses to guess.
	ErrContradictoryVersions = errors.New("migrate: contradictory version table")
	// ErrNotApplied is returned when a downgrade target is not applied.
	ErrNotApplied = errors.New("migrate: revision not applied")
	// ErrTargetBehind is returned when an upgrade target is already applied
	// and behind the database's current revision (downgrade to reach it).
	ErrTargetBehind = errors.New("migrate: upgrade target is behind the database")
)

// GraphError reports a problem found while loading revisions into a
// [Graph]. IDs names the revisions involved, so that a caller that knows
// which file declares which revision (the CLI) can name the files.
type GraphError struct {
	// IDs are the revisions involved, in a fixed order.
	IDs []string
	// Detail says what is wrong.
	Detail string
	// Err is one of the sentinels: ErrDuplicateRevision, ErrMissingParent,
	// ErrCycle, ErrInvalidRevision or ErrNoRevisions.
	Err error
}

// Error returns e.g. `migrate: duplicate revision: "a1" is declared twice`.
func (e *GraphError) Error() string { return e.Err.Error() + ": " + e.Detail }

// Unwrap returns the sentinel.
func (e *GraphError) Unwrap() error { return e.Err }

// MigrationError reports a revision that failed to apply. On a dialect with
// transactional DDL the revision's changes were rolled back; otherwise
// Applied says how many of its ops had been applied (and recorded as
// progress) before the failure.
type MigrationError struct {
	// Revision is the revision that failed.
	Revision string
	// Direction is the direction it was being applied in.
	Direction Direction
	// Message is the revision's message.
	Message string
	// OpIndex is the 0-based index of the failing op in the revision's op
	// list; -1 when the failure is not an op's (the version table update,
	// a Verify query, COMMIT).
	OpIndex int
	// OpCount is the number of ops in the revision.
	OpCount int
	// Op is the failing op, nil when OpIndex is -1.
	Op ops.Op
	// SQL is the failing statement, if any.
	SQL string
	// RolledBack reports whether everything the revision did was rolled
	// back. It is false on non-transactional DDL and after a statement that
	// ran outside the transaction.
	RolledBack bool
	// Resumable reports that progress was recorded op by op
	// (non-transactional DDL): running the same command again skips the
	// Applied ops and carries on.
	Resumable bool
	// Applied is the number of ops that stay applied (non-transactional DDL,
	// or ops committed before a NoTransaction statement).
	Applied int
	// Version is what the version table says after the failure (the
	// revisions before this one); empty means base.
	Version []string
	// Err is the underlying error.
	Err error
}

// Error names the revision, the op, the SQL and the state the database
// was left in.
func (e *MigrationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "migrate: %s of revision %s", e.Direction, e.Revision)
	if e.Message != "" {
		fmt.Fprintf(&b, " (%q)", e.Message)
	}
	b.WriteString(" failed")
	if e.OpIndex >= 0 {
		fmt.Fprintf(&b, " at op %d of %d (%s)", e.OpIndex+1, e.OpCount, describeOp(e.Op))
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.SQL != "" {
		fmt.Fprintf(&b, "\n  SQL: %s", e.SQL)
	}
	version := versionText(e.Version)
	switch {
	case e.RolledBack:
		fmt.Fprintf(&b, "\n  the database was rolled back to %s", version)
	case e.Resumable && e.Applied > 0:
		fmt.Fprintf(&b, "\n  %s of %d stay applied (this database cannot roll DDL back) and are recorded as done; the version table still says %s;"+
			" after fixing the cause, run the same command again: %s will be skipped", opRange(e.Applied), e.OpCount, version, opRange(e.Applied))
	case e.Resumable:
		fmt.Fprintf(&b, "\n  no op of revision %s stays applied; the version table still says %s; after fixing the cause, run the same command again", e.Revision, version)
	case e.Applied > 0:
		fmt.Fprintf(&b, "\n  %s of %d ran outside a transaction and stay applied; the rest was rolled back; the version table still says %s;"+
			" finish or undo the revision by hand, then run `retort stamp`", opRange(e.Applied), e.OpCount, version)
	default:
		fmt.Fprintf(&b, "\n  nothing of revision %s was applied; the version table still says %s", e.Revision, version)
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *MigrationError) Unwrap() error { return e.Err }

// opRange names the first n ops: "op 1" or "ops 1-n".
func opRange(n int) string {
	if n == 1 {
		return "op 1"
	}
	return fmt.Sprintf("ops 1-%d", n)
}

// versionText renders a version table state for messages.
func versionText(v []string) string {
	if len(v) == 0 {
		return "base (no revision)"
	}
	return strings.Join(v, ", ")
}

// describeOp names an op for messages.
func describeOp(op ops.Op) string {
	if op == nil {
		return "no op"
	}
	return ops.Describe(op)
}
