package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// errStale says the version table changed between planning and the
// revision's transaction (another process migrated in between); the run
// plans again.
var errStale = errors.New("migrate: version table changed")

// txState is the open transaction of a transactional run. A statement that
// must run outside a transaction commits it and opens a new one.
type txState struct {
	conn *sql.Conn
	tx   *sql.Tx
	// rotated is set once a NoTransaction statement committed part of the
	// work: from then on a failure cannot roll everything back.
	rotated bool
}

func (t *txState) rollback() {
	if t.tx != nil {
		t.tx.Rollback()
		t.tx = nil
	}
}

// connSetup returns the dialect's connection hooks, or none.
func (s *session) connSetup() (before, verify, after []string) {
	if cs, ok := s.be.Dialect.(dialect.ConnSetup); ok {
		return cs.BeforeTx(), cs.Verify(), cs.AfterTx()
	}
	return nil, nil, nil
}

// beforeTx runs the dialect's BeforeTx statements and returns the func
// that runs its AfterTx statements (also after a rollback).
func (s *session) beforeTx(ctx context.Context) (func(), error) {
	before, _, after := s.connSetup()
	done := func() {
		ctx := context.WithoutCancel(ctx)
		for _, q := range after {
			if _, err := s.conn.ExecContext(ctx, q); err != nil {
				s.log.WarnContext(ctx, "migrate: connection restore failed", "sql", q, "error", err)
			}
		}
	}
	for _, q := range before {
		if _, err := s.conn.ExecContext(ctx, q); err != nil {
			done()
			return nil, fmt.Errorf("migrate: prepare connection: %s: %w", q, err)
		}
	}
	return done, nil
}

// tables gives the dialect the live definition of one table, reflected
// through the run's current transaction.
func (s *session) tables(q func() introspect.Querier) dialect.TableSource {
	// The dialect may read the catalog on the same connection too (SQLite
	// reads the triggers a rebuild creates again).
	return dialect.WithCatalog(s.tableSource(q), func() dialect.Querier { return q() })
}

// tableSource reflects one table at a time on the querier q returns.
func (s *session) tableSource(q func() introspect.Querier) dialect.TableSource {
	return dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		opts := introspect.Options{Schema: schema, IncludeTable: func(n string) bool { return n == name }}
		if schema == "" {
			opts.Schema = s.vt.schema
		}
		sc, err := s.be.Inspector.Inspect(ctx, q(), opts)
		if err != nil {
			return model.Table{}, false, fmt.Errorf("migrate: reflect table %s: %w", name, err)
		}
		t, ok := sc.Table("", name)
		if ok {
			t.Schema = schema
		}
		return t, ok, nil
	})
}

// newError starts a MigrationError for a step.
func newError(st Step, list []ops.Op, i int, sql string, err error) *MigrationError {
	me := &MigrationError{
		Revision: st.Revision.ID, Direction: st.Direction, Message: st.Revision.Message,
		OpIndex: i, OpCount: len(list), SQL: sql, Version: st.Before, Err: err,
	}
	if i >= 0 && i < len(list) {
		me.Op = list[i]
	} else {
		me.OpIndex = -1
	}
	return me
}

