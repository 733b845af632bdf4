package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// offlineTables is the schema the revisions imply at the point offline SQL
// has reached, replayed in memory from base with [ops.Apply]: the
// [dialect.TableSource] of offline SQL, so that SQLite's table rebuild
// prints without a database. Raw SQL (Execute) and custom ops change
// nothing in it; a table they create or change is unknown or stale.
type offlineTables struct {
	d dialect.Dialect
	s model.Schema
	// opaque describes the last op whose effect on the schema is not
	// known (raw SQL, a custom op), "" when there was none.
	opaque string
	// err is the first op that could not be applied: from then on the
	// schema is not known and a rebuild fails with it.
	err error
	// triggers are the triggers the revisions' raw SQL created and did not
	// drop ([dialect.TriggerDDL]), in creation order.
	triggers []dialect.Trigger
}

// apply replays ops lo to hi (exclusive) of step st, which records list.
func (o *offlineTables) apply(st Step, list []ops.Op, lo, hi int) {
	for i := lo; i < hi; i++ {
		op := list[i]
		if o.err != nil {
			return
		}
		switch op.(type) {
		case ops.Execute, ops.Custom:
			if _, run := runOf(op); !run {
				o.opaque = fmt.Sprintf("the %s of revision %s, op %d (%s)", st.Direction, st.Revision.ID, i+1, describeOp(op))
			}
		}
		o.trackTriggers(op)
		if err := ops.Apply(&o.s, op); err != nil {
			o.err = fmt.Errorf("replaying the %s of revision %s, op %d of %d (%s): %w",
				st.Direction, st.Revision.ID, i+1, len(list), describeOp(op), err)
		}
	}
}

// Table returns the table as the revisions before it left it, in the form
// the dialect reflects it (its Canonical form), as a live run would read
// it.
func (o *offlineTables) Table(_ context.Context, schema, name string) (model.Table, bool, error) {
	if o.err != nil {
		return model.Table{}, false, fmt.Errorf("%w; the schema the revisions imply is not known past %w", dialect.ErrOffline, o.err)
	}
	c := o.d.Canonical(o.s)
	t, ok := c.Table(schema, name)
	if !ok && o.opaque != "" {
		return model.Table{}, false, fmt.Errorf("%w; table %s is not in the schema the revisions imply, and %s may have made it", dialect.ErrOffline, name, o.opaque)
	}
	return t, ok, nil
}

// replayTo returns the tables of a database at revisions current, replayed
// from base.
func replayTo(g *Graph, d dialect.Dialect, current []string) (*offlineTables, error) {
	state := &offlineTables{d: d}
	if len(current) == 0 {
		return state, nil
	}
	steps, err := g.Plan(Up, nil, current)
	if err != nil {
		return nil, err
	}
	for _, st := range steps {
		list, err := record(st)
		if err != nil {
			return nil, newError(st, nil, -1, "", err)
		}
		state.apply(st, list, 0, len(list))
	}
	return state, nil
}

// trackTriggers follows the triggers op creates or drops: CREATE TRIGGER
// and DROP TRIGGER in raw SQL, and a dropped or renamed table, which takes
// its triggers with it (a renamed table's trigger text is rewritten by the
// server, so it is no longer known).
func (o *offlineTables) trackTriggers(op ops.Op) {
	forget := func(keep func(t dialect.Trigger) bool) {
		o.triggers = slices.DeleteFunc(o.triggers, func(t dialect.Trigger) bool { return !keep(t) })
	}
	switch x := op.(type) {
	case ops.Execute:
		created, dropped := dialect.TriggerDDL(o.d, x.SQL)
		for _, name := range dropped {
			forget(func(t dialect.Trigger) bool { return !strings.EqualFold(t.Name, name) })
		}
		for _, t := range created {
			forget(func(k dialect.Trigger) bool { return !strings.EqualFold(k.Name, t.Name) })
			o.triggers = append(o.triggers, t)
		}
	case ops.DropTable:
		forget(func(t dialect.Trigger) bool { return !strings.EqualFold(t.Table, x.Table.Name) })
	case ops.RenameTable:
		forget(func(t dialect.Trigger) bool { return !strings.EqualFold(t.Table, x.From) })
	}
}

// Triggers returns the triggers the revisions created on table
// ([dialect.TriggerLister]), sorted by name as the catalog lists them.
func (o *offlineTables) Triggers(_ context.Context, _, table string) []dialect.Trigger {
	var out []dialect.Trigger
	for _, t := range o.triggers {
		if strings.EqualFold(t.Table, table) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b dialect.Trigger) int { return strings.Compare(a.Name, b.Name) })
	return out
}
