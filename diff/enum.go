package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// enumOps are the ops of steps 1 and 8.
type enumOps struct {
	creates, adds, drops []ops.Op
}

// compareEnums compares enum types by schema and name. tgtTables are the
// sorted target tables, to tell which enums target columns still use.
func (c *comparer) compareEnums(cur, tgt []model.Enum, tgtTables []*model.Table) (enumOps, error) {
	var out enumOps
	if len(cur) == 0 && len(tgt) == 0 {
		return out, nil
	}
	ce, err := sortEnums(cur, "current")
	if err != nil {
		return out, err
	}
	te, err := sortEnums(tgt, "target")
	if err != nil {
		return out, err
	}
	var removed []model.Enum
	i, j := 0, 0
	for i < len(ce) || j < len(te) {
		switch {
		case j == len(te) || (i < len(ce) && compareEnum(ce[i], te[j]) < 0):
			removed = append(removed, ce[i])
			i++
		case i == len(ce) || compareEnum(ce[i], te[j]) > 0:
			out.creates = append(out.creates, ops.CreateEnum{Enum: te[j]})
			j++
		default:
			adds, err := addedValues(ce[i], te[j])
			if err != nil {
				return out, err
			}
			out.adds = append(out.adds, adds...)
			if ce[i].Comment != te[j].Comment {
				out.adds = append(out.adds, ops.SetEnumComment{Schema: te[j].Schema, Enum: te[j].Name, From: ce[i].Comment, To: te[j].Comment})
			}
			i++
			j++
		}
	}
	if len(removed) == 0 {
		return out, nil
	}
	used := map[string]bool{}
	for _, t := range tgtTables {
		for k := range t.Columns {
			if e := t.Columns[k].Type.Enum; e != "" {
				used[e] = true
			}
		}
	}
	for _, e := range removed {
		if used[e.Name] || used[e.Schema+"."+e.Name] {
			continue
		}
		out.drops = append(out.drops, ops.DropEnum{Enum: e})
	}
	return out, nil
}

// addedValues returns the AddEnumValue ops that turn from's values into
// to's, which keep all of from's in order (rebuildEnums took the others).
// Values before the first kept one are placed before their successor; the
// others after their predecessor.
func addedValues(from, to model.Enum) ([]ops.Op, error) {
	kept := make([]bool, len(to.Values))
	k := 0
	for i, v := range to.Values {
		if k < len(from.Values) && v == from.Values[k] {
			kept[i] = true
			k++
		}
	}
	if k != len(from.Values) {
		return nil, fmt.Errorf("diff: enum %s: (%s) -> (%s) is not an append", qualified(to.Schema, to.Name), strings.Join(from.Values, ", "), strings.Join(to.Values, ", "))
	}
	first := slices.Index(kept, true)
	var out []ops.Op
	if first < 0 { // from had no values: add them in order
		for i, v := range to.Values {
			op := ops.AddEnumValue{Schema: to.Schema, Enum: to.Name, Value: v}
			if i > 0 {
				op.After = to.Values[i-1]
			}
			out = append(out, op)
		}
		return out, nil
	}
	for i := first - 1; i >= 0; i-- {
		out = append(out, ops.AddEnumValue{Schema: to.Schema, Enum: to.Name, Value: to.Values[i], Before: to.Values[i+1]})
	}
	for i := first + 1; i < len(to.Values); i++ {
		if !kept[i] {
			out = append(out, ops.AddEnumValue{Schema: to.Schema, Enum: to.Name, Value: to.Values[i], After: to.Values[i-1]})
		}
	}
	return out, nil
}

func compareEnum(a, b model.Enum) int {
	return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
}

func sortEnums(es []model.Enum, side string) ([]model.Enum, error) {
	out := slices.Clone(es)
	slices.SortStableFunc(out, compareEnum)
	for i := 1; i < len(out); i++ {
		if compareEnum(out[i-1], out[i]) == 0 {
			return nil, fmt.Errorf("%w: enum %s appears twice in the %s schema", ErrDuplicate, qualified(out[i].Schema, out[i].Name), side)
		}
	}
	return out, nil
}

func qualified(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}
