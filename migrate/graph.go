package migrate

import (
	"fmt"
	"slices"
	"strings"
)

// Graph is the revision DAG of an [Env]: each revision points at its
// parents (Revises, or Merges for a merge revision) and at the revisions it
// depends on across branches (DependsOn). A Graph is immutable and safe for
// concurrent use.
//
// Revisions are held in one topological order: parents and dependencies
// before their children, ties broken by id. Every list a Graph returns is in
// that order (History in its reverse), so output is deterministic.
type Graph struct {
	revs     []Revision     // in topological order
	index    map[string]int // id -> position in revs
	labels   map[string]int // branch label -> position in revs
	parents  [][]int        // Parents() as positions
	deps     [][]int        // DependsOn as positions
	children [][]int        // revisions whose Parents() include this one
	ids      []string       // ids in topological order
	sorted   []string       // ids sorted, for prefix search
	heads    []int          // revisions with no children
	bases    []int          // revisions with no parents
}

// maxIDLen is the width of the version table's version_num column.
const maxIDLen = 32

// reserved are target words a revision id may not be.
var reserved = []string{"head", "heads", "base", "current"}

// Graph loads the Env's revisions into a [Graph], checking them: an empty or
// unusable id, two revisions with one id or one branch label, a parent or
// dependency that does not exist, and a cycle are each a [*GraphError]
// naming the revisions.
func (e *Env) Graph() (*Graph, error) {
	return NewGraph(e.Revisions())
}

// NewGraph builds a [Graph] from revisions in any order; see [Env.Graph].
func NewGraph(revisions []Revision) (*Graph, error) {
	if len(revisions) == 0 {
		return nil, &GraphError{Detail: "the migrations package registers no revision; create one with `retort revision -m MSG`", Err: ErrNoRevisions}
	}
	index := make(map[string]int, len(revisions))
	for i, r := range revisions {
		if err := checkID(r.ID); err != nil {
			return nil, err
		}
		if j, dup := index[r.ID]; dup {
			return nil, &GraphError{IDs: []string{r.ID}, Detail: fmt.Sprintf("revision %q is declared twice (%q and %q)", r.ID, revisions[j].Message, r.Message), Err: ErrDuplicateRevision}
		}
		index[r.ID] = i
	}
	n := len(revisions)
	parents := make([][]int, n)
	deps := make([][]int, n)
	for i, r := range revisions {
		if r.Revises != "" && len(r.Merges) > 0 {
			return nil, &GraphError{IDs: []string{r.ID}, Detail: fmt.Sprintf("revision %q sets both Revises and Merges; a merge revision lists all its parents in Merges", r.ID), Err: ErrInvalidRevision}
		}
		var err error
		if parents[i], err = resolveRefs(index, r.ID, r.Parents(), "revises"); err != nil {
			return nil, err
		}
		if deps[i], err = resolveRefs(index, r.ID, r.DependsOn, "depends on"); err != nil {
			return nil, err
		}
	}
	order, err := topoOrder(revisions, parents, deps)
	if err != nil {
		return nil, err
	}
	// Renumber everything into topological positions.
	pos := make([]int, n) // original index -> position
	for p, i := range order {
		pos[i] = p
	}
	g := &Graph{
		revs:     make([]Revision, n),
		index:    make(map[string]int, n),
		labels:   map[string]int{},
		parents:  make([][]int, n),
		deps:     make([][]int, n),
		children: make([][]int, n),
		ids:      make([]string, n),
	}
	for p, i := range order {
		r := revisions[i]
		g.revs[p] = r
		g.ids[p] = r.ID
		g.index[r.ID] = p
		g.parents[p] = remap(parents[i], pos)
		g.deps[p] = remap(deps[i], pos)
	}
	for p := range g.revs {
		for _, q := range g.parents[p] {
			g.children[q] = append(g.children[q], p)
		}
		if len(g.parents[p]) == 0 {
			g.bases = append(g.bases, p)
		}
		for _, l := range g.revs[p].BranchLabels {
			if l == "" || strings.ContainsAny(l, "@:+ \t") {
				return nil, &GraphError{IDs: []string{g.ids[p]}, Detail: fmt.Sprintf("revision %q has branch label %q; a label is a non-empty word without @, :, + or spaces", g.ids[p], l), Err: ErrInvalidRevision}
			}
			if q, dup := g.labels[l]; dup {
				return nil, &GraphError{IDs: []string{g.ids[q], g.ids[p]}, Detail: fmt.Sprintf("branch label %q is declared by revisions %q and %q", l, g.ids[q], g.ids[p]), Err: ErrDuplicateRevision}
			}
			if _, clash := g.index[l]; clash {
				return nil, &GraphError{IDs: []string{g.ids[p]}, Detail: fmt.Sprintf("branch label %q of revision %q is also a revision id", l, g.ids[p]), Err: ErrDuplicateRevision}
			}
			g.labels[l] = p
		}
	}
	for p := range g.revs {
		if len(g.children[p]) == 0 {
			g.heads = append(g.heads, p)
		}
	}
	g.sorted = slices.Clone(g.ids)
	slices.Sort(g.sorted)
	return g, nil
}

