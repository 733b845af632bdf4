package safety

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Dialect names the rules branch on.
const (
	sqliteName   = "sqlite"
	postgresName = "postgres"
	mysqlName    = "mysql"
)

// op returns the findings of one op, without Op set.
func (a *analysis) op(op ops.Op) []Finding {
	switch o := op.(type) {
	case ops.DropTable, ops.Execute, ops.Custom:
		return a.dataLoss()
	case ops.AddColumn:
		return a.addColumn(o)
	case ops.DropColumn:
		return a.dropColumn(o)
	case ops.AlterColumn:
		return a.alterColumn(o)
	case ops.CreateIndex:
		return a.createIndex(o)
	case ops.AddPrimaryKey:
		return a.constraint(o.Schema, o.Table, o.PrimaryKey.Name, "add primary key",
			"fails if "+qualify(o.Schema, o.Table)+" has duplicate or NULL values in ("+strings.Join(o.PrimaryKey.Columns, ", ")+")", true)
	case ops.DropPrimaryKey:
		var out []Finding
		if a.dialect == mysqlName {
			out = append(out, a.copyLock(o.Schema, o.Table, "dropping the primary key"))
		}
		return append(out, a.rebuild(o.Schema, o.Table, "drop primary key")...)
	case ops.AddUnique:
		return a.constraint(o.Schema, o.Table, o.Unique.Name, "add unique",
			"fails if "+qualify(o.Schema, o.Table)+" has duplicate values in ("+strings.Join(o.Unique.Columns, ", ")+")", true)
	case ops.DropUnique:
		return a.rebuild(o.Schema, o.Table, "drop unique "+o.Unique.Name)
	case ops.AddForeignKey:
		fk := o.ForeignKey
		return a.constraint(o.Schema, o.Table, fk.Name, "add foreign key",
			"fails if a row of "+qualify(o.Schema, o.Table)+" has ("+strings.Join(fk.Columns, ", ")+") values missing from "+
				qualify(fk.RefSchema, fk.RefTable)+" ("+strings.Join(fk.RefColumns, ", ")+")", false)
	case ops.DropForeignKey:
		return a.rebuild(o.Schema, o.Table, "drop foreign key "+o.ForeignKey.Name)
	case ops.AddCheck:
		return a.constraint(o.Schema, o.Table, o.Check.Name, "add check",
			"fails if a row of "+qualify(o.Schema, o.Table)+" breaks ("+o.Check.Expr+")", false)
	case ops.DropCheck:
		return a.rebuild(o.Schema, o.Table, "drop check "+o.Check.Name)
	case ops.SetTableOptions:
		if a.dialect == mysqlName && !a.isNew(o.Schema, o.Table) {
			return []Finding{a.copyLock(o.Schema, o.Table, "changing table options")}
		}
	}
	return nil
}

func (a *analysis) addColumn(o ops.AddColumn) []Finding {
	c := o.Column
	obj := qualify(o.Schema, o.Table) + "." + c.Name
	if a.isNew(o.Schema, o.Table) {
		return nil
	}
	var out []Finding
	filled := c.Nullable || c.Default != "" && !strings.EqualFold(strings.TrimSpace(c.Default), "NULL") ||
		c.AutoIncrement || c.Identity != model.IdentityNone || c.Generated.Expr != ""
	if !filled {
		if a.dialect == mysqlName {
			out = append(out, Finding{Kind: FailsOnRows, Severity: Info, Object: obj,
				Message: "adds NOT NULL column " + obj + " without a default: MySQL fills existing rows with the type's implicit default (0, '' or a zero date), which strict mode may refuse"})
		} else {
			out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj,
				Message: "adds NOT NULL column " + obj + " without a default: fails if " + qualify(o.Schema, o.Table) + " has any rows"})
		}
	}
	switch a.dialect {
	case postgresName:
		if volatile(c.Default) {
			out = append(out, Finding{Kind: Lock, Severity: Warning, Object: obj,
				Message: "adds " + obj + " with a volatile default (" + c.Default + "): PostgreSQL rewrites " + qualify(o.Schema, o.Table) + " under an ACCESS EXCLUSIVE lock"})
		} else if c.Generated.Expr != "" && c.Generated.Stored {
			out = append(out, Finding{Kind: Lock, Severity: Warning, Object: obj,
				Message: "adds stored generated column " + obj + ": PostgreSQL rewrites " + qualify(o.Schema, o.Table) + " under an ACCESS EXCLUSIVE lock"})
		}
	case sqliteName:
		inPlace := (c.Nullable || c.Default != "" && !strings.EqualFold(strings.TrimSpace(c.Default), "NULL")) &&
			(c.Default == "" || literal(c.Default)) && !(c.Generated.Expr != "" && c.Generated.Stored) && len(c.Type.EnumValues) == 0
		if !inPlace {
			out = append(out, a.rebuild(o.Schema, o.Table, "add column "+c.Name)...)
		}
	}
	return out
}

