package safety

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// op returns the findings of one op, without Op set: the rules every
// dialect shares, then the dialect's own risks ([dialect.RiskAssessor]).
func (a *analysis) op(op ops.Op) []Finding {
	return append(a.portable(op), a.risks(op)...)
}

// portable returns the findings every dialect shares.
func (a *analysis) portable(op ops.Op) []Finding {
	switch o := op.(type) {
	case ops.DropTable, ops.DropColumn, ops.Execute, ops.Custom:
		return a.dataLoss()
	case ops.AddColumn:
		return a.addColumn(o)
	case ops.AlterColumn:
		return a.alterColumn(o)
	case ops.CreateIndex:
		if a.isNew(o.Schema, o.Table) || !o.Index.Unique {
			return nil
		}
		table := qualify(o.Schema, o.Table)
		return []Finding{{Kind: FailsOnRows, Severity: Warning, Object: table + "." + o.Index.Name,
			Message: "creates unique index " + o.Index.Name + ": fails if " + table + " has duplicate values in (" + strings.Join(o.Index.Columns(), ", ") + ")"}}
	case ops.AddPrimaryKey:
		return a.constraint(o.Schema, o.Table, o.PrimaryKey.Name, "add primary key",
			"fails if "+qualify(o.Schema, o.Table)+" has duplicate or NULL values in ("+strings.Join(o.PrimaryKey.Columns, ", ")+")")
	case ops.AddUnique:
		return a.constraint(o.Schema, o.Table, o.Unique.Name, "add unique",
			"fails if "+qualify(o.Schema, o.Table)+" has duplicate values in ("+strings.Join(o.Unique.Columns, ", ")+")")
	case ops.AddForeignKey:
		fk := o.ForeignKey
		return a.constraint(o.Schema, o.Table, fk.Name, "add foreign key",
			"fails if a row of "+qualify(o.Schema, o.Table)+" has ("+strings.Join(fk.Columns, ", ")+") values missing from "+
				qualify(fk.RefSchema, fk.RefTable)+" ("+strings.Join(fk.RefColumns, ", ")+")")
	case ops.AddCheck:
		if a.widensDropped(o) {
			return nil // every row passed the check it replaces
		}
		return a.constraint(o.Schema, o.Table, o.Check.Name, "add check",
			"fails if a row of "+qualify(o.Schema, o.Table)+" breaks ("+o.Check.Expr+")")
	case ops.AddExclude:
		return a.constraint(o.Schema, o.Table, o.Exclude.Name, "add exclusion constraint",
			"fails if two rows of "+qualify(o.Schema, o.Table)+" conflict (EXCLUDE "+o.Exclude.Def+")")
	}
	return nil
}

func (a *analysis) addColumn(o ops.AddColumn) []Finding {
	c := o.Column
	if a.isNew(o.Schema, o.Table) {
		return nil
	}
	filled := c.Nullable || c.Default != "" && !strings.EqualFold(strings.TrimSpace(c.Default), "NULL") ||
		c.AutoIncrement || c.Identity != model.IdentityNone || c.Generated.Expr != ""
	if filled || a.implicitDefaults() {
		return nil
	}
	obj := qualify(o.Schema, o.Table) + "." + c.Name
	return []Finding{{Kind: FailsOnRows, Severity: Warning, Object: obj,
		Message: "adds NOT NULL column " + obj + " without a default: fails if " + qualify(o.Schema, o.Table) + " has any rows"}}
}

func (a *analysis) alterColumn(o ops.AlterColumn) []Finding {
	if a.isNew(o.Schema, o.Table) {
		return nil
	}
	name := o.To.Name
	if name == "" {
		name = o.From.Name
	}
	obj := qualify(o.Schema, o.Table) + "." + name
	var out []Finding
	if o.Change.Has(ops.ChangeType) {
		out = append(out, a.dataLoss()...)
		from, to := a.enums.Shape(a.d, o.From), a.enums.Shape(a.d, o.To)
		if l := dialect.TypeChangeLoss(a.d, from, to); l.FailsOnRows {
			// Columns keep any value, but the enum's CHECK refuses
			// the values the new type drops.
			out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj,
				Message: "changes " + obj + " " + from.SQL + " -> " + to.SQL + ": " + l.Why})
		}
	}
	if o.Change.Has(ops.ChangeNullable) && !o.To.Nullable {
		msg := "sets " + obj + " NOT NULL: fails if any row has NULL in it"
		if o.To.Default != "" {
			msg += " (the default fills only new rows)"
		}
		out = append(out, Finding{Kind: FailsOnRows, Severity: Warning, Object: obj, Message: msg})
	}
	return out
}

// constraint is the finding of adding a constraint to a table that may
// hold rows that break it.
func (a *analysis) constraint(schema, table, name, what, fails string) []Finding {
	if a.isNew(schema, table) {
		return nil
	}
	obj := qualify(schema, table)
	if name != "" {
		obj += "." + name
	}
	return []Finding{{Kind: FailsOnRows, Severity: Warning, Object: obj, Message: strings.TrimSpace(what+" "+name) + ": " + fails}}
}

// risks returns the dialect's own risks of op as findings.
func (a *analysis) risks(op ops.Op) []Finding {
	ra, ok := a.d.(dialect.RiskAssessor)
	if !ok {
		return nil
	}
	schema, table := opTable(op)
	rc := dialect.RiskContext{New: a.isNew(schema, table), Earlier: a.list[:a.at:a.at]}
	if t, ok := a.table(schema, table); ok {
		rc.Table = &t
	}
	var out []Finding
	for _, r := range ra.Risks(a.withEnumValues(op), rc) {
		out = append(out, Finding{Kind: riskKind(r.Kind), Severity: riskSeverity(r.Level), Object: r.Object, Message: r.Message})
	}
	return out
}

// riskKind is the finding kind of a dialect's risk.
func riskKind(k dialect.RiskKind) Kind {
	switch k {
	case dialect.RiskFailsOnRows:
		return FailsOnRows
	case dialect.RiskRebuild:
		return Rebuild
	}
	return Lock
}

// riskSeverity is the finding severity of a dialect's risk.
func riskSeverity(l dialect.RiskLevel) Severity {
	if l == dialect.RiskWarning {
		return Warning
	}
	return Info
}

// withEnumValues returns op with the values of the enums its column types
// name filled in from the list and Options.Current, so the dialect can
// compare them.
func (a *analysis) withEnumValues(op ops.Op) ops.Op {
	o, ok := op.(ops.AlterColumn)
	if !ok {
		return op
	}
	fill := func(c *model.Column) {
		if len(c.Type.EnumValues) > 0 {
			return
		}
		if t := a.enums.Shape(a.d, *c); t.Family == dialect.FamilyEnum && len(t.Values) > 0 {
			c.Type.EnumValues = t.Values
		}
	}
	fill(&o.From)
	fill(&o.To)
	return o
}

// implicitDefaults reports whether the dialect fills a new NOT NULL column
// of existing rows itself ([dialect.ImplicitDefaults]).
func (a *analysis) implicitDefaults() bool {
	f, ok := a.d.(dialect.ImplicitDefaults)
	return ok && f.ImplicitDefaults()
}
