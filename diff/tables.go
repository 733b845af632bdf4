package diff

import (
	"container/heap"
	"slices"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// createTables returns, for the new tables (sorted by key), the CreateTable
// and CreateIndex ops in dependency order (each table's options that name
// one of its indexes set after them, see splitIndexOptions) followed by
// the AddForeignKey ops of reference cycles (step 3), and the foreign keys
// to add in step 6 because the key they reference on an existing table
// only appears in step 5.
func (c *comparer) createTables(added []*model.Table) (out []ops.Op, deferred []tableOps) {
	if len(added) == 0 {
		return nil, nil
	}
	order, scc, pos := orderTables(added)
	var cycle []ops.Op
	for _, i := range order {
		t := added[i]
		ct := t.Clone()
		ct.RenamedFrom = "" // a hint, followed or not; never part of the op
		ct.Indexes = nil
		ct.ForeignKeys = ct.ForeignKeys[:0]
		var late []ops.Op
		for _, fk := range sortedForeignKeys(t) {
			ref := refKey(t, &fk)
			if j, ok := pos[ref]; ok && j != i && scc[j] == scc[i] {
				cycle = append(cycle, ops.AddForeignKey{Schema: t.Schema, Table: t.Name, ForeignKey: fk})
				continue
			}
			if !c.keyStable(ref, fk.RefColumns) {
				late = append(late, ops.AddForeignKey{Schema: t.Schema, Table: t.Name, ForeignKey: fk})
				continue
			}
			ct.ForeignKeys = append(ct.ForeignKeys, fk)
		}
		if len(ct.ForeignKeys) == 0 {
			ct.ForeignKeys = nil
		}
		var named []model.TableOption
		ct.Options, named = c.splitIndexOptions(ct.Options, indexNames(t.Indexes))
		sortUniques(ct.Uniques)
		sortExcludes(ct.Excludes)
		ixs := t.Indexes
		if !c.keepsOrder() {
			sortChecks(ct.Checks)
			ixs = sortedIndexes(ixs)
		}
		out = append(out, ops.CreateTable{Table: ct})
		for _, ix := range ixs {
			out = append(out, ops.CreateIndex{Schema: t.Schema, Table: t.Name, Index: ix})
		}
		if named != nil {
			out = append(out, c.setIndexOptions(t, named))
		}
		if len(late) > 0 {
			deferred = append(deferred, tableOps{keyOf(t), late})
		}
	}
	return append(out, cycle...), deferred
}

// dropTables returns, for the removed tables (sorted by key), the
// DropForeignKey ops that must run early (step 4) and the DropIndex and
// DropTable ops of step 7, referencing tables first (each table's options
// that name one of its indexes let go before them).
func (c *comparer) dropTables(removed []*model.Table) (early []tableOps, out []ops.Op) {
	if len(removed) == 0 {
		return nil, nil
	}
	order, scc, pos := orderTables(removed)
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		t := removed[i]
		dt := t.Clone()
		dt.Indexes = nil
		dt.ForeignKeys = dt.ForeignKeys[:0]
		var first []ops.Op
		for _, fk := range sortedForeignKeys(t) {
			ref := refKey(t, &fk)
			j, isRemoved := pos[ref]
			if (isRemoved && j != i && scc[j] == scc[i]) || (!isRemoved && !c.keyStable(ref, fk.RefColumns)) {
				first = append(first, ops.DropForeignKey{Schema: t.Schema, Table: t.Name, ForeignKey: fk})
				continue
			}
			dt.ForeignKeys = append(dt.ForeignKeys, fk)
		}
		if len(dt.ForeignKeys) == 0 {
			dt.ForeignKeys = nil
		}
		sortUniques(dt.Uniques)
		sortChecks(dt.Checks)
		sortExcludes(dt.Excludes)
		if len(first) > 0 {
			early = append(early, tableOps{keyOf(t), first})
		}
		var named []model.TableOption
		dt.Options, named = c.splitIndexOptions(dt.Options, indexNames(t.Indexes))
		if named != nil {
			out = append(out, c.releaseIndexOptions(t, named))
		}
		for _, ix := range sortedIndexes(t.Indexes) {
			out = append(out, ops.DropIndex{Schema: t.Schema, Table: t.Name, Index: ix})
		}
		out = append(out, ops.DropTable{Table: dt})
	}
	return early, out
}

