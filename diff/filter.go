package diff

import (
	"slices"

	"github.com/retortdb/retort/model"
)

// filterTables leaves out, on both sides, the tables the options refuse:
// by schema ([Options.IncludesSchema]), by name (IncludeName) and by object
// (IncludeObject, asked once per table or pair of tables). cur and tgt are
// sorted by key and stay so.
func (c *comparer) filterTables(cur, tgt []*model.Table) (outCur, outTgt []*model.Table) {
	o := &c.opts
	if o.IncludeSchemas == nil && !o.filtersObjects() {
		return cur, tgt
	}
	admits := func(t *model.Table) bool { return o.IncludesTable(t.Schema, t.Name) }
	i, j := 0, 0
	for i < len(cur) || j < len(tgt) {
		switch {
		case j == len(tgt) || (i < len(cur) && compareKeys(keyOf(cur[i]), keyOf(tgt[j])) < 0):
			if admits(cur[i]) && o.includesPair(cur[i].Name, KindTable, TableObject{*cur[i]}, nil) {
				outCur = append(outCur, cur[i])
			}
			i++
		case i == len(cur) || compareKeys(keyOf(cur[i]), keyOf(tgt[j])) > 0:
			if admits(tgt[j]) && o.includesPair(tgt[j].Name, KindTable, nil, TableObject{*tgt[j]}) {
				outTgt = append(outTgt, tgt[j])
			}
			j++
		default:
			if admits(tgt[j]) && o.includesPair(tgt[j].Name, KindTable, TableObject{*cur[i]}, TableObject{*tgt[j]}) {
				outCur = append(outCur, cur[i])
				outTgt = append(outTgt, tgt[j])
			}
			i++
			j++
		}
	}
	return outCur, outTgt
}

// filterEnums leaves out, on both sides, the enum types the options refuse.
func (c *comparer) filterEnums(cur, tgt []model.Enum) (outCur, outTgt []model.Enum) {
	o := &c.opts
	if o.IncludeSchemas == nil && !o.filtersObjects() {
		return cur, tgt
	}
	admits := func(e *model.Enum) bool {
		return o.IncludesSchema(e.Schema) && o.includesName(e.Name, KindEnum, Parents{Schema: e.Schema})
	}
	for _, e := range cur {
		if _, paired := findEnum(tgt, e.Schema, e.Name); paired {
			continue // asked below, with the models' enum
		}
		if admits(&e) && o.includesPair(e.Name, KindEnum, EnumObject{e}, nil) {
			outCur = append(outCur, e)
		}
	}
	for _, e := range tgt {
		other, paired := findEnum(cur, e.Schema, e.Name)
		if !admits(&e) {
			continue
		}
		if !paired {
			if o.includesPair(e.Name, KindEnum, nil, EnumObject{e}) {
				outTgt = append(outTgt, e)
			}
			continue
		}
		if o.includesPair(e.Name, KindEnum, EnumObject{other}, EnumObject{e}) {
			outCur = append(outCur, other)
			outTgt = append(outTgt, e)
		}
	}
	return outCur, outTgt
}

func findEnum(list []model.Enum, schema, name string) (model.Enum, bool) {
	for _, e := range list {
		if e.Schema == schema && e.Name == name {
			return e, true
		}
	}
	return model.Enum{}, false
}

