package migrate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// SQL returns, without a connection, the SQL that takes a database from
// revision from to target to (as `retort upgrade --sql FROM:TO` prints it):
// each revision's statements under a "-- Running upgrade A -> B" comment,
// wrapped in BEGIN/COMMIT on dialects with transactional DDL
// ([dialect.ScriptFrame]: on SQLite, foreign keys off around it and a
// foreign-key check before COMMIT that fails the script on a violation),
// followed by its version table update; the version table's CREATE TABLE IF NOT EXISTS
// comes first. Statements end in ";\n". On MySQL, consecutive ALTERs of
// one table are merged into one ALTER TABLE as the runner sends them
// ([dialect.PlanGroup]).
//
// from is read like a target with no current revision: "" or "base" means
// base (an upgrade of a new database); a downgrade needs it ("heads", an
// id). Relative targets (+N, -N) count from from.
//
// An op that needs a table's definition (SQLite's table rebuild) gets it
// from the schema the revisions imply, replayed in memory from base (see
// [ops.Apply]); when a revision's raw SQL or custom op left that schema
// unknown, it fails with an error wrapping [dialect.ErrOffline] that
// names the revision and op. A revision that runs Go code ([Op.Run]) or
// records [Op.Irreversible] in the direction printed is refused.
func SQL(ctx context.Context, env *Env, from, to string, dir Direction) (string, error) {
	if env == nil {
		return "", errors.New("migrate: sql: nil Env")
	}
	g, err := env.Graph()
	if err != nil {
		return "", err
	}
	be, err := env.backend()
	if err != nil {
		return "", err
	}
	if from == "" {
		if dir == Down {
			return "", errors.New("migrate: offline downgrade needs a starting revision: write FROM:TO, e.g. heads:-1")
		}
		from = "base"
	}
	current, err := g.Resolve(from, nil)
	if err != nil {
		return "", err
	}
	tgt, err := g.Resolve(to, current)
	if err != nil {
		return "", err
	}
	steps, err := g.Plan(dir, current, tgt)
	if err != nil {
		return "", err
	}
	d := be.Dialect
	vt := newVersionTable(d, env)
	var b strings.Builder
	write := func(q string) {
		b.WriteString(strings.TrimRight(strings.TrimSpace(q), ";"))
		b.WriteString(";\n")
	}
	if ss, ok := d.(dialect.SessionSetup); ok && vt.schema != "" {
		for _, q := range ss.SessionSQL(vt.schema) {
			write(q)
		}
	}
	write(vt.createSQL())
	frame := dialect.ScriptFrame(d)
	writeAll := func(qs []string) {
		for _, q := range qs {
			write(q)
		}
	}
	state, err := replayTo(g, d, current)
	if err != nil {
		return "", err
	}
	for _, st := range steps {
		list, err := record(st)
		if err != nil {
			return "", newError(st, nil, -1, "", err)
		}
		if err := irreversibleIn(st, list); err != nil {
			return "", err
		}
		if err := offlineRefusal(st, list); err != nil {
			return "", err
		}
		if i, err := checkIndexOptions(d, list); err != nil {
			return "", newError(st, list, i, "", err)
		}
		fmt.Fprintf(&b, "\n-- Running %s %s -> %s\n\n", st.Direction, revisionsOrBase(st.Before), revisionsOrBase(st.After))
		writeAll(frame.Before)
		writeAll(frame.Begin)
		for i := 0; i < len(list); {
			n, stmts, err := dialect.PlanGroup(ctx, d, list, i, state)
			if err != nil {
				return "", fmt.Errorf("migrate: offline SQL for %s of revision %s, op %d of %d (%s): %w",
					st.Direction, st.Revision.ID, i+1, len(list), describeOp(list[i]), err)
			}
			state.apply(st, list, i, i+n)
			i += n
			for _, stmt := range stmts {
				if stmt.NoTransaction && frame.InTransaction() {
					writeAll(frame.Commit)
					write(stmt.SQL)
					writeAll(frame.Begin)
					continue
				}
				write(stmt.SQL)
			}
		}
		for _, q := range vt.updateSQL(st.Before, st.After) {
			write(q)
		}
		writeAll(frame.Commit)
		writeAll(frame.After)
	}
	return b.String(), nil
}

// revisionsOrBase writes revision ids for the SQL comments: "<base>" for
// none, as `retort history` writes it, so no line has an empty side.
func revisionsOrBase(ids []string) string {
	if len(ids) == 0 {
		return "<base>"
	}
	return strings.Join(ids, ", ")
}