// applyOps runs a step's ops in t's transaction (opening new ones after a
// NoTransaction statement) and updates the version table. It returns the
// number of ops a NoTransaction statement committed, and the failure.
func (s *session) applyOps(ctx context.Context, t *txState, st Step, list []ops.Op) (committed int, me *MigrationError) {
	src := s.tables(func() introspect.Querier { return t.tx })
	for i, n := 0, 1; i < len(list); i += n {
		n = 1
		if ran, err := runGo(ctx, list[i], t.tx); ran {
			if err != nil {
				return committed, newError(st, list, i, "", err)
			}
			continue
		}
		// A group of ops may share statements (SQLite rebuilds a table once
		// for consecutive changes of it; dialect.PlanGroup).
		var stmts []dialect.Statement
		var err error
		n, stmts, err = dialect.PlanGroup(ctx, s.be.Dialect, list, i, src)
		if err != nil {
			return committed, newError(st, list, i, "", err)
		}
		for _, stmt := range stmts {
			if !stmt.NoTransaction {
				if _, err := t.tx.ExecContext(ctx, stmt.SQL); err != nil {
					return committed, newError(st, list, i, stmt.SQL, err)
				}
				continue
			}
			if err := t.tx.Commit(); err != nil {
				t.tx = nil
				return committed, newError(st, list, i, "COMMIT", err)
			}
			t.tx, t.rotated = nil, true
			committed = i
			if _, err := t.conn.ExecContext(ctx, stmt.SQL); err != nil {
				return committed, newError(st, list, i, stmt.SQL, err)
			}
			committed = i + n
			if t.tx, err = t.conn.BeginTx(ctx, nil); err != nil {
				return committed, newError(st, list, -1, "BEGIN", err)
			}
		}
		s.log.DebugContext(ctx, "migrate: ops executed", "revision", st.Revision.ID, "from", i+1, "to", i+n, "of", len(list))
	}
	for _, q := range s.vt.updateSQL(st.Before, st.After) {
		if _, err := t.tx.ExecContext(ctx, q); err != nil {
			return committed, newError(st, list, -1, q, fmt.Errorf("update the version table: %w", err))
		}
	}
	return committed, nil
}

// verify runs the dialect's Verify queries in q; a row is a violation.
func (s *session) verify(ctx context.Context, q introspect.Querier) (string, error) {
	_, queries, _ := s.connSetup()
	for _, query := range queries {
		row, err := firstRow(ctx, q, query)
		if err != nil {
			return query, err
		}
		if row != "" {
			return query, fmt.Errorf("integrity check failed: %s", row)
		}
	}
	return "", nil
}

// firstRow returns the first row of a query as "col=value ..." ("" if none).
func firstRow(ctx context.Context, q introspect.Querier, query string) (string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if !rows.Next() {
		return "", rows.Err()
	}
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return "", err
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		v := vals[i]
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		parts[i] = fmt.Sprintf("%s=%v", c, v)
	}
	return strings.Join(parts, " "), nil
}

