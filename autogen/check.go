package autogen

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// Report is what `retort check` found; its text and JSON outputs print it.
type Report struct {
	// Dialect is the database's dialect name.
	Dialect string
	// Current lists the revisions the database is at (empty at base);
	// Heads the head revisions of the migrations package.
	Current, Heads []string
	// Pending are the revisions `retort upgrade heads` would apply, in
	// upgrade order, with the findings of their upgrades.
	Pending []Pending
	// Ops is the drift: the ops that would bring the database to the
	// models, in the order autogenerate writes them, less those a pending
	// revision makes (see Covered); Findings are their safety findings.
	Ops      []ops.Op
	Findings []safety.Finding
	// Covered counts the ops of the drift left out of Ops because a
	// pending revision makes them: they are reported once, as pending.
	Covered int
	// Warnings are problems that did not stop the check: a row count of
	// Options.DataAware that failed.
	Warnings []error
	// NotCompared are the database's objects retort does not model
	// (views, triggers, functions, ...; see [NotCompared]). They are named,
	// not drift: InSync does not count them.
	NotCompared []introspect.Object
	// ModelWarnings are what reading the models noticed (see
	// [Result.ModelWarnings]).
	ModelWarnings []load.Warning
}

// Pending is a revision the database has not applied yet.
type Pending struct {
	// Revision is the revision.
	Revision migrate.Revision
	// Findings are the safety findings of its upgrade.
	Findings []safety.Finding
	// Refused reports that its upgrade has data-loss findings its
	// Reviewed field does not accept: the runner refuses it.
	Refused bool
}

// InSync reports whether there is neither drift nor a pending revision;
// objects retort does not model (NotCompared) are not drift.
func (r Report) InSync() bool { return len(r.Ops) == 0 && len(r.Pending) == 0 }

// Check compares db with env.go's models and reads where the database is
// in the revision graph: the drift with its safety findings, and the
// revisions not yet applied with the findings of their upgrades.
func Check(ctx context.Context, db Database, env *migrate.Env, opts Options) (Report, error) {
	res, err := Compare(ctx, db, env, opts)
	if err != nil {
		return Report{}, err
	}
	r := Report{Dialect: string(db.Dialect.Name()), Ops: res.Ops, Current: []string{}, Heads: []string{}, ModelWarnings: res.ModelWarnings}
	if r.NotCompared, err = NotCompared(ctx, db, env, res.Current); err != nil {
		return r, err
	}
	r.NotCompared = append(r.NotCompared, Order(db.Dialect, res.Current, res.Target, res.Ops)...)
	r.NotCompared = append(r.NotCompared, IndexUsing(db.Dialect, res.Current, res.Target, res.Ops)...)
	g, err := graph(env)
	if err != nil {
		return r, err
	}
	if g != nil {
		r.Heads = g.Heads()
		if r.Current, err = migrate.Current(ctx, db.DB, db.runtimeEnv(env)); err != nil {
			return r, err
		}
		steps, err := g.Plan(migrate.Up, r.Current, r.Heads)
		if err != nil {
			return r, err
		}
		var errs []error
		var pendingOps []ops.Op
		for _, st := range steps {
			list, err := st.Revision.Record(migrate.Up)
			if err != nil {
				errs = append(errs, fmt.Errorf("revision %s: %w", st.Revision.ID, err))
				continue
			}
			pendingOps = append(pendingOps, list...)
			fs := safety.Analyze(list, db.Dialect, safety.Options{})
			r.Pending = append(r.Pending, Pending{Revision: st.Revision, Findings: fs,
				Refused: !slices.Contains(st.Revision.Reviewed, migrate.ReviewedDataLoss) && len(migrate.GateLosses(db.Dialect, migrate.Up, list, nil)) > 0})
		}
		if err := errors.Join(errs...); err != nil {
			return r, err
		}
		r.Ops, r.Covered = uncovered(r.Ops, pendingOps)
	}
	if len(r.Ops) > 0 {
		r.Findings = safety.Analyze(r.Ops, db.Dialect, safety.Options{Current: &res.Current})
		if opts.DataAware {
			var werr error
			if r.Findings, werr = count(ctx, db, env, r.Ops, r.Findings); werr != nil {
				r.Warnings = append(r.Warnings, werr)
			}
		}
	}
	return r, nil
}

// uncovered returns the ops of drift that no op of pending matches (by
// description, each pending op matching once), and how many did.
func uncovered(drift, pending []ops.Op) ([]ops.Op, int) {
	if len(pending) == 0 {
		return drift, 0
	}
	made := map[string]int{}
	for _, op := range pending {
		made[ops.Describe(op)]++
	}
	var out []ops.Op
	for _, op := range drift {
		if d := ops.Describe(op); made[d] > 0 {
			made[d]--
			continue
		}
		out = append(out, op)
	}
	return out, len(drift) - len(out)
}