// filterTable returns copies of a pair of tables without the columns,
// indexes and constraints the options refuse (on both sides), or the
// tables themselves when no filter is set.
func (c *comparer) filterTable(cur, tgt *model.Table) (*model.Table, *model.Table) {
	o := &c.opts
	if !o.filtersObjects() {
		return cur, tgt
	}
	fc, ft := *cur, *tgt
	s, n := tgt.Schema, tgt.Name
	p := Parents{Schema: s, Table: n}

	fc.Columns, ft.Columns = filterPairs(cur.Columns, tgt.Columns,
		func(a, b *model.Column) bool { return a.Name == b.Name },
		func(x *model.Column) bool { return o.includesName(x.Name, KindColumn, p) },
		func(x *model.Column, cx, tx *model.Column) bool {
			return o.includesPair(x.Name, KindColumn, colObj(s, n, cx), colObj(s, n, tx))
		})
	fc.Indexes, ft.Indexes = filterPairs(cur.Indexes, tgt.Indexes,
		func(a, b *model.Index) bool { return a.Name == b.Name },
		func(x *model.Index) bool { return o.includesName(x.Name, KindIndex, p) },
		func(x *model.Index, cx, tx *model.Index) bool {
			return o.includesPair(x.Name, KindIndex, wrap(cx, func(v model.Index) Object { return IndexObject{s, n, v} }),
				wrap(tx, func(v model.Index) Object { return IndexObject{s, n, v} }))
		})
	fc.Uniques, ft.Uniques = filterPairs(cur.Uniques, tgt.Uniques,
		func(a, b *model.Unique) bool { return slices.Equal(a.Columns, b.Columns) },
		func(x *model.Unique) bool { return o.includesName(x.Name, KindUniqueConstraint, p) },
		func(x *model.Unique, cx, tx *model.Unique) bool {
			return o.includesPair(x.Name, KindUniqueConstraint, wrap(cx, func(v model.Unique) Object { return UniqueObject{s, n, v} }),
				wrap(tx, func(v model.Unique) Object { return UniqueObject{s, n, v} }))
		})
	fc.ForeignKeys, ft.ForeignKeys = filterPairs(cur.ForeignKeys, tgt.ForeignKeys,
		func(a, b *model.ForeignKey) bool { return sameReference(cur, a, tgt, b) },
		func(x *model.ForeignKey) bool { return o.includesName(x.Name, KindForeignKeyConstraint, p) },
		func(x *model.ForeignKey, cx, tx *model.ForeignKey) bool {
			return o.includesPair(x.Name, KindForeignKeyConstraint, wrap(cx, func(v model.ForeignKey) Object { return ForeignKeyObject{s, n, v} }),
				wrap(tx, func(v model.ForeignKey) Object { return ForeignKeyObject{s, n, v} }))
		})
	fc.Checks, ft.Checks = filterPairs(cur.Checks, tgt.Checks,
		func(a, b *model.Check) bool {
			if a.Name != "" && b.Name != "" {
				return a.Name == b.Name
			}
			return c.sameExpr(a.Expr, b.Expr)
		},
		func(x *model.Check) bool { return o.includesName(x.Name, KindCheckConstraint, p) },
		func(x *model.Check, cx, tx *model.Check) bool {
			return o.includesPair(x.Name, KindCheckConstraint, wrap(cx, func(v model.Check) Object { return CheckObject{s, n, v} }),
				wrap(tx, func(v model.Check) Object { return CheckObject{s, n, v} }))
		})
	fc.Excludes, ft.Excludes = filterPairs(cur.Excludes, tgt.Excludes,
		func(a, b *model.Exclude) bool { return a.Name == b.Name },
		func(x *model.Exclude) bool { return o.includesName(x.Name, KindExcludeConstraint, p) },
		func(x *model.Exclude, cx, tx *model.Exclude) bool {
			return o.includesPair(x.Name, KindExcludeConstraint, wrap(cx, func(v model.Exclude) Object { return ExcludeObject{s, n, v} }),
				wrap(tx, func(v model.Exclude) Object { return ExcludeObject{s, n, v} }))
		})
	return &fc, &ft
}

func colObj(s, n string, c *model.Column) Object {
	return wrap(c, func(v model.Column) Object { return ColumnObject{s, n, v} })
}

// wrap turns a possibly nil pointer into an Object, nil staying nil.
func wrap[T any](p *T, f func(T) Object) Object {
	if p == nil {
		return nil
	}
	return f(*p)
}

// filterPairs filters the objects of both sides of one table: an object
// is kept when byName admits it and, on both sides, IncludeObject (asked
// through byObj with the object's match on the other side, or nil) admits
// it. A refused target object takes its match out of current too, so that
// neither is created nor dropped. The lists are copied only when something
// is left out.
func filterPairs[T any](cur, tgt []T, match func(a, b *T) bool, byName func(*T) bool,
	byObj func(x *T, cur, tgt *T) bool) ([]T, []T) {
	curOut := make([]bool, len(cur))
	tgtOut := make([]bool, len(tgt))
	matched := make([]bool, len(cur))
	for j := range tgt {
		t := &tgt[j]
		i := slices.IndexFunc(cur, func(x T) bool { return match(&x, t) })
		for i >= 0 && matched[i] { // a second target object matching the same one
			k := slices.IndexFunc(cur[i+1:], func(x T) bool { return match(&x, t) })
			if k < 0 {
				i = -1
				break
			}
			i += 1 + k
		}
		var m *T
		if i >= 0 {
			matched[i] = true
			m = &cur[i]
		}
		ok := byName(t) && (m == nil || byName(m)) && byObj(t, m, t)
		if !ok {
			tgtOut[j] = true
			if i >= 0 {
				curOut[i] = true
			}
		}
	}
	for i := range cur {
		if matched[i] {
			continue
		}
		if !byName(&cur[i]) || !byObj(&cur[i], &cur[i], nil) {
			curOut[i] = true
		}
	}
	return dropMarked(cur, curOut), dropMarked(tgt, tgtOut)
}

// dropMarked returns list without the marked elements, list itself when
// none is.
func dropMarked[T any](list []T, out []bool) []T {
	if !slices.Contains(out, true) {
		return list
	}
	kept := make([]T, 0, len(list))
	for i := range list {
		if !out[i] {
			kept = append(kept, list[i])
		}
	}
	return kept
}
