package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// TxMode says how the runner groups revisions into transactions on
// dialects with transactional DDL.
type TxMode int

// Transaction modes.
const (
	// TxPerRevision runs each revision, with its version table update, in
	// its own transaction. It is the default.
	TxPerRevision TxMode = iota
	// TxPerRun runs the whole run in one transaction: a failure anywhere
	// leaves the database as it was before the run.
	TxPerRun
)

// String returns "per-revision" or "per-run".
func (m TxMode) String() string {
	switch m {
	case TxPerRevision:
		return "per-revision"
	case TxPerRun:
		return "per-run"
	}
	return fmt.Sprintf("TxMode(%d)", int(m))
}

// Options tune a run. The zero value works: one transaction per revision,
// no logging, wait for the lock as long as ctx allows.
type Options struct {
	// Logger receives progress: each revision as it starts and ends, with
	// its duration. Nil discards it.
	Logger *slog.Logger
	// Transaction groups revisions into transactions (transactional DDL
	// only; MySQL applies op by op whatever it says).
	Transaction TxMode
	// LockTimeout bounds the wait for the database lock another process
	// holds; 0 waits until ctx is done. SQLite waits for its write lock as
	// long as the connection's busy_timeout says.
	LockTimeout time.Duration
	// Purge makes [Stamp] replace a version table that names revisions this
	// migrations package does not have, instead of failing.
	Purge bool
	// AllowDataLoss turns the data-loss gate off. By default [Upgrade] and
	// [Downgrade] refuse, with a [*DataLossError] and before applying
	// anything, every revision whose ops lose data (dropped tables and
	// columns, narrowed or lossily cast types, removed enum values, raw
	// SQL that drops, truncates or deletes without WHERE) unless its
	// Reviewed field lists [ReviewedDataLoss]; see [GateLosses] for what a
	// downgrade may remove without review. The decision is made under the
	// migration lock. `retort upgrade --allow-data-loss` sets it.
	AllowDataLoss bool
}

// Validate reports options that cannot work.
func (o Options) Validate() error {
	if o.Transaction != TxPerRevision && o.Transaction != TxPerRun {
		return fmt.Errorf("migrate: options: invalid Transaction %d", int(o.Transaction))
	}
	if o.LockTimeout < 0 {
		return fmt.Errorf("migrate: options: negative LockTimeout %s", o.LockTimeout)
	}
	return nil
}

// Result says what a run did.
type Result struct {
	// Direction is Up for [Upgrade], Down for [Downgrade].
	Direction Direction
	// Before and After are the version table's rows before and after the
	// run, sorted (nil: base).
	Before, After []string
	// Applied lists the revisions applied, in order.
	Applied []Applied
}

// Applied is one revision a run applied.
type Applied struct {
	// ID and Message are the revision's.
	ID, Message string
	// Direction is Up or Down.
	Direction Direction
	// Ops is the number of ops the revision has.
	Ops int
	// Resumed is the number of ops an earlier, interrupted run had already
	// applied and this run skipped (non-transactional DDL only).
	Resumed int
	// Duration is the time the revision took.
	Duration time.Duration
}

// Upgrade applies revisions until the database is at target ("head",
// "heads", an id, "+1", ... as [Graph.Resolve] reads it). It takes the
// database lock for the whole run, so concurrent callers (every replica of
// an application at start-up) apply each revision once: the others wait,
// then find nothing left to do. On failure it returns the Result so far and
// a [*MigrationError].
func Upgrade(ctx context.Context, db *sql.DB, env *Env, target string, opts Options) (Result, error) {
	return run(ctx, db, env, Up, target, opts)
}

// Downgrade undoes revisions until the database is at target ("-1",
// "base", an id, ...). Revisions on other branches than target's are left
// alone. See [Upgrade] for locking and errors.
func Downgrade(ctx context.Context, db *sql.DB, env *Env, target string, opts Options) (Result, error) {
	return run(ctx, db, env, Down, target, opts)
}

// Stamp sets the version table to target without running any revision: to
// adopt an existing database, or to repair the table by hand. The table
// then holds target's revisions ("heads": every head; "base": none). It
// also clears the progress table of non-transactional dialects. The
// current rows must be revisions of env unless opts.Purge is set.
func Stamp(ctx context.Context, db *sql.DB, env *Env, target string, opts Options) error {
	s, err := open(ctx, db, env, opts)
	if err != nil {
		return err
	}
	defer s.close(ctx)
	// Read and write in one transaction: on SQLite it holds the write lock.
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: stamp: %w", err)
	}
	defer tx.Rollback()
	current, err := readVersions(ctx, tx, s.vt)
	if err != nil {
		return err
	}
	for _, id := range current {
		if _, ok := s.g.Revision(id); !ok && !opts.Purge {
			return fmt.Errorf("%w %q: the version table names it but this migrations package does not have it; stamp with Purge (`retort stamp --purge`) to replace it", ErrUnknownRevision, id)
		}
	}
	if opts.Purge {
		current = slices.DeleteFunc(current, func(id string) bool { _, ok := s.g.Revision(id); return !ok })
	}
	ids, err := s.g.Resolve(target, current)
	if err != nil {
		return err
	}
	if ids, err = s.g.Normalize(ids); err != nil {
		return err
	}
	stmts := s.vt.setSQL(ids)
	if !s.be.Dialect.TransactionalDDL() {
		stmts = append(stmts, "DELETE FROM "+s.vt.progress(), "DELETE FROM "+s.vt.opsTable())
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: stamp: %s: %w", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: stamp: %w", err)
	}
	s.log.InfoContext(ctx, "stamped", "from", versionText(current), "to", versionText(ids))
	return nil
}