// checkID rejects ids a version table or a target cannot hold.
func checkID(id string) error {
	bad := func(why string) error {
		return &GraphError{IDs: []string{id}, Detail: fmt.Sprintf("revision id %q %s", id, why), Err: ErrInvalidRevision}
	}
	switch {
	case id == "":
		return &GraphError{Detail: "a revision has an empty ID", Err: ErrInvalidRevision}
	case len(id) > maxIDLen:
		return bad(fmt.Sprintf("is longer than %d characters", maxIDLen))
	case slices.Contains(reserved, strings.ToLower(id)):
		return bad("is a reserved target word")
	case id[0] == '-':
		return bad("starts with '-'")
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return bad(fmt.Sprintf("contains %q; use letters, digits, '_', '-' and '.'", c))
		}
	}
	return nil
}

// resolveRefs turns referenced ids into indexes, failing on a missing one.
func resolveRefs(index map[string]int, id string, refs []string, verb string) ([]int, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	out := make([]int, 0, len(refs))
	for _, ref := range refs {
		j, ok := index[ref]
		if !ok {
			return nil, &GraphError{IDs: []string{id}, Detail: fmt.Sprintf("revision %q %s %q, which does not exist", id, verb, ref), Err: ErrMissingParent}
		}
		if ref == id {
			return nil, &GraphError{IDs: []string{id}, Detail: fmt.Sprintf("revision %q %s itself", id, verb), Err: ErrCycle}
		}
		if !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	return out, nil
}

func remap(xs []int, pos []int) []int {
	if len(xs) == 0 {
		return nil
	}
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = pos[x]
	}
	slices.Sort(out)
	return out
}

// topoOrder orders revisions parents and dependencies first, ties broken by
// id (Kahn's algorithm over a sorted ready list). A cycle is reported with
// the revisions on it.
func topoOrder(revs []Revision, parents, deps [][]int) ([]int, error) {
	n := len(revs)
	indeg := make([]int, n)
	next := make([][]int, n)
	for i := range revs {
		for _, p := range parents[i] {
			next[p] = append(next[p], i)
			indeg[i]++
		}
		for _, d := range deps[i] {
			if !slices.Contains(parents[i], d) {
				next[d] = append(next[d], i)
				indeg[i]++
			}
		}
	}
	ready := &idHeap{revs: revs}
	for i := range revs {
		if indeg[i] == 0 {
			ready.push(i)
		}
	}
	order := make([]int, 0, n)
	for ready.len() > 0 {
		i := ready.pop()
		order = append(order, i)
		for _, c := range next[i] {
			indeg[c]--
			if indeg[c] == 0 {
				ready.push(c)
			}
		}
	}
	if len(order) < n {
		return nil, cycleError(revs, parents, deps, indeg)
	}
	return order, nil
}

// cycleError finds one cycle among the revisions left with in-edges and
// names it.
func cycleError(revs []Revision, parents, deps [][]int, indeg []int) error {
	// Walk backwards along edges from a stuck revision until one repeats.
	start := -1
	for i := range revs {
		if indeg[i] > 0 && (start < 0 || revs[i].ID < revs[start].ID) {
			start = i
		}
	}
	seen := map[int]int{}
	var path []int
	cur := start
	for {
		if at, ok := seen[cur]; ok {
			path = path[at:]
			break
		}
		seen[cur] = len(path)
		path = append(path, cur)
		nextHop := -1
		for _, p := range slices.Concat(parents[cur], deps[cur]) {
			if indeg[p] > 0 && (nextHop < 0 || revs[p].ID < revs[nextHop].ID) {
				nextHop = p
			}
		}
		cur = nextHop
	}
	// path lists child -> parent; print it parent first.
	slices.Reverse(path)
	ids := make([]string, len(path))
	for i, p := range path {
		ids[i] = revs[p].ID
	}
	// Start the loop at its smallest id.
	m := slices.Index(ids, slices.Min(ids))
	ids = append(ids[m:], ids[:m]...)
	loop := append(slices.Clone(ids), ids[0])
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	return &GraphError{IDs: sorted, Detail: "revisions form a cycle: " + strings.Join(loop, " -> "), Err: ErrCycle}
}

// idHeap is a min-heap of revision indexes ordered by id.
type idHeap struct {
	revs []Revision
	xs   []int
}

func (h *idHeap) len() int { return len(h.xs) }

func (h *idHeap) less(a, b int) bool { return h.revs[h.xs[a]].ID < h.revs[h.xs[b]].ID }

func (h *idHeap) push(i int) {
	h.xs = append(h.xs, i)
	for c := len(h.xs) - 1; c > 0; {
		p := (c - 1) / 2
		if !h.less(c, p) {
			break
		}
		h.xs[c], h.xs[p] = h.xs[p], h.xs[c]
		c = p
	}
}

func (h *idHeap) pop() int {
	top := h.xs[0]
	last := len(h.xs) - 1
	h.xs[0] = h.xs[last]
	h.xs = h.xs[:last]
	for p := 0; ; {
		l, r, m := 2*p+1, 2*p+2, p
		if l < len(h.xs) && h.less(l, m) {
			m = l
		}
		if r < len(h.xs) && h.less(r, m) {
			m = r
		}
		if m == p {
			break
		}
		h.xs[p], h.xs[m] = h.xs[m], h.xs[p]
		p = m
	}
	return top
}