// runPerRevision applies each step in its own transaction. Inside the
// transaction it re-reads the version table: if another process moved it
// since planning, it plans again from what it reads.
func (s *session) runPerRevision(ctx context.Context, dir Direction, tgt []string, steps []Step, res *Result) error {
	stale := 0
	for len(steps) > 0 {
		st := steps[0]
		a, err := s.applyTx(ctx, st)
		if errors.Is(err, errStale) {
			// A loop guard: another process moves the table a few times at
			// most while this one waits; planning again and again without
			// applying anything means the plan and the table disagree.
			if stale++; stale > maxReplans {
				return fmt.Errorf("migrate: the version table reads %s, but planning from it keeps expecting %s; "+
					"check it with `retort current` and repair it with `retort stamp`", versionText(res.After), versionText(st.Before))
			}
			current, err := readVersions(ctx, s.conn, s.vt)
			if err != nil {
				return err
			}
			s.log.InfoContext(ctx, "migrate: another process migrated meanwhile; planning again", "at", versionText(current))
			res.After = current
			if steps, err = s.g.Plan(dir, current, tgt); err != nil {
				return err
			}
			if err := s.gate(steps); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		stale = 0
		res.Applied = append(res.Applied, a)
		res.After = sorted(st.After)
		steps = steps[1:]
	}
	return nil
}

// maxReplans bounds the plans a run makes in a row without applying a
// revision (see runPerRevision).
const maxReplans = 20

// applyTx applies one step in its own transaction.
func (s *session) applyTx(ctx context.Context, st Step) (Applied, error) {
	list, err := record(st)
	if err != nil {
		return Applied{}, newError(st, nil, -1, "", err)
	}
	start := time.Now()
	done, err := s.beforeTx(ctx)
	if err != nil {
		return Applied{}, newError(st, list, -1, "", err)
	}
	defer done()
	t := &txState{conn: s.conn}
	if t.tx, err = s.conn.BeginTx(ctx, nil); err != nil {
		return Applied{}, newError(st, list, -1, "BEGIN", err)
	}
	defer t.rollback()
	rows, err := readVersions(ctx, t.tx, s.vt)
	if err != nil {
		return Applied{}, err
	}
	if !sameSet(s.g.rowsFor(rows), st.Before) {
		return Applied{}, errStale
	}
	s.logStart(ctx, st, len(list))
	fail := func(me *MigrationError, committed int) error {
		t.rollback()
		me.RolledBack = !t.rotated
		me.Applied = committed
		return me
	}
	committed, me := s.applyOps(ctx, t, st, list)
	if me != nil {
		return Applied{}, fail(me, committed)
	}
	if q, err := s.verify(ctx, t.tx); err != nil {
		return Applied{}, fail(newError(st, list, -1, q, err), committed)
	}
	if err := t.tx.Commit(); err != nil {
		t.tx = nil
		return Applied{}, fail(newError(st, list, -1, "COMMIT", err), committed)
	}
	t.tx = nil
	a := Applied{ID: st.Revision.ID, Message: st.Revision.Message, Direction: st.Direction, Ops: len(list), Duration: time.Since(start)}
	s.logEnd(ctx, a)
	return a, nil
}

// runOneTx applies every step in one transaction (Options.Transaction =
// TxPerRun), planning again inside it from the version table it reads.
func (s *session) runOneTx(ctx context.Context, dir Direction, tgt []string, steps []Step, res *Result) error {
	if len(steps) == 0 {
		return nil
	}
	done, err := s.beforeTx(ctx)
	if err != nil {
		return err
	}
	defer done()
	t := &txState{conn: s.conn}
	if t.tx, err = s.conn.BeginTx(ctx, nil); err != nil {
		return fmt.Errorf("migrate: begin: %w", err)
	}
	defer t.rollback()
	rows, err := readVersions(ctx, t.tx, s.vt)
	if err != nil {
		return err
	}
	if !sameSet(s.g.rowsFor(rows), steps[0].Before) {
		if steps, err = s.g.Plan(dir, rows, tgt); err != nil {
			return err
		}
		if err := s.gate(steps); err != nil {
			return err
		}
		res.Before, res.After = rows, rows
		if len(steps) == 0 {
			// Another process applied everything while we waited.
			return nil
		}
	}
	var applied []Applied
	var committed int
	var last Step
	fail := func(me *MigrationError) error {
		t.rollback()
		me.RolledBack = !t.rotated
		me.Applied = committed
		if me.RolledBack {
			me.Version = res.Before
		}
		return me
	}
	for _, st := range steps {
		list, err := record(st)
		if err != nil {
			return fail(newError(st, nil, -1, "", err))
		}
		start := time.Now()
		s.logStart(ctx, st, len(list))
		c, me := s.applyOps(ctx, t, st, list)
		committed = c
		if me != nil {
			return fail(me)
		}
		a := Applied{ID: st.Revision.ID, Message: st.Revision.Message, Direction: st.Direction, Ops: len(list), Duration: time.Since(start)}
		s.logEnd(ctx, a)
		applied = append(applied, a)
		last = st
	}
	if q, err := s.verify(ctx, t.tx); err != nil {
		return fail(newError(last, nil, -1, q, err))
	}
	if err := t.tx.Commit(); err != nil {
		t.tx = nil
		return fail(newError(last, nil, -1, "COMMIT", err))
	}
	t.tx = nil
	res.Applied = applied
	res.After = sorted(last.After)
	return nil
}

func (s *session) logStart(ctx context.Context, st Step, n int) {
	s.log.InfoContext(ctx, "migrate: "+st.Direction.String()+" "+st.Revision.ID+" started",
		"revision", st.Revision.ID, "message", st.Revision.Message, "direction", st.Direction.String(), "ops", n)
}

func (s *session) logEnd(ctx context.Context, a Applied) {
	s.log.InfoContext(ctx, "migrate: "+a.Direction.String()+" "+a.ID+" done",
		"revision", a.ID, "message", a.Message, "direction", a.Direction.String(), "elapsed", a.Duration)
}
