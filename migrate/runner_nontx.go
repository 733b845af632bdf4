package migrate

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/ops"
)

// runNonTx applies steps on a dialect whose DDL commits implicitly
// (MySQL/MariaDB): op by op, or a group of ops at a time where the dialect
// merges consecutive ALTERs of one table into one statement
// ([dialect.PlanGroup]). Before sending a group it records the group's
// ops, with their fingerprints ([Fingerprint]), as running in the ops
// table; after it, it records them as applied and how many ops are done in
// the progress table. A failed or killed run is reported exactly, and the
// next run resumes: it checks the applied ops against the revision as it
// is now, asks the catalog whether the ops that were running completed on
// the server, and carries on after the last applied op (see
// [session.resumeAt]). The version table update and the removal of the
// progress and ops rows commit together at the end of each revision.
func (s *session) runNonTx(ctx context.Context, steps []Step, res *Result) error {
	prog, err := readProgress(ctx, s.conn, s.vt)
	if err != nil {
		return err
	}
	var resume *progressRow
	if len(prog) > 0 {
		p := prog[0]
		if len(steps) == 0 || steps[0].Revision.ID != p.id || steps[0].Direction != p.direction {
			return fmt.Errorf("%w: an earlier run stopped during the %s of revision %s after op %d of %d; "+
				"finish it by running the %s again (ops 1-%d will be skipped); or repair the database by hand and record what it holds "+
				"with %s (N ops applied) or `retort stamp REV`, which clears %s",
				ErrPartlyApplied, p.direction, p.id, p.done, p.total, p.direction, p.done,
				stampCommand(p.id, p.direction, p.done), s.vt.progressName())
		}
		resume = &p
	}
	for i, st := range steps {
		var p *progressRow
		if i == 0 {
			p = resume
		}
		a, err := s.applyNonTx(ctx, st, p)
		if err != nil {
			return err
		}
		res.Applied = append(res.Applied, a)
		res.After = sorted(st.After)
	}
	return nil
}

// applyNonTx applies one step group by group, resuming after what the
// progress row p (nil: none) and the catalog say is applied.
func (s *session) applyNonTx(ctx context.Context, st Step, p *progressRow) (Applied, error) {
	list, err := record(st)
	if err != nil {
		return Applied{}, newError(st, nil, -1, "", err)
	}
	skip := 0
	if p != nil {
		if skip, err = s.resumeAt(ctx, st, list, *p); err != nil {
			return Applied{}, err
		}
	}
	start := time.Now()
	s.logStart(ctx, st, len(list))
	if skip > 0 {
		s.log.InfoContext(ctx, "migrate: resuming "+st.Revision.ID, "revision", st.Revision.ID, "skipped_ops", skip)
	}
	done, err := s.beforeTx(ctx)
	if err != nil {
		return Applied{}, newError(st, list, -1, "", err)
	}
	defer done()
	fail := func(i int, sql string, err error) error {
		me := newError(st, list, i, sql, err)
		me.Resumable = true
		me.Applied = max(i, skip)
		return me
	}
	src := s.tables(func() introspect.Querier { return s.conn })
	first := p == nil
	for i := skip; i < len(list); {
		// Plan the next group only now: its ops read the live tables as
		// the groups before left them.
		n, stmts, err := 1, []dialect.Statement(nil), error(nil)
		if ran, rerr := runGo(ctx, list[i], s.conn); ran {
			if rerr != nil {
				return Applied{}, fail(i, "", rerr)
			}
		} else if n, stmts, err = dialect.PlanGroup(ctx, s.be.Dialect, list, i, src); err != nil {
			return Applied{}, fail(i, "", err)
		}
		recorded := []string{
			s.vt.progressSQL(st.Revision.ID, st.Direction, i+n, len(list), false),
			fmt.Sprintf("UPDATE %s SET applied = 1 WHERE version_num = %s AND op_index < %d", s.vt.opsTable(), quoteString(st.Revision.ID), i+n),
		}
		if dataOnly(stmts) {
			// Rows change in a transaction even here: the statements and
			// their record commit together, so a kill leaves no doubt.
			all := s.startedSQL(st, list, i, n, first)
			for _, stmt := range stmts {
				all = append(all, stmt.SQL)
			}
			if q, err := execTx(ctx, s.conn, append(all, recorded...)); err != nil {
				return Applied{}, fail(i, q, err)
			}
			first = false
			i += n
			s.log.DebugContext(ctx, "migrate: ops executed", "revision", st.Revision.ID, "from", i-n+1, "to", i, "of", len(list))
			s.log.DebugContext(ctx, "migrate: ops recorded", "revision", st.Revision.ID, "done", i, "of", len(list))
			continue
		}
		if q, err := execTx(ctx, s.conn, s.startedSQL(st, list, i, n, first)); err != nil {
			return Applied{}, fail(i, q, fmt.Errorf("record progress: %w", err))
		}
		first = false
		for _, stmt := range stmts {
			if _, err := s.conn.ExecContext(ctx, stmt.SQL); err != nil {
				switch {
				case !s.forgetStarted(ctx, st, i):
					err = fmt.Errorf("the run was interrupted or lost its connection while ops %d-%d of %d ran; the server may still complete them, and the next run checks the catalog for them: %w", i+1, i+n, len(list), err)
				case n > 1:
					err = fmt.Errorf("ops %d-%d of %d were sent as this one ALTER TABLE, which failed as a whole, so none of them is applied: %w", i+1, i+n, len(list), err)
				}
				return Applied{}, fail(i, stmt.SQL, err)
			}
		}
		s.log.DebugContext(ctx, "migrate: ops executed", "revision", st.Revision.ID, "from", i+1, "to", i+n, "of", len(list))
		i += n
		if q, err := execTx(ctx, s.conn, recorded); err != nil {
			return Applied{}, fail(i-n, q, fmt.Errorf("record progress: %w", err))
		}
		s.log.DebugContext(ctx, "migrate: ops recorded", "revision", st.Revision.ID, "done", i, "of", len(list))
	}
	if q, err := s.verify(ctx, s.conn); err != nil {
		return Applied{}, fail(len(list), q, err)
	}
	stmts := append(s.vt.updateSQL(st.Before, st.After),
		"DELETE FROM "+s.vt.progress()+" WHERE version_num = "+quoteString(st.Revision.ID),
		"DELETE FROM "+s.vt.opsTable()+" WHERE version_num = "+quoteString(st.Revision.ID))
	if q, err := execTx(ctx, s.conn, stmts); err != nil {
		return Applied{}, fail(len(list), q, fmt.Errorf("update the version table: %w", err))
	}
	a := Applied{ID: st.Revision.ID, Message: st.Revision.Message, Direction: st.Direction, Ops: len(list), Resumed: skip, Duration: time.Since(start)}
	s.logEnd(ctx, a)
	return a, nil
}

