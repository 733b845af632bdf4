package migrate

import (
	"context"
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// effect is what the live catalog says of an op an interrupted run may or
// may not have completed.
type effect int

const (
	// effectAbsent: the catalog is as it was before the op.
	effectAbsent effect = iota
	// effectPresent: the catalog holds what the op makes.
	effectPresent
	// effectUnknown: the catalog cannot tell (raw SQL, data, table
	// options), or holds something that is neither before nor after.
	effectUnknown
)

// opEffect reads the live catalog (through tables) to say whether op's
// effect is in place: a table or column exists with the op's definition
// (name, type as the dialect normalises it, nullability, default), an
// index, key, constraint or comment by its name. why says what it found
// when the answer is effectUnknown.
func opEffect(ctx context.Context, d dialect.Dialect, op ops.Op, tables dialect.TableSource) (e effect, why string, err error) {
	table := func(schema, name string) (model.Table, bool, error) { return tables.Table(ctx, schema, name) }
	// exists turns "the thing is there" into an effect of an op that
	// creates (want true) or removes (want false) it.
	exists := func(has, want bool) effect {
		if has == want {
			return effectPresent
		}
		return effectAbsent
	}
	switch o := op.(type) {
	case ops.CreateTable:
		_, ok, err := table(o.Table.Schema, o.Table.Name)
		return exists(ok, true), "", err
	case ops.DropTable:
		_, ok, err := table(o.Table.Schema, o.Table.Name)
		return exists(ok, false), "", err
	case ops.RenameTable:
		_, from, err := table(o.Schema, o.From)
		if err != nil {
			return effectUnknown, "", err
		}
		_, to, err := table(o.Schema, o.To)
		switch {
		case err != nil:
			return effectUnknown, "", err
		case to && !from:
			return effectPresent, "", nil
		case from && !to:
			return effectAbsent, "", nil
		}
		return effectUnknown, fmt.Sprintf("tables %s and %s both exist or both are missing", o.From, o.To), nil
	case ops.AddColumn:
		return columnEffect(d, table, o.Schema, o.Table, nil, &o.Column)
	case ops.DropColumn:
		return columnEffect(d, table, o.Schema, o.Table, &o.Column, nil)
	case ops.AlterColumn:
		return columnEffect(d, table, o.Schema, o.Table, &o.From, &o.To)
	case ops.RenameColumn:
		t, ok, err := table(o.Schema, o.Table)
		if err != nil || !ok {
			return effectUnknown, "table " + o.Table + " is missing", err
		}
		_, from := t.Column(o.From)
		_, to := t.Column(o.To)
		switch {
		case to && !from:
			return effectPresent, "", nil
		case from && !to:
			return effectAbsent, "", nil
		}
		return effectUnknown, fmt.Sprintf("columns %s.%s and %s.%s both exist or both are missing", o.Table, o.From, o.Table, o.To), nil
	case ops.CreateIndex:
		return named(table, o.Schema, o.Table, true, func(t model.Table) bool { return hasIndex(t, o.Index.Name) })
	case ops.DropIndex:
		return named(table, o.Schema, o.Table, false, func(t model.Table) bool { return hasIndex(t, o.Index.Name) })
	case ops.AddPrimaryKey:
		return named(table, o.Schema, o.Table, true, func(t model.Table) bool { return len(t.PrimaryKey.Columns) > 0 })
	case ops.DropPrimaryKey:
		return named(table, o.Schema, o.Table, false, func(t model.Table) bool { return len(t.PrimaryKey.Columns) > 0 })
	case ops.AddUnique:
		return named(table, o.Schema, o.Table, true, func(t model.Table) bool { return hasUnique(t, o.Unique.Name) })
	case ops.DropUnique:
		return named(table, o.Schema, o.Table, false, func(t model.Table) bool { return hasUnique(t, o.Unique.Name) })
	case ops.AddForeignKey:
		return named(table, o.Schema, o.Table, true, func(t model.Table) bool { return hasFK(t, o.ForeignKey.Name) })
	case ops.DropForeignKey:
		return named(table, o.Schema, o.Table, false, func(t model.Table) bool { return hasFK(t, o.ForeignKey.Name) })
	case ops.AddCheck:
		return named(table, o.Schema, o.Table, true, func(t model.Table) bool { return hasCheck(t, o.Check.Name) })
	case ops.DropCheck:
		return named(table, o.Schema, o.Table, false, func(t model.Table) bool { return hasCheck(t, o.Check.Name) })
	case ops.SetTableComment:
		t, ok, err := table(o.Schema, o.Table)
		if err != nil || !ok || o.From == o.To {
			return effectUnknown, "cannot compare the table comment", err
		}
		switch t.Comment {
		case o.To:
			return effectPresent, "", nil
		case o.From:
			return effectAbsent, "", nil
		}
		return effectUnknown, "the comment of " + o.Table + " is neither the old nor the new one", nil
	}
	return effectUnknown, "the catalog cannot show whether " + ops.Describe(op) + " ran", nil
}

// named answers for an op that creates (create true) or removes an object
// of a table that has checks for.
func named(table func(string, string) (model.Table, bool, error), schema, name string, create bool, has func(model.Table) bool) (effect, string, error) {
	t, ok, err := table(schema, name)
	if err != nil {
		return effectUnknown, "", err
	}
	if !ok {
		return effectUnknown, "table " + name + " is missing", nil
	}
	if has(t) == create {
		return effectPresent, "", nil
	}
	return effectAbsent, "", nil
}

// columnEffect compares the live column with from (nil: the op adds it)
// and to (nil: the op drops it).
func columnEffect(d dialect.Dialect, table func(string, string) (model.Table, bool, error), schema, name string, from, to *model.Column) (effect, string, error) {
	t, ok, err := table(schema, name)
	if err != nil {
		return effectUnknown, "", err
	}
	if !ok {
		return effectUnknown, "table " + name + " is missing", nil
	}
	if to == nil {
		// A drop: done once the column is gone.
		_, has := t.Column(from.Name)
		if has {
			return effectAbsent, "", nil
		}
		return effectPresent, "", nil
	}
	colName := func(c *model.Column) string { return c.Name }
	var live *model.Column
	for _, c := range []*model.Column{to, from} {
		if c == nil {
			continue
		}
		if lc, ok := t.Column(colName(c)); ok {
			live = &lc
			break
		}
	}
	matches := func(c *model.Column) bool {
		if c == nil {
			return live == nil
		}
		return live != nil && live.Name == c.Name && sameColumn(d, *live, *c)
	}
	isTo, isFrom := matches(to), matches(from)
	switch {
	case isTo && !isFrom:
		return effectPresent, "", nil
	case isFrom && !isTo:
		return effectAbsent, "", nil
	}
	if live == nil {
		return effectUnknown, "column missing from " + name, nil
	}
	return effectUnknown, fmt.Sprintf("column %s.%s is %s, which is neither the definition before the op nor after it", name, live.Name, columnText(*live)), nil
}

// sameColumn compares what a column's definition says on d: type,
// nullability and default, each in the dialect's canonical form.
func sameColumn(d dialect.Dialect, live, want model.Column) bool {
	if d.NormalizeType(live.Type.SQL) != d.NormalizeType(d.TypeSQL(want.Type)) || live.Nullable != want.Nullable {
		return false
	}
	want.Type.SQL = d.TypeSQL(want.Type)
	return d.NormalizeDefault(live) == d.NormalizeDefault(want)
}

func columnText(c model.Column) string {
	s := c.Type.SQL
	if !c.Nullable {
		s += " NOT NULL"
	}
	if c.Default != "" {
		s += " DEFAULT " + c.Default
	}
	return s
}

func hasIndex(t model.Table, name string) bool {
	return slices.ContainsFunc(t.Indexes, func(ix model.Index) bool { return ix.Name == name }) ||
		slices.ContainsFunc(t.Uniques, func(u model.Unique) bool { return u.Name == name })
}

func hasUnique(t model.Table, name string) bool { return hasIndex(t, name) }

func hasFK(t model.Table, name string) bool {
	return slices.ContainsFunc(t.ForeignKeys, func(fk model.ForeignKey) bool { return fk.Name == name })
}

func hasCheck(t model.Table, name string) bool {
	return slices.ContainsFunc(t.Checks, func(c model.Check) bool { return c.Name == name })
}
