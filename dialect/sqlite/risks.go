package sqlite

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var (
	_ dialect.RiskAssessor   = (*Dialect)(nil)
	_ dialect.FlexibleTyping = (*Dialect)(nil)
	_ dialect.CharLength     = (*Dialect)(nil)
)

// FlexibleTyping reports true: a SQLite column keeps any value whatever
// its declared type (outside STRICT tables, which retort does not write).
func (*Dialect) FlexibleTyping() bool { return true }

// CharLength returns length(expr), SQLite's length in characters.
func (*Dialect) CharLength(expr string) string { return "length(" + expr + ")" }

// Risks returns the table rebuilds of ops ALTER TABLE cannot carry out:
// altering a column, adding or dropping a constraint, adding a column
// ADD COLUMN refuses or one placed before the last column, dropping a column a key, index, constraint or
// generated column uses. It decides as [Dialect.Statements] does, and
// reports a rebuild that consecutive ops share ([Dialect.PlanRebuild])
// once, at the first op that needs it.
func (*Dialect) Risks(op ops.Op, rc dialect.RiskContext) []dialect.Risk {
	if rc.New || joinsRebuild(op, rc) {
		return nil
	}
	switch o := op.(type) {
	case ops.AddColumn:
		placed := !o.Position.IsLast() && (rc.Table == nil || !addsLast(o, *rc.Table))
		if !addsInPlace(o.Column) || placed {
			return rebuildRisk(o.Schema, o.Table, "add column "+o.Column.Name, rc)
		}
	case ops.DropColumn:
		if rc.Table != nil && entangled(*rc.Table, o.Column.Name) {
			return rebuildRisk(o.Schema, o.Table, "drop column "+o.Column.Name+" (it is in a key, index or constraint)", rc)
		}
	case ops.AlterColumn:
		name := o.To.Name
		if name == "" {
			name = o.From.Name
		}
		return rebuildRisk(o.Schema, o.Table, "alter column "+name, rc)
	case ops.AddPrimaryKey:
		return rebuildRisk(o.Schema, o.Table, strings.TrimSpace("add primary key "+o.PrimaryKey.Name), rc)
	case ops.DropPrimaryKey:
		return rebuildRisk(o.Schema, o.Table, "drop primary key", rc)
	case ops.AddUnique:
		return rebuildRisk(o.Schema, o.Table, strings.TrimSpace("add unique "+o.Unique.Name), rc)
	case ops.DropUnique:
		return rebuildRisk(o.Schema, o.Table, "drop unique "+o.Unique.Name, rc)
	case ops.AddForeignKey:
		return rebuildRisk(o.Schema, o.Table, strings.TrimSpace("add foreign key "+o.ForeignKey.Name), rc)
	case ops.DropForeignKey:
		return rebuildRisk(o.Schema, o.Table, "drop foreign key "+o.ForeignKey.Name, rc)
	case ops.AddCheck:
		return rebuildRisk(o.Schema, o.Table, strings.TrimSpace("add check "+o.Check.Name), rc)
	case ops.DropCheck:
		return rebuildRisk(o.Schema, o.Table, "drop check "+o.Check.Name, rc)
	case ops.SetTableOptions:
		if changesOptions(o) {
			return rebuildRisk(o.Schema, o.Table, "set table options (STRICT, WITHOUT ROWID)", rc)
		}
	}
	return nil
}

// joinsRebuild reports whether op joins a rebuild that an op before it
// already needs ([Dialect.PlanRebuild]): the ops right before it are on
// the same table and can join a rebuild, and one of them needs one. The
// rebuild is reported once, at the first op that needs it.
func joinsRebuild(op ops.Op, rc dialect.RiskContext) bool {
	schema, table, ok := rebuildTable(op)
	if !ok {
		return false
	}
	var live model.Table
	if rc.Table != nil {
		live = *rc.Table
	}
	for i := len(rc.Earlier) - 1; i >= 0; i-- {
		s, t, ok := rebuildTable(rc.Earlier[i])
		if !ok || s != schema || !strings.EqualFold(t, table) {
			return false
		}
		if needsRebuild(rc.Earlier[i], live) {
			return true
		}
	}
	return false
}

// rebuildRisk is the risk of rebuilding schema.table, naming the indexes
// the rebuild recreates when the live table is known.
func rebuildRisk(schema, table, what string, rc dialect.RiskContext) []dialect.Risk {
	t := table
	if schema != "" {
		t = schema + "." + table
	}
	msg := strings.TrimSpace(what) + ": SQLite rebuilds " + t + " (copies every row into a new table"
	if rc.Table != nil {
		if len(rc.Table.Indexes) > 0 {
			names := make([]string, len(rc.Table.Indexes))
			for i, ix := range rc.Table.Indexes {
				names[i] = ix.Name
			}
			msg += ", recreates indexes " + strings.Join(names, ", ")
		}
	} else {
		msg += ", recreates its indexes"
	}
	return []dialect.Risk{{Kind: dialect.RiskRebuild, Level: dialect.RiskInfo, Object: t, Message: msg + ")"}}
}
