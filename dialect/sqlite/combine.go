package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var _ dialect.RebuildCombiner = (*Dialect)(nil)

// PlanRebuild carries out consecutive ops on one table with one rebuild
// when at least one of them needs a rebuild ([Dialect.Statements] would
// rebuild for each): AlterColumn, AddColumn, DropColumn, AddPrimaryKey,
// DropPrimaryKey, AddUnique, DropUnique, AddForeignKey, DropForeignKey,
// AddCheck, DropCheck, CreateIndex, DropIndex and SetTableOptions of
// STRICT or WITHOUT ROWID join the rebuild, each
// applied to the new definition in order. A rename, an op on another
// table or any other op ends the run. Changing an enum column's values
// (a DropCheck and an AddCheck of its CHECK) is therefore one rebuild.
// Offline, without the live table, ok is false and each op is planned
// alone.
func (d *Dialect) PlanRebuild(ctx context.Context, list []ops.Op, i int, tables dialect.TableSource) (n int, stmts []dialect.Statement, ok bool, err error) {
	if tables == nil {
		return 0, nil, false, nil
	}
	schema, table, ok := rebuildTable(list[i])
	if !ok {
		return 0, nil, false, nil
	}
	live, found, err := tables.Table(ctx, schema, table)
	if err != nil || !found {
		return 0, nil, false, nil // planned alone, which reports it
	}
	rebuilds := 0
	j := i
	for ; j < len(list); j++ {
		s, t, ok := rebuildTable(list[j])
		if !ok || s != schema || !strings.EqualFold(t, table) {
			break
		}
		if err := dialect.CheckOp(d, list[j]); err != nil {
			break
		}
		if needsRebuild(list[j], live) {
			rebuilds++
		}
	}
	if n = j - i; n < 2 || rebuilds == 0 {
		return 0, nil, false, nil
	}
	group := list[i:j]
	names := make([]string, n)
	for k, op := range group {
		names[k] = opWhat(op)
	}
	what := strings.Join(names, ", ")
	stmts, err = d.rebuildFrom(ctx, tables, live, schema, what, func(t *model.Table, src map[string]string) error {
		for _, op := range group {
			if err := d.applyToTable(t, src, op); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 1, nil, true, err
	}
	return n, stmts, true, nil
}

// rebuildTable returns the table of an op that can join a rebuild.
func rebuildTable(op ops.Op) (schema, table string, ok bool) {
	switch o := op.(type) {
	case ops.AlterColumn:
		return o.Schema, o.Table, true
	case ops.AddColumn:
		return o.Schema, o.Table, true
	case ops.DropColumn:
		return o.Schema, o.Table, true
	case ops.AddPrimaryKey:
		return o.Schema, o.Table, true
	case ops.DropPrimaryKey:
		return o.Schema, o.Table, true
	case ops.AddUnique:
		return o.Schema, o.Table, true
	case ops.DropUnique:
		return o.Schema, o.Table, true
	case ops.AddForeignKey:
		return o.Schema, o.Table, true
	case ops.DropForeignKey:
		return o.Schema, o.Table, true
	case ops.AddCheck:
		return o.Schema, o.Table, true
	case ops.DropCheck:
		return o.Schema, o.Table, true
	case ops.CreateIndex:
		return o.Schema, o.Table, true
	case ops.DropIndex:
		return o.Schema, o.Table, true
	case ops.SetTableOptions:
		return o.Schema, o.Table, changesOptions(o)
	}
	return "", "", false
}

// changesOptions reports whether o sets or clears one of the table options
// SQLite has (STRICT, WITHOUT ROWID), which takes a rebuild.
func changesOptions(o ops.SetTableOptions) bool {
	for _, x := range append(slices.Clone(o.From), o.To...) {
		if _, ok := (*Dialect)(nil).ResetTableOption(x.Name); ok {
			return true
		}
	}
	return false
}

// setOptions sets on t the SQLite options o.To sets, and clears those
// o.To sets OFF or o.From names and o.To does not (the reverse of setting
// them).
func setOptions(t *model.Table, o ops.SetTableOptions) {
	named := func(list []model.TableOption, name string) bool {
		return slices.ContainsFunc(list, func(x model.TableOption) bool {
			return strings.EqualFold(strings.Join(strings.Fields(x.Name), " "), name)
		})
	}
	for _, name := range []string{"STRICT", "WITHOUT ROWID"} {
		set := hasOption(model.Table{Options: o.To}, name)
		clear := named(o.To, name) && !set || named(o.From, name) && !named(o.To, name)
		switch {
		case set && !hasOption(*t, name):
			t.Options = append(t.Options, model.TableOption{Name: name})
		case clear:
			t.Options = filter(t.Options, func(x model.TableOption) bool {
				return !strings.EqualFold(strings.Join(strings.Fields(x.Name), " "), name)
			})
		}
	}
	t.Options = sqliteOptions(*t)
}

// opWhat names an op that can join a rebuild, in error messages.
func opWhat(op ops.Op) string {
	switch o := op.(type) {
	case ops.AlterColumn:
		return "alter column " + o.From.Name
	case ops.AddColumn:
		return "add column " + o.Column.Name
	case ops.DropColumn:
		return "drop column " + o.Column.Name
	case ops.AddPrimaryKey:
		return strings.TrimSpace("add primary key " + o.PrimaryKey.Name)
	case ops.DropPrimaryKey:
		return "drop primary key"
	case ops.AddUnique:
		return strings.TrimSpace("add unique " + o.Unique.Name)
	case ops.DropUnique:
		return strings.TrimSpace("drop unique " + o.Unique.Name)
	case ops.AddForeignKey:
		return strings.TrimSpace("add foreign key " + o.ForeignKey.Name)
	case ops.DropForeignKey:
		return strings.TrimSpace("drop foreign key " + o.ForeignKey.Name)
	case ops.AddCheck:
		return strings.TrimSpace("add check " + o.Check.Name)
	case ops.DropCheck:
		return strings.TrimSpace("drop check " + o.Check.Name)
	case ops.CreateIndex:
		return "create index " + o.Index.Name
	case ops.DropIndex:
		return "drop index " + o.Index.Name
	case ops.SetTableOptions:
		return "set table options"
	}
	return fmt.Sprintf("%T", op)
}

// needsRebuild reports whether op alone rebuilds the table, live as it
// was before the run.
func needsRebuild(op ops.Op, live model.Table) bool {
	switch o := op.(type) {
	case ops.CreateIndex, ops.DropIndex:
		return false
	case ops.AddColumn:
		return !addsInPlace(o.Column) || !addsLast(o, live)
	case ops.DropColumn:
		return entangled(live, o.Column.Name)
	}
	return true
}

// applyToTable applies op, one that [rebuildTable] accepts, to the new
// definition t of a rebuild and to src, which maps each new column to the
// SQL that fills it from the old table.
func (d *Dialect) applyToTable(t *model.Table, src map[string]string, op ops.Op) error {
	switch o := op.(type) {
	case ops.AlterColumn:
		return alterColumn(t, src, o)
	case ops.AddColumn:
		if columnIndex(t, o.Column.Name) >= 0 {
			return fmt.Errorf("sqlite: add column %s.%s: %w", t.Name, o.Column.Name, ErrExists)
		}
		at := len(t.Columns)
		switch {
		case o.Position.First:
			at = 0
		case o.Position.After != "":
			i := columnIndex(t, o.Position.After)
			if i < 0 {
				return fmt.Errorf("sqlite: add column %s.%s after %s: %w", t.Name, o.Column.Name, o.Position.After, ErrNotFound)
			}
			at = i + 1
		}
		t.Columns = slices.Insert(t.Columns, at, o.Column)
	case ops.DropColumn:
		return dropColumn(t, src, o.Column.Name)
	case ops.AddPrimaryKey:
		t.PrimaryKey = o.PrimaryKey
	case ops.DropPrimaryKey:
		t.PrimaryKey = model.PrimaryKey{}
		for i := range t.Columns {
			t.Columns[i].AutoIncrement = false
		}
	case ops.AddUnique:
		t.Uniques = append(t.Uniques, o.Unique)
	case ops.DropUnique:
		return dropUnique(t, o.Unique)
	case ops.AddForeignKey:
		t.ForeignKeys = append(t.ForeignKeys, o.ForeignKey)
	case ops.DropForeignKey:
		return dropForeignKey(t, o.ForeignKey)
	case ops.AddCheck:
		for _, x := range t.Checks {
			if o.Check.Name != "" && x.Name == o.Check.Name && d.NormalizeExpr(x.Expr) == d.NormalizeExpr(o.Check.Expr) {
				return nil // already there, e.g. an enum column's CHECK
			}
		}
		t.Checks = append(t.Checks, o.Check)
	case ops.DropCheck:
		return d.dropCheck(t, o.Check)
	case ops.CreateIndex:
		t.Indexes = append(t.Indexes, o.Index)
	case ops.SetTableOptions:
		setOptions(t, o)
	case ops.DropIndex:
		for k, ix := range t.Indexes {
			if strings.EqualFold(ix.Name, o.Index.Name) {
				t.Indexes = append(t.Indexes[:k:k], t.Indexes[k+1:]...)
				return nil
			}
		}
		return fmt.Errorf("sqlite: drop index %s on %s: %w", o.Index.Name, t.Name, ErrNotFound)
	default:
		return fmt.Errorf("sqlite: op %T cannot join a rebuild: %w", op, errors.ErrUnsupported)
	}
	return nil
}