// keyStable reports whether the key made of cols on the referenced table ref
// exists now and is left alone by step 5 (no column of it changes type), so
// a foreign key to it can be created with its table (or dropped with it). A table that is not on both
// sides has no step 5, so its keys are stable; so are columns that are no
// key on either side and whose indexes stay as they are (a foreign key to
// columns that are not unique, which SQLite and MySQL accept).
func (c *comparer) keyStable(ref tableKey, cols []string) bool {
	cur, ok1 := c.cur[ref]
	tgt, ok2 := c.tgt[ref]
	if !ok1 || !ok2 {
		return true
	}
	if c.typeChanges(cur, tgt, cols) {
		return false
	}
	if sameSet(cols, cur.PrimaryKey.Columns) && slices.Equal(cur.PrimaryKey.Columns, tgt.PrimaryKey.Columns) {
		return true
	}
	for _, u := range cur.Uniques {
		if !sameSet(cols, u.Columns) {
			continue
		}
		for _, v := range tgt.Uniques {
			if slices.Equal(u.Columns, v.Columns) {
				return true
			}
		}
	}
	for k := range cur.Indexes {
		ix := &cur.Indexes[k]
		if !ix.Unique || ix.Where != "" || !sameSet(cols, plainColumns(ix)) {
			continue
		}
		for m := range tgt.Indexes {
			if tgt.Indexes[m].Name == ix.Name && c.sameIndex(ix, &tgt.Indexes[m]) {
				return true
			}
		}
	}
	// A foreign key may reference columns that are no key at all (SQLite
	// and MySQL accept it; GORM writes such keys). When neither side makes
	// them a key and no index on them changes, step 5 leaves them alone.
	if hasKey(cur, cols) || hasKey(tgt, cols) {
		return false
	}
	for k := range cur.Indexes {
		ix := &cur.Indexes[k]
		if !sameSet(cols, plainColumns(ix)) {
			continue
		}
		m := slices.IndexFunc(tgt.Indexes, func(t model.Index) bool { return t.Name == ix.Name })
		if m < 0 || !c.sameIndex(ix, &tgt.Indexes[m]) {
			return false
		}
	}
	// An index step 5 adds that leads with cols is one the foreign key may
	// need (MySQL wants the referenced columns first in some index), so
	// the key waits for it.
	for m := range tgt.Indexes {
		ix := &tgt.Indexes[m]
		lead := plainColumns(ix)
		if len(lead) < len(cols) || !sameSet(cols, lead[:len(cols)]) {
			continue
		}
		k := slices.IndexFunc(cur.Indexes, func(t model.Index) bool { return t.Name == ix.Name })
		if k < 0 || !c.sameIndex(&cur.Indexes[k], ix) {
			return false
		}
	}
	return true
}

// hasKey reports whether cols are t's primary key, a unique constraint or
// a unique (non-partial) index of t.
func hasKey(t *model.Table, cols []string) bool {
	if sameSet(cols, t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if sameSet(cols, u.Columns) {
			return true
		}
	}
	for k := range t.Indexes {
		ix := &t.Indexes[k]
		if ix.Unique && ix.Where == "" && sameSet(cols, plainColumns(ix)) {
			return true
		}
	}
	return false
}

// typeChanges reports whether step 5 changes the type of one of cols, a
// column list of a table on both sides. MySQL refuses to change the type of
// a column a foreign key uses, so such foreign keys are dropped first and
// added back after.
func (c *comparer) typeChanges(cur, tgt *model.Table, cols []string) bool {
	if c.opts.IgnoreTypes {
		return false
	}
	ctx := CompareContext{Schema: tgt.Schema, Table: tgt.Name, Dialect: c.d}
	for _, name := range cols {
		from, ok1 := cur.Column(name)
		to, ok2 := tgt.Column(name)
		if !ok1 || !ok2 {
			continue
		}
		if changed, _ := c.typeChanged(ctx, &from, &to); changed {
			return true
		}
	}
	return false
}

