package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/retortdb/retort/introspect"
)

// ErrNoPartialState is returned by [StampPartial] on a database whose DDL
// is transactional: a revision there is applied whole or not at all.
var ErrNoPartialState = errors.New("migrate: this database applies each revision in a transaction; no revision is ever partly applied")

// StampPartial records by hand that the first n ops of revision rev's
// upgrade (dir Up) or downgrade (dir Down) are applied, on a database
// without transactional DDL (MySQL/MariaDB): after repairing a database
// that an interrupted run, or a revision edited after one, left part-way.
// The version table is set to what it holds while that revision is
// running (for an upgrade: the revision's ancestors applied, the revision
// not; for a downgrade: the revision applied, its descendants not; other
// branches as they are), and the progress and ops tables to its first n
// ops, with the fingerprints of the ops the revision holds now; the next
// run resumes at op n+1. n = 0 clears the partial state; n = the number
// of ops stamps the revision as fully applied (or, down, fully undone).
func StampPartial(ctx context.Context, db *sql.DB, env *Env, rev string, dir Direction, n int, opts Options) error {
	if dir != Up && dir != Down {
		return fmt.Errorf("migrate: stamp: invalid direction %d", int(dir))
	}
	s, err := open(ctx, db, env, opts)
	if err != nil {
		return err
	}
	defer s.close(ctx)
	if s.be.Dialect.TransactionalDDL() {
		return fmt.Errorf("%w; stamp a whole revision with `retort stamp %s`", ErrNoPartialState, rev)
	}
	ids, err := s.g.Resolve(rev, nil)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return fmt.Errorf("migrate: stamp --partial takes one revision; %q is %d", rev, len(ids))
	}
	r, _ := s.g.Revision(ids[0])
	list, err := r.Record(dir)
	if err != nil {
		return fmt.Errorf("migrate: revision %s: %w", r.ID, err)
	}
	if n < 0 || n > len(list) {
		return fmt.Errorf("migrate: stamp: revision %s's %s has %d ops; --partial takes 0 to %d, not %d", r.ID, dir, len(list), len(list), n)
	}
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: stamp: %w", err)
	}
	defer tx.Rollback()
	current, err := readVersions(ctx, tx, s.vt)
	if err != nil {
		return err
	}
	rows := s.g.partialRows(current, r.ID, dir, n == len(list))
	stmts := append(s.vt.setSQL(rows), "DELETE FROM "+s.vt.progress(), "DELETE FROM "+s.vt.opsTable())
	if n > 0 && n < len(list) {
		stmts = append(stmts, s.vt.progressSQL(r.ID, dir, n, len(list), true))
		for i := range n {
			stmts = append(stmts, s.vt.insertOpSQL(r.ID, i, Fingerprint(list[i]), true))
		}
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: stamp: %s: %w", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: stamp: %w", err)
	}
	s.log.InfoContext(ctx, "stamped", "from", versionText(current), "to", versionText(rows), "partial", fmt.Sprintf("%s %s: %d of %d ops", r.ID, dir, n, len(list)))
	return nil
}

// partialRows returns the version table while revision id's dir runs (or,
// with whole, once it has run), keeping the rest of current.
func (g *Graph) partialRows(current []string, id string, dir Direction, whole bool) []string {
	p := g.index[id]
	applied := g.closure(g.positions(current), true)
	// The revision's descendants are not applied, its ancestors are.
	below := g.closure([]int{p}, false)
	for q, m := range below {
		if m && q != p {
			applied[q] = false
		}
	}
	for q, m := range g.closure([]int{p}, true) {
		if m {
			applied[q] = true
		}
	}
	// Up: applied once whole; down: applied until whole.
	applied[p] = (dir == Up) == whole
	return g.idsOf(g.headsOf(applied))
}

// Partial is a revision an interrupted run left part-way on a database
// without transactional DDL.
type Partial struct {
	// ID is the revision.
	ID string
	// Direction is the direction it was being applied in.
	Direction Direction
	// Done and Total count its ops: Done are applied.
	Done, Total int
}

// Partials returns the revisions the progress table says are part-way
// (at most one; none on dialects with transactional DDL, or before any
// run).
func Partials(ctx context.Context, db *sql.DB, env *Env) ([]Partial, error) {
	if env == nil {
		return nil, fmt.Errorf("migrate: partials: nil Env")
	}
	be, err := env.backend()
	if err != nil {
		return nil, err
	}
	if be.Dialect.TransactionalDDL() {
		return nil, nil
	}
	v := newVersionTable(be.Dialect, env)
	rows, err := readProgress(ctx, db, v)
	if err != nil {
		opts := introspect.Options{Schema: v.schema, IncludeTable: func(n string) bool { return n == v.progressName() }}
		if s, ierr := be.Inspector.Inspect(ctx, db, opts); ierr == nil {
			if _, ok := s.Table("", v.progressName()); !ok {
				return nil, nil
			}
		}
		return nil, err
	}
	var out []Partial
	for _, r := range rows {
		out = append(out, Partial{ID: r.id, Direction: r.direction, Done: r.done, Total: r.total})
	}
	return out, nil
}