// startedSQL records ops i to i+n-1 of st as running (and, for the first
// group of a run that resumes nothing, the progress row).
func (s *session) startedSQL(st Step, list []ops.Op, i, n int, first bool) []string {
	var out []string
	if first {
		out = append(out,
			"DELETE FROM "+s.vt.opsTable()+" WHERE version_num = "+quoteString(st.Revision.ID),
			s.vt.progressSQL(st.Revision.ID, st.Direction, i, len(list), true))
	}
	for j := i; j < i+n; j++ {
		out = append(out, s.vt.insertOpSQL(st.Revision.ID, j, Fingerprint(list[j]), false))
	}
	return out
}

// forgetStarted removes the running marks of ops from i on after their
// statement failed, when the connection shows that the server answered (a
// failed statement did nothing). After a lost connection or a cancelled
// context the marks stay: the server may still complete the statement, and
// the next run asks the catalog.
//
// It reports whether the server answered.
func (s *session) forgetStarted(ctx context.Context, st Step, i int) bool {
	if ctx.Err() != nil || s.conn.PingContext(ctx) != nil {
		return false
	}
	q := fmt.Sprintf("DELETE FROM %s WHERE version_num = %s AND op_index >= %d AND applied = 0", s.vt.opsTable(), quoteString(st.Revision.ID), i)
	if _, err := s.conn.ExecContext(ctx, q); err != nil {
		s.log.WarnContext(ctx, "migrate: forget running ops", "sql", q, "error", err)
	}
	return true
}

// dataOnly reports whether every statement is one INSERT, UPDATE, DELETE
// or REPLACE (raw SQL or a bulk insert): statements that change rows, which
// a transaction holds even on a database whose DDL commits implicitly.
func dataOnly(stmts []dialect.Statement) bool {
	if len(stmts) == 0 {
		return false
	}
	for _, st := range stmts {
		q := strings.TrimSpace(st.SQL)
		if strings.Contains(strings.TrimRight(q, "; \t\n"), ";") {
			return false
		}
		word, _, _ := strings.Cut(q, " ")
		switch strings.ToUpper(word) {
		case "INSERT", "UPDATE", "DELETE", "REPLACE":
		default:
			return false
		}
	}
	return true
}
