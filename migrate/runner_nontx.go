package migrate

import (
	"context"
	"fmt"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
)

// runNonTx applies steps on a dialect whose DDL commits implicitly
// (MySQL/MariaDB): op by op, or a group of ops at a time where the dialect
// merges consecutive ALTERs of one table into one statement
// ([dialect.PlanGroup]), recording after each how many ops are done in
// the progress table, so that a failed run is reported exactly and the
// next run resumes after the last op that succeeded. The version table
// update and the removal of the progress row commit together at the end of
// each revision.
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
				"finish it by running the %s again (ops 1-%d will be skipped), or repair the database by hand and run `retort stamp`, which clears %s",
				ErrPartlyApplied, p.direction, p.id, p.done, p.total, p.direction, p.done, s.vt.progressName())
		}
		resume = &p
	}
	for i, st := range steps {
		skip := 0
		if i == 0 && resume != nil {
			skip = resume.done
		}
		a, err := s.applyNonTx(ctx, st, skip, i == 0 && resume != nil, resume)
		if err != nil {
			return err
		}
		res.Applied = append(res.Applied, a)
		res.After = sorted(st.After)
	}
	return nil
}

// applyNonTx applies one step group by group, skipping the first skip ops
// (a group boundary of the run that recorded them).
func (s *session) applyNonTx(ctx context.Context, st Step, skip int, resumed bool, p *progressRow) (Applied, error) {
	list, err := record(st)
	if err != nil {
		return Applied{}, newError(st, nil, -1, "", err)
	}
	if resumed && p.total != len(list) {
		return Applied{}, fmt.Errorf("%w: an earlier run applied %d of %d ops of revision %s, but it now has %d ops; "+
			"repair the database by hand and run `retort stamp`, which clears %s", ErrPartlyApplied, p.done, p.total, st.Revision.ID, len(list), s.vt.progressName())
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
	first := !resumed
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
		for _, stmt := range stmts {
			if _, err := s.conn.ExecContext(ctx, stmt.SQL); err != nil {
				if n > 1 {
					err = fmt.Errorf("ops %d-%d of %d were sent as this one ALTER TABLE, which failed as a whole, so none of them is applied: %w", i+1, i+n, len(list), err)
				}
				return Applied{}, fail(i, stmt.SQL, err)
			}
		}
		i += n
		q := s.vt.progressSQL(st.Revision.ID, st.Direction, i, len(list), first)
		if _, err := s.conn.ExecContext(ctx, q); err != nil {
			return Applied{}, fail(i-n, q, fmt.Errorf("record progress: %w", err))
		}
		first = false
	}
	if q, err := s.verify(ctx, s.conn); err != nil {
		return Applied{}, fail(len(list), q, err)
	}
	tx, err := s.conn.BeginTx(ctx, nil)
	if err != nil {
		return Applied{}, fail(len(list), "BEGIN", err)
	}
	stmts := append(s.vt.updateSQL(st.Before, st.After), "DELETE FROM "+s.vt.progress()+" WHERE version_num = "+quoteString(st.Revision.ID))
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tx.Rollback()
			return Applied{}, fail(len(list), q, fmt.Errorf("update the version table: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return Applied{}, fail(len(list), "COMMIT", err)
	}
	a := Applied{ID: st.Revision.ID, Message: st.Revision.Message, Direction: st.Direction, Ops: len(list), Resumed: skip, Duration: time.Since(start)}
	s.logEnd(ctx, a)
	return a, nil
}