func (a *analysis) dropColumn(o ops.DropColumn) []Finding {
	out := a.dataLoss()
	if a.dialect == sqliteName {
		if t, ok := a.table(o.Schema, o.Table); ok && entangled(t, o.Column.Name) {
			out = append(out, a.rebuild(o.Schema, o.Table, "drop column "+o.Column.Name+" (it is in a key, index or constraint)")...)
		}
	}
	return out
}

func (a *analysis) alterColumn(o ops.AlterColumn) []Finding {
	name := o.To.Name
	if name == "" {
		name = o.From.Name
	}
	table := qualify(o.Schema, o.Table)
	obj := table + "." + name
	fresh := a.isNew(o.Schema, o.Table)
	var out []Finding
	if o.Change.Has(ops.ChangeType) {
		from, to := a.enums.Shape(a.d, o.From), a.enums.Shape(a.d, o.To)
		change := from.SQL + " -> " + to.SQL
		out = append(out, a.dataLoss()...)
		if l := dialect.TypeChangeLoss(a.d, from, to); l.FailsOnRows && !fresh {
			out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj,
				Message: "changes " + obj + " " + change + ": " + l.Why})
		}
		if !fresh {
			switch a.dialect {
			case postgresName:
				if pgRewrites(from, to) {
					out = append(out, Finding{Kind: Lock, Severity: Warning, Object: obj,
						Message: "changes " + obj + " " + change + ": PostgreSQL rewrites " + table + " and its indexes under an ACCESS EXCLUSIVE lock"})
				}
			case mysqlName:
				if !mysqlInPlace(from, to, o.To.Charset) {
					out = append(out, a.copyLock(o.Schema, o.Table, "changing "+obj+" "+change))
				}
			}
		}
	}
	if o.Change.Has(ops.ChangeNullable) && !o.To.Nullable && !fresh {
		msg := "sets " + obj + " NOT NULL: fails if any row has NULL in it"
		if o.To.Default != "" {
			msg += " (the default fills only new rows)"
		}
		out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj, Message: msg})
		if a.dialect == postgresName {
			out = append(out, Finding{Kind: Lock, Severity: Info, Object: obj,
				Message: "sets " + obj + " NOT NULL: PostgreSQL scans " + table + " under an ACCESS EXCLUSIVE lock"})
		}
	}
	if a.dialect == mysqlName && !fresh {
		switch {
		case o.Change.Has(ops.ChangeCollation):
			out = append(out, a.copyLock(o.Schema, o.Table, "changing the character set or collation of "+obj))
		case o.Change.Has(ops.ChangeNullable) && !o.Change.Has(ops.ChangeType):
			out = append(out, Finding{Kind: Lock, Severity: Info, Object: table,
				Message: "changes the nullability of " + obj + ": MySQL rebuilds " + table + " in place (ALGORITHM=INPLACE, concurrent writes allowed)"})
		}
	}
	return append(out, a.rebuild(o.Schema, o.Table, "alter column "+name)...)
}

func (a *analysis) createIndex(o ops.CreateIndex) []Finding {
	if a.isNew(o.Schema, o.Table) {
		return nil
	}
	table := qualify(o.Schema, o.Table)
	obj := table + "." + o.Index.Name
	var out []Finding
	if o.Index.Unique {
		out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj,
			Message: "creates unique index " + o.Index.Name + ": fails if " + table + " has duplicate values in (" + strings.Join(o.Index.Columns(), ", ") + ")"})
	}
	if a.dialect == postgresName && !o.Concurrently {
		out = append(out, Finding{Kind: Lock, Severity: Warning, Object: obj,
			Message: "builds index " + o.Index.Name + " without CONCURRENTLY: writes to " + table + " wait until it is built (call .Concurrently() to avoid the lock)"})
	}
	return out
}

