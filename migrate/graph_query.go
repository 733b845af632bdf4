package migrate

import "slices"

// Len returns the number of revisions.
func (g *Graph) Len() int { return len(g.revs) }

// Revision returns the revision with the given full id.
func (g *Graph) Revision(id string) (Revision, bool) {
	p, ok := g.index[id]
	if !ok {
		return Revision{}, false
	}
	return g.revs[p], true
}

// Revisions returns every revision in topological order: parents and
// dependencies before their children, ties broken by id.
func (g *Graph) Revisions() []Revision { return slices.Clone(g.revs) }

// History returns every revision newest first (the reverse of
// [Graph.Revisions]), as `retort history` lists them.
func (g *Graph) History() []Revision {
	out := slices.Clone(g.revs)
	slices.Reverse(out)
	return out
}

// Heads returns the ids of the revisions no other revision revises.
func (g *Graph) Heads() []string { return g.idsOf(g.heads) }

// Bases returns the ids of the revisions that revise nothing.
func (g *Graph) Bases() []string { return g.idsOf(g.bases) }

// Children returns the ids of the revisions that revise id (not those that
// only depend on it).
func (g *Graph) Children(id string) []string {
	p, ok := g.index[id]
	if !ok {
		return nil
	}
	return g.idsOf(g.children[p])
}

// BranchPoints returns the ids of revisions revised by more than one
// revision, where the history branches.
func (g *Graph) BranchPoints() []string {
	var out []string
	for p, cs := range g.children {
		if len(cs) > 1 {
			out = append(out, g.ids[p])
		}
	}
	return out
}

// Label returns the id of the revision that declares a branch label.
func (g *Graph) Label(label string) (string, bool) {
	p, ok := g.labels[label]
	if !ok {
		return "", false
	}
	return g.ids[p], true
}

// Ancestors returns the given revisions and every revision they revise or
// depend on, directly or not, in topological order. Unknown ids are ignored.
func (g *Graph) Ancestors(ids ...string) []string {
	return g.idsOf(g.members(g.closure(g.positions(ids), true)))
}

// Descendants returns the given revisions and every revision that revises
// or depends on them, directly or not, in topological order. Unknown ids
// are ignored.
func (g *Graph) Descendants(ids ...string) []string {
	return g.idsOf(g.members(g.closure(g.positions(ids), false)))
}

// positions maps known ids to positions.
func (g *Graph) positions(ids []string) []int {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if p, ok := g.index[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

func (g *Graph) idsOf(ps []int) []string {
	if len(ps) == 0 {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = g.ids[p]
	}
	return out
}

// members lists the marked positions in order.
func (g *Graph) members(mark []bool) []int {
	var out []int
	for p, m := range mark {
		if m {
			out = append(out, p)
		}
	}
	return out
}

// closure marks the start positions and everything reachable from them:
// up through parents and dependencies, or down through children and
// dependents.
func (g *Graph) closure(start []int, up bool) []bool {
	mark := make([]bool, len(g.revs))
	if up {
		// Positions are topological, so one backward sweep suffices.
		hi := -1
		for _, p := range start {
			mark[p] = true
			hi = max(hi, p)
		}
		for p := hi; p >= 0; p-- {
			if !mark[p] {
				continue
			}
			for _, q := range g.parents[p] {
				mark[q] = true
			}
			for _, q := range g.deps[p] {
				mark[q] = true
			}
		}
		return mark
	}
	lo := len(g.revs)
	for _, p := range start {
		mark[p] = true
		lo = min(lo, p)
	}
	for p := lo; p < len(g.revs); p++ {
		if mark[p] {
			continue
		}
		for _, q := range g.parents[p] {
			if mark[q] {
				mark[p] = true
				break
			}
		}
		if !mark[p] {
			for _, q := range g.deps[p] {
				if mark[q] {
					mark[p] = true
					break
				}
			}
		}
	}
	return mark
}

// headsOf returns the members of an applied set that no applied member
// revises: what the version table holds for that set.
func (g *Graph) headsOf(mark []bool) []int {
	var out []int
	for p, m := range mark {
		if !m {
			continue
		}
		head := true
		for _, c := range g.children[p] {
			if mark[c] {
				head = false
				break
			}
		}
		if head {
			out = append(out, p)
		}
	}
	return out
}

// HistoryRange returns the revisions between two targets, newest first, as
// `retort history -r FROM:TO` lists them: TO and its ancestors that are
// FROM or descend from it. An empty from means base (everything up to to);
// an empty to means heads. Targets resolve as [Graph.Resolve] reads them,
// relative ones against current.
func (g *Graph) HistoryRange(from, to string, current []string) ([]Revision, error) {
	if from == "" {
		from = "base"
	}
	if to == "" {
		to = "heads"
	}
	lo, err := g.resolve(from, current)
	if err != nil {
		return nil, err
	}
	hi, err := g.resolve(to, current)
	if err != nil {
		return nil, err
	}
	in := g.closure(hi, true)
	if len(lo) > 0 {
		below := g.closure(lo, false)
		for p := range in {
			in[p] = in[p] && below[p]
		}
	}
	var out []Revision
	for p := len(g.revs) - 1; p >= 0; p-- {
		if in[p] {
			out = append(out, g.revs[p])
		}
	}
	return out, nil
}
