package mysql

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var (
	_ dialect.RiskAssessor     = (*Dialect)(nil)
	_ dialect.ImplicitDefaults = (*Dialect)(nil)
)

// ImplicitDefaults reports true: MySQL fills the existing rows of a NOT
// NULL column added without a default with its type's implicit default.
func (*Dialect) ImplicitDefaults() bool { return true }

// Risks returns what MySQL's ALTER TABLE costs on a table that holds rows:
// the ALGORITHM=COPY changes, which copy the table and block writes
// meanwhile (dropping the primary key, table options, most type changes,
// character sets and collations, foreign keys added while
// foreign_key_checks is on, check constraints), the in-place rebuilds
// (nullability, adding a primary key), and the implicit default that fills
// a NOT NULL column added without one.
func (d *Dialect) Risks(op ops.Op, rc dialect.RiskContext) []dialect.Risk {
	switch o := op.(type) {
	case ops.DropPrimaryKey:
		return []dialect.Risk{copyLock(o.Schema, o.Table, "dropping the primary key")}
	}
	if rc.New {
		return nil
	}
	switch o := op.(type) {
	case ops.AddColumn:
		c := o.Column
		filled := c.Nullable || c.Default != "" && !strings.EqualFold(strings.TrimSpace(c.Default), "NULL") ||
			c.AutoIncrement || c.Identity != model.IdentityNone || c.Generated.Expr != ""
		if !filled {
			obj := riskName(o.Schema, o.Table) + "." + c.Name
			return []dialect.Risk{{Kind: dialect.RiskFailsOnRows, Level: dialect.RiskInfo, Object: obj,
				Message: "adds NOT NULL column " + obj + " without a default: MySQL fills existing rows with the type's implicit default (0, '' or a zero date), which strict mode may refuse"}}
		}
	case ops.AlterColumn:
		return d.alterColumnRisks(o)
	case ops.AddPrimaryKey:
		t := riskName(o.Schema, o.Table)
		return []dialect.Risk{{Kind: dialect.RiskLock, Level: dialect.RiskInfo, Object: t,
			Message: "adding a primary key rebuilds " + t + " in place (ALGORITHM=INPLACE)"}}
	case ops.AddForeignKey:
		return []dialect.Risk{copyLock(o.Schema, o.Table, "adding a foreign key while foreign_key_checks is on")}
	case ops.AddCheck:
		return []dialect.Risk{copyLock(o.Schema, o.Table, "adding a check constraint")}
	case ops.SetTableOptions:
		return []dialect.Risk{copyLock(o.Schema, o.Table, "changing table options")}
	}
	return nil
}

func (d *Dialect) alterColumnRisks(o ops.AlterColumn) []dialect.Risk {
	name := o.To.Name
	if name == "" {
		name = o.From.Name
	}
	table := riskName(o.Schema, o.Table)
	obj := table + "." + name
	var out []dialect.Risk
	if o.Change.Has(ops.ChangeType) {
		from, to := d.riskType(o.From), d.riskType(o.To)
		if !inPlace(from, to, o.To.Charset) {
			out = append(out, copyLock(o.Schema, o.Table, "changing "+obj+" "+from.sql+" -> "+to.sql))
		}
	}
	switch {
	case o.Change.Has(ops.ChangeCollation):
		out = append(out, copyLock(o.Schema, o.Table, "changing the character set or collation of "+obj))
	case o.Change.Has(ops.ChangeNullable) && !o.Change.Has(ops.ChangeType):
		out = append(out, dialect.Risk{Kind: dialect.RiskLock, Level: dialect.RiskInfo, Object: table,
			Message: "changes the nullability of " + obj + ": MySQL rebuilds " + table + " in place (ALGORITHM=INPLACE, concurrent writes allowed)"})
	}
	return out
}

// copyLock is the risk of an ALGORITHM=COPY change.
func copyLock(schema, table, what string) dialect.Risk {
	t := riskName(schema, table)
	return dialect.Risk{Kind: dialect.RiskLock, Level: dialect.RiskWarning, Object: t,
		Message: what + " needs ALGORITHM=COPY: MySQL copies " + t + " and blocks writes to it meanwhile"}
}

// riskName is schema.name, or name, unquoted as reviewers read it.
func riskName(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// riskType is a column type read for [inPlace].
type riskType struct {
	sql, base string
	size      int64 // a varchar's length
	enum      bool
	values    []string // an enum's or set's values
}

// riskType reads a column's type as the catalog spells it.
func (d *Dialect) riskType(c model.Column) riskType {
	sql := c.Type.SQL
	if sql == "" {
		sql = d.TypeSQL(c.Type)
	}
	sql = d.NormalizeType(sql)
	base, args := model.SplitType(sql)
	t := riskType{sql: sql, base: base}
	if len(args) > 0 {
		t.size, _ = strconv.ParseInt(strings.TrimSpace(args[0]), 10, 64)
	}
	switch {
	case c.Type.Enum != "" || len(c.Type.EnumValues) > 0:
		t.enum, t.values = true, c.Type.EnumValues
	case base == "enum" || base == "set":
		t.enum = true
		for _, a := range args {
			t.values = append(t.values, unquoteRisk(a))
		}
	}
	return t
}

func unquoteRisk(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// inPlace reports whether MySQL can change the column's type without
// ALGORITHM=COPY: a VARCHAR widened within the same length-byte class (at
// most 255 bytes, or more than 255 on both sides), or ENUM/SET values
// appended at the end.
func inPlace(from, to riskType, charset string) bool {
	if from.sql == to.sql {
		return true
	}
	if from.base == "varchar" && to.base == "varchar" && to.size >= from.size && from.size > 0 {
		bpc := bytesPerChar(charset)
		return (from.size*bpc <= 255) == (to.size*bpc <= 255)
	}
	if from.enum && to.enum && from.base == to.base && len(to.values) >= len(from.values) {
		for i, v := range from.values {
			if to.values[i] != v {
				return false
			}
		}
		return true
	}
	return false
}

// bytesPerChar is the widest character of a character set; unknown and
// empty (the table's default, utf8mb4 on MySQL 8) count 4.
func bytesPerChar(charset string) int64 {
	switch strings.ToLower(charset) {
	case "latin1", "ascii", "binary", "latin2", "cp1250", "cp1251", "cp1252":
		return 1
	case "utf8", "utf8mb3", "ucs2":
		return 3
	}
	return 4
}
