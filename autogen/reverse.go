package autogen

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// downgradeOf returns the ops that undo upgrade, which the differ computed
// from current: the reverse of each op, last op first. Values added to an
// enum type (which PostgreSQL cannot drop) are undone by the rebuild the
// differ writes for a removed value: the type renamed aside, created again
// with current's values, its columns converted, the old type dropped. An
// op with no reverse gets an [ops.Irreversible] in its place, which a
// rewriter or script hook may replace and the runner refuses to run.
func downgradeOf(upgrade []ops.Op, current model.Schema, d dialect.Dialect) ([]ops.Op, error) {
	// first[e] is the index of the first AddEnumValue of enum e: the
	// rebuild takes its place in the downgrade, undoing every value added.
	type enumKey struct{ schema, name string }
	first := map[enumKey]int{}
	var added []enumKey
	for i, op := range upgrade {
		if a, ok := op.(ops.AddEnumValue); ok {
			k := enumKey{a.Schema, a.Enum}
			if _, seen := first[k]; !seen {
				first[k] = i
				added = append(added, k)
			}
		}
	}
	rebuilds := map[int][]ops.Op{}
	for _, k := range added {
		list, err := enumRemoval(upgrade, current, model.Enum{Schema: k.schema, Name: k.name}, d)
		if err != nil {
			return nil, err
		}
		rebuilds[first[k]] = list
	}
	out := make([]ops.Op, 0, len(upgrade))
	for i := len(upgrade) - 1; i >= 0; i-- {
		op := upgrade[i]
		if _, ok := op.(ops.AddEnumValue); ok {
			out = append(out, rebuilds[i]...) // nil but at the first value
			continue
		}
		if m, ok := op.(interface{ ReverseOps() []ops.Op }); ok {
			if rs := m.ReverseOps(); len(rs) > 0 {
				out = append(out, rs...)
				continue
			}
		}
		if r, ok := op.Reverse(); ok {
			out = append(out, r)
			continue
		}
		out = append(out, ops.Custom{Op: ops.Irreversible{What: ops.Describe(op), Of: op}})
	}
	return out, nil
}

// enumRemoval returns the differ's ops that take enum k from its values
// after upgrade's AddEnumValue ops back to its values in current.
func enumRemoval(upgrade []ops.Op, current model.Schema, k model.Enum, d dialect.Dialect) ([]ops.Op, error) {
	was, ok := current.Enum(k.Schema, k.Name)
	if !ok {
		return nil, fmt.Errorf("autogen: enum %s gets values but is not in the database", qualify(k.Schema, k.Name))
	}
	values := slices.Clone(was.Values)
	for _, op := range upgrade {
		a, ok := op.(ops.AddEnumValue)
		if !ok || a.Schema != k.Schema || a.Enum != k.Name {
			continue
		}
		values = insertValue(values, a)
	}
	after := current
	after.Enums = slices.Clone(current.Enums)
	for i, e := range after.Enums {
		if e.Schema == was.Schema && e.Name == was.Name {
			after.Enums[i].Values = values
		}
	}
	list, err := diff.Compare(after, current, d, diff.Options{})
	if err != nil {
		return nil, fmt.Errorf("autogen: the downgrade of the values added to enum %s: %w", qualify(k.Schema, k.Name), err)
	}
	return list, nil
}

// insertValue places a's value in values as PostgreSQL does: before
// a.Before, after a.After, else at the end.
func insertValue(values []string, a ops.AddEnumValue) []string {
	at := len(values)
	switch {
	case a.Before != "":
		if i := slices.Index(values, a.Before); i >= 0 {
			at = i
		}
	case a.After != "":
		if i := slices.Index(values, a.After); i >= 0 {
			at = i + 1
		}
	}
	return slices.Insert(values, at, a.Value)
}

// irreversibleComments adds to comments (by op index) a line above each
// [ops.Irreversible] left in the downgrade list.
func irreversibleComments(list []ops.Op, comments map[int][]string) map[int][]string {
	for i, op := range list {
		ir, ok := ops.IrreversibleOf(op)
		if !ok {
			continue
		}
		if comments == nil {
			comments = map[int][]string{}
		}
		comments[i] = append(comments[i], "retort: irreversible: "+ir.What+" has no reverse; this downgrade fails until you write the ops that undo it here")
	}
	return comments
}