// plainColumns returns the index's column names, or nil when a part is an
// expression.
func plainColumns(ix *model.Index) []string {
	cols := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		if p.Column == "" {
			return nil
		}
		cols = append(cols, p.Column)
	}
	return cols
}

// sameSet reports whether a and b hold the same names, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// orderTables orders tables (sorted by key) so that each comes after the
// tables it references, with name order among independent ones. scc[i]
// numbers the strongly connected component of table i (tables in one
// reference cycle share a number); pos maps a table's key to its index.
func orderTables(ts []*model.Table) (order, scc []int, pos map[tableKey]int) {
	n := len(ts)
	pos = make(map[tableKey]int, n)
	for i, t := range ts {
		pos[keyOf(t)] = i
	}
	// deps[i]: the tables i references, self-references left out.
	deps := make([][]int, n)
	for i, t := range ts {
		for k := range t.ForeignKeys {
			if j, ok := pos[refKey(t, &t.ForeignKeys[k])]; ok && j != i {
				deps[i] = append(deps[i], j)
			}
		}
	}
	scc, nscc := tarjan(deps)

	// Condense: a component waits for every component it references.
	members := make([][]int, nscc)
	for i := range n {
		members[scc[i]] = append(members[scc[i]], i) // in key order
	}
	waits := make([]int, nscc)
	dependents := make([][]int, nscc)
	for x := range nscc {
		var ys []int
		for _, i := range members[x] {
			for _, j := range deps[i] {
				if scc[j] != x {
					ys = append(ys, scc[j])
				}
			}
		}
		slices.Sort(ys)
		ys = slices.Compact(ys)
		waits[x] = len(ys)
		for _, y := range ys {
			dependents[y] = append(dependents[y], x)
		}
	}
	// Kahn's algorithm; the ready component with the smallest first table
	// goes next.
	ready := &componentHeap{first: make([]int, nscc)}
	for x := range nscc {
		ready.first[x] = members[x][0]
		if waits[x] == 0 {
			ready.ids = append(ready.ids, x)
		}
	}
	heap.Init(ready)
	order = make([]int, 0, n)
	for ready.Len() > 0 {
		x := heap.Pop(ready).(int)
		order = append(order, members[x]...)
		for _, y := range dependents[x] {
			if waits[y]--; waits[y] == 0 {
				heap.Push(ready, y)
			}
		}
	}
	return order, scc, pos
}

// componentHeap is a min-heap of component ids by their first table.
type componentHeap struct {
	ids   []int
	first []int
}

func (h *componentHeap) Len() int           { return len(h.ids) }
func (h *componentHeap) Less(a, b int) bool { return h.first[h.ids[a]] < h.first[h.ids[b]] }
func (h *componentHeap) Swap(a, b int)      { h.ids[a], h.ids[b] = h.ids[b], h.ids[a] }
func (h *componentHeap) Push(x any)         { h.ids = append(h.ids, x.(int)) }
func (h *componentHeap) Pop() any {
	x := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return x
}

// tarjan numbers the strongly connected components of the graph given as
// adjacency lists, iteratively so that long reference chains cannot exhaust
// the stack.
func tarjan(adj [][]int) (comp []int, ncomp int) {
	n := len(adj)
	const unvisited = -1
	idx := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp = make([]int, n)
	for i := range idx {
		idx[i] = unvisited
	}
	var stack []int
	type frame struct{ v, next int }
	var calls []frame
	counter := 0
	for root := range n {
		if idx[root] != unvisited {
			continue
		}
		calls = append(calls, frame{root, 0})
		idx[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.next < len(adj[v]) {
				w := adj[v][f.next]
				f.next++
				switch {
				case idx[w] == unvisited:
					idx[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{w, 0})
				case onStack[w]:
					low[v] = min(low[v], idx[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == idx[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
		}
	}
	return comp, ncomp
}