// session is one run's connection, lock and configuration.
type session struct {
	conn   *sql.Conn
	be     Backend
	env    *Env
	g      *Graph
	vt     versionTable
	opts   Options
	log    *slog.Logger
	unlock func(context.Context)
	// reset undoes the dialect's session set-up on close.
	reset func(context.Context)
}

// open validates, loads the graph, takes a dedicated connection and the
// lock, and creates the version (and progress) table.
func open(ctx context.Context, db *sql.DB, env *Env, opts Options) (*session, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if env == nil || db == nil {
		return nil, errors.New("migrate: nil Env or *sql.DB")
	}
	g, err := env.Graph()
	if err != nil {
		return nil, err
	}
	be, err := env.backend()
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: connect: %w", err)
	}
	if be, err = be.forServer(ctx, conn, env.Dialect); err != nil {
		conn.Close()
		return nil, err
	}
	s := &session{conn: conn, be: be, env: env, g: g, vt: newVersionTable(be.Dialect, env), opts: opts, log: opts.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if opts.Transaction == TxPerRun && !be.Dialect.TransactionalDDL() {
		s.log.WarnContext(ctx, "migrate: this database cannot roll DDL back; applying op by op instead of in one transaction")
	}
	if err := s.lock(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	if err := s.setup(ctx); err != nil {
		s.close(ctx)
		return nil, err
	}
	return s, nil
}

// setup confines the session to Env.Schema when the dialect can
// ([dialect.SessionSetup]) and creates the tables.
func (s *session) setup(ctx context.Context) error {
	if ss, ok := s.be.Dialect.(dialect.SessionSetup); ok && s.vt.schema != "" {
		reset, err := ss.SetUpSession(ctx, s.conn, s.vt.schema)
		if err != nil {
			return fmt.Errorf("migrate: Env.Schema: %w", err)
		}
		s.reset = reset
	}
	stmts := []string{s.vt.createSQL()}
	if !s.be.Dialect.TransactionalDDL() {
		stmts = append(stmts, s.vt.createProgressSQL(), s.vt.createOpsSQL())
	}
	for _, q := range stmts {
		if _, err := s.conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: create version table: %s: %w", q, err)
		}
	}
	return nil
}

// close releases the lock and the connection. It runs even when ctx is
// cancelled, so that the lock is not left behind.
func (s *session) close(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	if s.reset != nil {
		s.reset(ctx)
	}
	if s.unlock != nil {
		s.unlock(ctx)
	}
	s.conn.Close()
}

// run is Upgrade and Downgrade.
func run(ctx context.Context, db *sql.DB, env *Env, dir Direction, target string, opts Options) (Result, error) {
	res := Result{Direction: dir}
	s, err := open(ctx, db, env, opts)
	if err != nil {
		return res, err
	}
	defer s.close(ctx)
	current, err := readVersions(ctx, s.conn, s.vt)
	if err != nil {
		return res, err
	}
	res.Before, res.After = current, current
	// Before anything runs: a table naming unknown revisions, or saying
	// the database is at a revision and at its descendant, is refused.
	if err := s.g.CheckRows(current); err != nil {
		return res, err
	}
	tgt, err := s.g.Resolve(target, current)
	if err != nil {
		return res, err
	}
	steps, err := s.g.Plan(dir, current, tgt)
	if err != nil {
		return res, err
	}
	if err := s.gate(steps); err != nil {
		return res, err
	}
	if len(steps) == 0 && s.be.Dialect.TransactionalDDL() {
		// (Without transactional DDL, runNonTx still checks for a revision
		// an earlier run left part-way.)
		s.log.InfoContext(ctx, "migrate: nothing to do", "at", versionText(current), "target", target)
		return res, nil
	}
	s.log.InfoContext(ctx, "migrate: "+dir.String(), "from", versionText(current), "target", target, "revisions", len(steps))
	switch {
	case !s.be.Dialect.TransactionalDDL():
		err = s.runNonTx(ctx, steps, &res)
	case opts.Transaction == TxPerRun:
		err = s.runOneTx(ctx, dir, tgt, steps, &res)
	default:
		err = s.runPerRevision(ctx, dir, tgt, steps, &res)
	}
	return res, err
}

// record runs a step's Upgrade or Downgrade on a fresh recorder.
func record(st Step) ([]ops.Op, error) { return st.Revision.Record(st.Direction) }

// Record returns the ops the revision's Upgrade (dir Up) or Downgrade
// (dir Down) records, without running them; none when the func is nil. A
// panic in it (a builder call that cannot describe an op) becomes an error.
func (r Revision) Record(dir Direction) (list []ops.Op, err error) {
	fn := r.Upgrade
	if dir == Down {
		fn = r.Downgrade
	}
	if fn == nil {
		return nil, nil
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("recording its %s panicked: %v", dir, p)
		}
	}()
	op := &Recorder{}
	fn(op)
	return op.Ops(), nil
}
