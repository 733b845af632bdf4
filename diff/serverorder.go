package diff

import (
	"slices"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// orderUnkept is what [IndexOrderUnkept] and [CheckOrderUnkept] share: it
// replays list on a copy of current (settle, when not nil, runs after each
// op that applies, given the schema before and after it, to put the
// changed tables' items where the server puts them) and returns the tables of target, present in current too (same
// schema and name, or renamed by list), whose items, as names gives them
// and among those on both sides, come in another order than target's.
// The result is in table order.
func orderUnkept(current, target model.Schema, list []ops.Op, settle func(before, after *model.Schema), names func(t *model.Table) []string) []*model.Table {
	after := current.Clone()
	for _, op := range list {
		var before model.Schema
		if settle != nil {
			before = after.Clone()
		}
		if ops.Apply(&after, op) != nil {
			// An op the model cannot follow (it names an object current
			// lacks) changes nothing here; the others still count.
			continue
		}
		if settle != nil {
			settle(&before, &after)
		}
	}
	var out []*model.Table
	for i := range target.Tables {
		tgt := &target.Tables[i]
		if _, ok := currentOf(current, tgt, list); !ok {
			continue
		}
		k := slices.IndexFunc(after.Tables, func(t model.Table) bool { return t.Schema == tgt.Schema && t.Name == tgt.Name })
		if k < 0 {
			continue
		}
		got, want := shared(names(&after.Tables[k]), names(tgt))
		if !slices.Equal(got, want) {
			out = append(out, tgt)
		}
	}
	slices.SortFunc(out, func(a, b *model.Table) int { return compareKeys(keyOf(a), keyOf(b)) })
	return out
}

// shared returns the names of a that b holds too, and those of b that a
// holds, each in its list's order.
func shared(a, b []string) (inA, inB []string) {
	inA = slices.DeleteFunc(slices.Clone(a), func(n string) bool { return !slices.Contains(b, n) })
	inB = slices.DeleteFunc(slices.Clone(b), func(n string) bool { return !slices.Contains(a, n) })
	return inA, inB
}