// constraint is the findings of adding a constraint: it fails on rows that
// break it, locks on PostgreSQL and MySQL, rebuilds on SQLite. unique says
// whether the constraint builds a unique index.
func (a *analysis) constraint(schema, table, name, what, fails string, unique bool) []Finding {
	if a.isNew(schema, table) {
		return nil
	}
	t := qualify(schema, table)
	obj := t
	if name != "" {
		obj += "." + name
	}
	label := strings.TrimSpace(what + " " + name)
	out := []Finding{{Kind: FailsOnRows, Severity: Warning, Object: obj, Message: label + ": " + fails}}
	switch a.dialect {
	case postgresName:
		msg := "PostgreSQL checks every row of " + t + " while holding a lock that blocks writes"
		if unique {
			msg = "PostgreSQL builds the unique index while writes to " + t + " wait"
		}
		out = append(out, Finding{Kind: Lock, Severity: Warning, Object: obj, Message: label + ": " + msg})
	case mysqlName:
		switch what {
		case "add foreign key":
			out = append(out, a.copyLock(schema, table, "adding a foreign key while foreign_key_checks is on"))
		case "add check":
			out = append(out, a.copyLock(schema, table, "adding a check constraint"))
		case "add primary key":
			out = append(out, Finding{Kind: Lock, Severity: Info, Object: t,
				Message: "adding a primary key rebuilds " + t + " in place (ALGORITHM=INPLACE)"})
		}
	}
	return append(out, a.rebuild(schema, table, label)...)
}

// copyLock is MySQL's ALGORITHM=COPY finding.
func (a *analysis) copyLock(schema, table, what string) Finding {
	t := qualify(schema, table)
	return Finding{Kind: Lock, Severity: Warning, Object: t,
		Message: what + " needs ALGORITHM=COPY: MySQL copies " + t + " and blocks writes to it meanwhile"}
}

// rebuild is SQLite's table-rebuild finding; nil on other dialects and for
// tables created in the same list.
func (a *analysis) rebuild(schema, table, what string) []Finding {
	if a.dialect != sqliteName || a.isNew(schema, table) {
		return nil
	}
	t := qualify(schema, table)
	msg := strings.TrimSpace(what) + ": SQLite rebuilds " + t + " (copies every row into a new table"
	if cur, ok := a.table(schema, table); ok {
		if len(cur.Indexes) > 0 {
			names := make([]string, len(cur.Indexes))
			for i, ix := range cur.Indexes {
				names[i] = ix.Name
			}
			msg += ", recreates indexes " + strings.Join(names, ", ")
		}
	} else {
		msg += ", recreates its indexes"
	}
	return []Finding{{Kind: Rebuild, Severity: Info, Object: t, Message: msg + ")"}}
}

// entangled reports whether SQLite's ALTER TABLE DROP COLUMN refuses col,
// so the dialect rebuilds the table instead.
func entangled(t model.Table, col string) bool {
	has := func(list []string) bool {
		for _, c := range list {
			if strings.EqualFold(c, col) {
				return true
			}
		}
		return false
	}
	if has(t.PrimaryKey.Columns) {
		return true
	}
	for _, ix := range t.Indexes {
		if has(ix.Columns()) || strings.Contains(strings.ToLower(ix.Where), strings.ToLower(col)) {
			return true
		}
	}
	for _, u := range t.Uniques {
		if has(u.Columns) {
			return true
		}
	}
	for _, fk := range t.ForeignKeys {
		if has(fk.Columns) {
			return true
		}
	}
	for _, ck := range t.Checks {
		if strings.Contains(strings.ToLower(ck.Expr), strings.ToLower(col)) {
			return true
		}
	}
	return false
}

// volatile reports whether a PostgreSQL default is a volatile function
// call, which makes ADD COLUMN rewrite the table.
func volatile(def string) bool {
	d := strings.ToLower(def)
	for _, fn := range []string{"random(", "gen_random_uuid(", "uuid_generate_v", "clock_timestamp(", "timeofday(", "nextval("} {
		if strings.Contains(d, fn) {
			return true
		}
	}
	return false
}

// literal reports whether a SQLite default is a literal (ADD COLUMN accepts
// only those).
func literal(def string) bool {
	d := strings.TrimSpace(def)
	if d == "" {
		return true
	}
	if d[0] == '\'' || d[0] == '-' || d[0] == '+' || d[0] >= '0' && d[0] <= '9' {
		return true
	}
	switch strings.ToUpper(d) {
	case "NULL", "TRUE", "FALSE":
		return true
	}
	return false
}
