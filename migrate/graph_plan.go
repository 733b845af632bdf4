package migrate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/ops"
)

// Direction says which way a revision is applied: [Up] runs its Upgrade,
// [Down] its Downgrade. It is [ops.Direction].
type Direction = ops.Direction

// Directions.
const (
	// Up applies a revision's Upgrade.
	Up = ops.Upgrade
	// Down applies a revision's Downgrade.
	Down = ops.Downgrade
)

// Step is one revision to apply, with the version table's rows before and
// after it.
type Step struct {
	// Revision is the revision to apply.
	Revision Revision
	// Direction is Up (run Upgrade) or Down (run Downgrade).
	Direction Direction
	// Before is what the version table holds before the step (nil: base).
	Before []string
	// After is what the version table holds after the step (nil: base).
	After []string
}

// Plan returns the steps that take a database whose version table holds
// current to target (resolved ids, as [Graph.Resolve] returns them).
//
// Upgrade applies every ancestor of target (through parents and
// dependencies) that is not applied yet, parents and dependencies first.
// Downgrade undoes every applied revision that descends from target
// (through children or dependents), children first; other branches are
// left alone, and an empty target (base) undoes everything. A downgrade
// target that is not applied is [ErrNotApplied]; an upgrade target that is
// already applied gives no steps when it is a current head, and
// [ErrTargetBehind] when it is behind one (as Alembic refuses it). A
// current that [Graph.CheckRows] refuses is refused here too.
func (g *Graph) Plan(dir Direction, current, target []string) ([]Step, error) {
	if err := g.CheckRows(current); err != nil {
		return nil, err
	}
	cur := g.positions(current)
	tgt, err := g.known(target, "unknown target revision %q")
	if err != nil {
		return nil, err
	}
	applied := g.closure(cur, true)
	rows := g.headsOf(applied)
	var steps []Step
	switch dir {
	case Up:
		want := g.closure(tgt, true)
		var behind []string
		for _, p := range tgt {
			if applied[p] && !slices.Contains(rows, p) {
				behind = append(behind, g.ids[p])
			}
		}
		if len(behind) > 0 {
			return nil, fmt.Errorf("%w: %s is applied and behind %s; run downgrade to go back", ErrTargetBehind, strings.Join(behind, ", "), versionText(g.idsOf(rows)))
		}
		for p := range g.revs {
			if !want[p] || applied[p] {
				continue
			}
			before := rows
			rows = slices.DeleteFunc(slices.Clone(rows), func(r int) bool { return slices.Contains(g.parents[p], r) })
			rows = insertSorted(rows, p)
			applied[p] = true
			steps = append(steps, Step{Revision: g.revs[p], Direction: Up, Before: g.idsOf(before), After: g.idsOf(rows)})
		}
	case Down:
		var missing []string
		for _, p := range tgt {
			if !applied[p] {
				missing = append(missing, g.ids[p])
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("%w: %s is not applied (the database is at %s); nothing to downgrade to", ErrNotApplied, strings.Join(missing, ", "), versionText(g.idsOf(rows)))
		}
		drop := g.closure(tgt, false)
		for _, p := range tgt {
			drop[p] = false
		}
		if len(tgt) == 0 {
			drop = slices.Clone(applied)
		}
		for p := len(g.revs) - 1; p >= 0; p-- {
			if !drop[p] || !applied[p] {
				continue
			}
			before := rows
			applied[p] = false
			rows = slices.DeleteFunc(slices.Clone(rows), func(r int) bool { return r == p })
			for _, q := range g.parents[p] {
				if applied[q] && !slices.ContainsFunc(g.children[q], func(c int) bool { return applied[c] }) {
					rows = insertSorted(rows, q)
				}
			}
			steps = append(steps, Step{Revision: g.revs[p], Direction: Down, Before: g.idsOf(before), After: g.idsOf(rows)})
		}
	default:
		return nil, fmt.Errorf("migrate: plan: invalid direction %d", int(dir))
	}
	return steps, nil
}

// Normalize returns what a version table holding exactly ids and their
// ancestors would hold: the given revisions minus any that another one
// revises, directly or not, in topological order.
func (g *Graph) Normalize(ids []string) ([]string, error) {
	ps, err := g.known(ids, "unknown revision %q")
	if err != nil {
		return nil, err
	}
	// A revision stays unless another given revision descends from it
	// through parent links.
	var out []int
	for _, p := range ps {
		keep := true
		for _, q := range ps {
			if q != p && g.branchOf(p)[q] {
				keep = false
				break
			}
		}
		if keep && !slices.Contains(out, p) {
			out = insertSorted(out, p)
		}
	}
	return g.idsOf(out), nil
}

// known maps ids to positions, failing on an unknown one with msg.
func (g *Graph) known(ids []string, msg string) ([]int, error) {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		p, ok := g.index[id]
		if !ok {
			return nil, fmt.Errorf("%w: "+msg, ErrUnknownRevision, id)
		}
		out = append(out, p)
	}
	return out, nil
}

// insertSorted adds p to the sorted list xs unless present.
func insertSorted(xs []int, p int) []int {
	i, found := slices.BinarySearch(xs, p)
	if found {
		return xs
	}
	return slices.Insert(xs, i, p)
}
