package postgres

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Statements returns the SQL that applies op. It never reads tables: every
// PostgreSQL change is an ALTER, so offline SQL works for every op. Names are
// qualified with the op's (or the table's) schema when it has one.
// SetTableOptions gives no statements (PostgreSQL has no table options, and
// CreateTable ignores them too); a Custom op gives an error wrapping
// [ErrUnsupported].
func (d *Dialect) Statements(_ context.Context, op ops.Op, _ dialect.TableSource) ([]dialect.Statement, error) {
	if err := dialect.CheckOp(d, op); err != nil {
		return nil, err
	}
	switch o := op.(type) {
	case ops.CreateTable:
		if err := d.checkSequence(o.Table.Columns...); err != nil {
			return nil, err
		}
		if v, ok := o.Table.Option("WITH"); ok {
			if _, err := withParams(v); err != nil {
				return nil, err
			}
		}
	case ops.AddColumn:
		if err := d.checkSequence(o.Column); err != nil {
			return nil, err
		}
	case ops.AlterColumn:
		if err := d.checkSequence(o.To); err != nil {
			return nil, err
		}
	}
	if err := checkStorage(op); err != nil {
		return nil, err
	}
	var sqls []string
	noTx := false
	switch o := op.(type) {
	case ops.CreateTable:
		sqls = d.createTable(o.Table)
	case ops.DropTable:
		sqls = []string{"DROP TABLE " + qualify(o.Table.Schema, o.Table.Name)}
	case ops.RenameTable:
		sqls = []string{"ALTER TABLE " + qualify(o.Schema, o.From) + " RENAME TO " + quoteIdent(o.To)}
	case ops.AddColumn:
		sqls = append(sqls, alterTable(o.Schema, o.Table)+" ADD COLUMN "+d.columnDef(o.Column))
		if o.Column.Comment != "" {
			sqls = append(sqls, columnComment(o.Schema, o.Table, o.Column.Name, o.Column.Comment))
		}
		sqls = append(sqls, d.serialOptions(o.Schema, o.Table, o.Column)...)
		if o.Column.Storage != "" {
			sqls = append(sqls, alterTable(o.Schema, o.Table)+" ALTER COLUMN "+quoteIdent(o.Column.Name)+" SET STORAGE "+strings.ToUpper(o.Column.Storage))
		}
	case ops.DropColumn:
		sqls = []string{alterTable(o.Schema, o.Table) + " DROP COLUMN " + quoteIdent(o.Column.Name)}
	case ops.AlterColumn:
		sqls = d.alterColumn(o)
	case ops.RenameColumn:
		sqls = []string{alterTable(o.Schema, o.Table) + " RENAME COLUMN " + quoteIdent(o.From) + " TO " + quoteIdent(o.To)}
	case ops.CreateIndex:
		if err := checkIndex(o.Index); err != nil {
			return nil, fmt.Errorf("postgres: index %s on %s: %w", o.Index.Name, qualify(o.Schema, o.Table), err)
		}
		sqls = []string{d.createIndex(o)}
		if o.Index.Comment != "" {
			sqls = append(sqls, "COMMENT ON INDEX "+qualify(o.Schema, o.Index.Name)+" IS "+quoteString(o.Index.Comment))
		}
		noTx = o.Concurrently
	case ops.DropIndex:
		s := "DROP INDEX "
		if o.Concurrently {
			s += "CONCURRENTLY "
		}
		sqls = []string{s + qualify(o.Schema, o.Index.Name)}
		noTx = o.Concurrently
	case ops.AddPrimaryKey:
		sqls = []string{alterTable(o.Schema, o.Table) + " ADD " + primaryKeyClause(o.PrimaryKey)}
		sqls = append(sqls, constraintComment(o.Schema, o.Table, primaryKeyName(o.Table, o.PrimaryKey.Name), o.PrimaryKey.Comment)...)
	case ops.DropPrimaryKey:
		sqls = []string{dropConstraint(o.Schema, o.Table, primaryKeyName(o.Table, o.PrimaryKey.Name))}
	case ops.AddUnique:
		sqls = []string{alterTable(o.Schema, o.Table) + " ADD " + uniqueClause(o.Unique)}
		sqls = append(sqls, constraintComment(o.Schema, o.Table, o.Unique.Name, o.Unique.Comment)...)
	case ops.DropUnique:
		name := o.Unique.Name
		if name == "" {
			name = objectName(o.Table, strings.Join(o.Unique.Columns, "_"), "key")
		}
		sqls = []string{dropConstraint(o.Schema, o.Table, name)}
	case ops.AddForeignKey:
		sqls = []string{alterTable(o.Schema, o.Table) + " ADD " + foreignKeyClause(o.ForeignKey) + notValid(o.ForeignKey.NotValid)}
		sqls = append(sqls, constraintComment(o.Schema, o.Table, o.ForeignKey.Name, o.ForeignKey.Comment)...)
	case ops.DropForeignKey:
		name := o.ForeignKey.Name
		if name == "" {
			name = objectName(o.Table, strings.Join(o.ForeignKey.Columns, "_"), "fkey")
		}
		sqls = []string{dropConstraint(o.Schema, o.Table, name)}
	case ops.AddCheck:
		sqls = []string{alterTable(o.Schema, o.Table) + " ADD " + checkClause(o.Check) + notValid(o.Check.NotValid)}
		sqls = append(sqls, constraintComment(o.Schema, o.Table, o.Check.Name, o.Check.Comment)...)
	case ops.DropCheck:
		if o.Check.Name == "" {
			return nil, fmt.Errorf("postgres: drop check on %s: the check has no name", qualify(o.Schema, o.Table))
		}
		sqls = []string{dropConstraint(o.Schema, o.Table, o.Check.Name)}
	case ops.CreateExtension:
		var err error
		if sqls, err = createExtension(o.Extension); err != nil {
			return nil, err
		}
	case ops.DropExtension:
		var err error
		if sqls, err = dropExtension(o.Extension); err != nil {
			return nil, err
		}
	case ops.AddExclude:
		sqls = []string{alterTable(o.Schema, o.Table) + " ADD " + excludeClause(o.Exclude)}
		sqls = append(sqls, constraintComment(o.Schema, o.Table, o.Exclude.Name, o.Exclude.Comment)...)
	case ops.DropExclude:
		if o.Exclude.Name == "" {
			return nil, fmt.Errorf("postgres: drop exclusion constraint on %s: the constraint has no name", qualify(o.Schema, o.Table))
		}
		sqls = []string{dropConstraint(o.Schema, o.Table, o.Exclude.Name)}
	case ops.SetObjectComment:
		sqls = objectComment(o)
	case ops.SetTableComment:
		sqls = []string{"COMMENT ON TABLE " + qualify(o.Schema, o.Table) + " IS " + commentLiteral(o.To)}
	case ops.SetTableOptions:
		// PostgreSQL's options are UNLOGGED and WITH (see Canonical);
		// others (MySQL's ENGINE, CHARSET) are ignored here as CreateTable
		// ignores them, so a revision written for several dialects runs
		// on each.
		var err error
		if sqls, err = setTableOptions(o); err != nil || len(sqls) == 0 {
			return nil, err
		}
	case ops.CreateEnum:
		vals := make([]string, len(o.Enum.Values))
		for i, v := range o.Enum.Values {
			vals[i] = quoteString(v)
		}
		sqls = []string{"CREATE TYPE " + enumName(o.Enum.Schema, o.Enum.Name) + " AS ENUM (" + strings.Join(vals, ", ") + ")"}
		if o.Enum.Comment != "" {
			sqls = append(sqls, typeComment(o.Enum.Schema, o.Enum.Name, o.Enum.Comment))
		}
	case ops.ValidateConstraint:
		sqls = []string{alterTable(o.Schema, o.Table) + " VALIDATE CONSTRAINT " + quoteIdent(o.Name())}
	case ops.SetEnumComment:
		sqls = []string{typeComment(o.Schema, o.Enum, o.To)}
	case ops.DropEnum:
		sqls = []string{"DROP TYPE " + enumName(o.Enum.Schema, o.Enum.Name)}
	case ops.AddEnumValue:
		s := "ALTER TYPE " + enumName(o.Schema, o.Enum) + " ADD VALUE " + quoteString(o.Value)
		switch {
		case o.Before != "":
			s += " BEFORE " + quoteString(o.Before)
		case o.After != "":
			s += " AFTER " + quoteString(o.After)
		}
		// Since PostgreSQL 12 this may run in a transaction, but the value
		// cannot be used before that transaction commits: run it on its own.
		sqls, noTx = []string{s}, true
	case ops.Execute:
		return []dialect.Statement{{SQL: o.SQL, NoTransaction: o.NoTransaction}}, nil
	case ops.BulkInsert:
		return dialect.Insert(d, o, literalStyle)
	case ops.RenameEnum:
		sqls = []string{"ALTER TYPE " + enumName(o.Schema, o.From) + " RENAME TO " + quoteIdent(o.To)}
	case ops.Custom:
		return dialect.Custom(d, o)
	default:
		return nil, fmt.Errorf("%w: %T", ErrUnsupported, op)
	}
	out := make([]dialect.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = dialect.Statement{SQL: s, NoTransaction: noTx}
	}
	return out, nil
}

func alterTable(schema, table string) string { return "ALTER TABLE " + qualify(schema, table) }

func dropConstraint(schema, table, name string) string {
	return alterTable(schema, table) + " DROP CONSTRAINT " + quoteIdent(name)
}

// enumName is the enum's name, qualified by schema; a name already quoted or
// qualified is kept as written.
func enumName(schema, name string) string {
	if schema == "" {
		return enumTypeName(name)
	}
	return qualify(schema, name)
}

func identList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}

func constraintName(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + quoteIdent(name) + " "
}

func commentLiteral(c string) string {
	if c == "" {
		return "NULL"
	}
	return quoteString(c)
}

func columnComment(schema, table, col, comment string) string {
	return "COMMENT ON COLUMN " + qualify(schema, table) + "." + quoteIdent(col) + " IS " + commentLiteral(comment)
}

func uniqueClause(u model.Unique) string {
	s := constraintName(u.Name) + "UNIQUE "
	if u.NullsNotDistinct {
		s += "NULLS NOT DISTINCT "
	}
	return s + "(" + identList(u.Columns) + ")" + timing(u.Deferrable, u.InitiallyDeferred)
}

// primaryKeyName is the name of table's primary key: name, or the one
// PostgreSQL gives a key declared without one (table_pkey).
func primaryKeyName(table, name string) string {
	if name == "" {
		return objectName(table, "", "pkey")
	}
	return name
}

func primaryKeyClause(pk model.PrimaryKey) string {
	return constraintName(pk.Name) + "PRIMARY KEY (" + identList(pk.Columns) + ")" + timing(pk.Deferrable, pk.InitiallyDeferred)
}

// timing is a constraint's DEFERRABLE clause, or "".
func timing(deferrable, deferred bool) string {
	switch {
	case deferred:
		return " DEFERRABLE INITIALLY DEFERRED"
	case deferrable:
		return " DEFERRABLE"
	}
	return ""
}

func checkClause(c model.Check) string {
	s := constraintName(c.Name) + "CHECK (" + c.Expr + ")"
	if c.NoInherit {
		s += " NO INHERIT"
	}
	return s
}

// typeComment is COMMENT ON TYPE for an enum type; "" removes the comment.
func typeComment(schema, name, comment string) string {
	text := "NULL"
	if comment != "" {
		text = quoteString(comment)
	}
	return "COMMENT ON TYPE " + enumName(schema, name) + " IS " + text
}

// notValid is " NOT VALID" for a constraint added without checking the
// rows already there ([model.Check.NotValid], [model.ForeignKey.NotValid]),
// else "".
func notValid(nv bool) string {
	if nv {
		return " NOT VALID"
	}
	return ""
}

// objectComment is COMMENT ON INDEX or COMMENT ON CONSTRAINT (of a
// constraint or the primary key) for a comment-only change (an empty To removes the comment).
func objectComment(o ops.SetObjectComment) []string {
	switch o.Object {
	case ops.CommentIndex:
		return []string{"COMMENT ON INDEX " + qualify(o.Schema, o.Name) + " IS " + commentLiteral(o.To)}
	case ops.CommentConstraint:
		return []string{"COMMENT ON CONSTRAINT " + quoteIdent(o.Name) + " ON " + qualify(o.Schema, o.Table) + " IS " + commentLiteral(o.To)}
	case ops.CommentPrimaryKey:
		return []string{"COMMENT ON CONSTRAINT " + quoteIdent(primaryKeyName(o.Table, o.Name)) + " ON " + qualify(o.Schema, o.Table) + " IS " + commentLiteral(o.To)}
	}
	return nil
}

// constraintComment is COMMENT ON CONSTRAINT for a named constraint with a
// comment.
func constraintComment(schema, table, name, comment string) []string {
	if comment == "" || name == "" {
		return nil
	}
	return []string{"COMMENT ON CONSTRAINT " + quoteIdent(name) + " ON " + qualify(schema, table) + " IS " + quoteString(comment)}
}

func foreignKeyClause(fk model.ForeignKey) string {
	s := constraintName(fk.Name) + "FOREIGN KEY (" + identList(fk.Columns) + ") REFERENCES " + qualify(fk.RefSchema, fk.RefTable)
	if len(fk.RefColumns) > 0 {
		s += " (" + identList(fk.RefColumns) + ")"
	}
	if fk.MatchFull {
		s += " MATCH FULL"
	}
	if fk.OnDelete != model.NoAction {
		s += " ON DELETE " + fk.OnDelete.String()
	}
	if fk.OnUpdate != model.NoAction {
		s += " ON UPDATE " + fk.OnUpdate.String()
	}
	return s + timing(fk.Deferrable, fk.InitiallyDeferred)
}

// numbering says how the database numbers a column.
type numbering int

const (
	numberNone numbering = iota
	numberByDefault
	numberAlways
	numberSerial
)

func (n numbering) identity() bool { return n == numberByDefault || n == numberAlways }

func numberingOf(c model.Column) numbering {
	switch {
	case c.Identity == model.IdentityAlways:
		return numberAlways
	case c.Identity == model.IdentityByDefault:
		return numberByDefault
	case c.Serial || (c.AutoIncrement && isSerial(c.Type.SQL)):
		return numberSerial
	case c.AutoIncrement:
		return numberByDefault
	}
	return numberNone
}

// columnDef is a column's definition as CREATE TABLE and ADD COLUMN take it.
func (d *Dialect) columnDef(c model.Column) string {
	typ := d.TypeSQL(c.Type)
	num := numberingOf(c)
	if num == numberSerial && c.Generated.Expr == "" && !isSerial(typ) {
		typ = serialType(typ)
	}
	s := quoteIdent(c.Name) + " " + typ
	if c.Compression != "" {
		s += " COMPRESSION " + c.Compression
	}
	if c.Collation != "" {
		s += " COLLATE " + collationName(c.Collation)
	}
	switch {
	case c.Generated.Expr != "":
		s += " GENERATED ALWAYS AS (" + c.Generated.Expr + ") STORED"
	case isSerial(typ):
	case num == numberAlways:
		s += " GENERATED ALWAYS AS IDENTITY" + d.identityOptions(c)
	case num == numberByDefault:
		s += " GENERATED BY DEFAULT AS IDENTITY" + d.identityOptions(c)
	}
	if c.Default != "" && c.Generated.Expr == "" && (num == numberNone || !strings.HasPrefix(strings.ToLower(c.Default), "nextval(")) {
		s += " DEFAULT " + c.Default
	}
	if !c.Nullable {
		s += " NOT NULL"
	}
	return s
}

// collationName writes a collation for COLLATE: a name as pg_collation
// spells it (C, en_US.utf8, und-x-icu) double-quoted whole, so that its
// dots and dashes are part of the name; a qualified name of quoted
// identifiers (pg_catalog."C") as it is, which [Dialect.CheckValue] has
// checked.
func collationName(c string) string {
	if strings.Contains(c, `"`) {
		return c
	}
	return `"` + c + `"`
}

func (d *Dialect) createTable(t model.Table) []string {
	var defs []string
	for _, c := range t.Columns {
		defs = append(defs, d.columnDef(c))
	}
	if len(t.PrimaryKey.Columns) > 0 {
		defs = append(defs, primaryKeyClause(t.PrimaryKey))
	}
	for _, u := range t.Uniques {
		defs = append(defs, uniqueClause(u))
	}
	// CREATE TABLE cannot hold NOT VALID: such constraints are added
	// right after it.
	var late []string
	for _, fk := range t.ForeignKeys {
		if fk.NotValid {
			late = append(late, alterTable(t.Schema, t.Name)+" ADD "+foreignKeyClause(fk)+notValid(true))
			continue
		}
		defs = append(defs, foreignKeyClause(fk))
	}
	for _, c := range t.Checks {
		if c.NotValid {
			late = append(late, alterTable(t.Schema, t.Name)+" ADD "+checkClause(c)+notValid(true))
			continue
		}
		defs = append(defs, checkClause(c))
	}
	for _, x := range t.Excludes {
		defs = append(defs, excludeClause(x))
	}
	create := "CREATE TABLE "
	if v, _ := t.Option("UNLOGGED"); v == "true" {
		create = "CREATE UNLOGGED TABLE "
	}
	with := ""
	if v, _ := t.Option("WITH"); v != "" {
		if p, err := withParams(v); err == nil {
			with = " WITH (" + p + ")"
		}
	}
	sqls := append([]string{create + qualify(t.Schema, t.Name) + " (\n\t" + strings.Join(defs, ",\n\t") + "\n)" + with}, late...)
	if t.Comment != "" {
		sqls = append(sqls, "COMMENT ON TABLE "+qualify(t.Schema, t.Name)+" IS "+quoteString(t.Comment))
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			sqls = append(sqls, columnComment(t.Schema, t.Name, c.Name, c.Comment))
		}
	}
	for _, c := range t.Columns {
		sqls = append(sqls, d.serialOptions(t.Schema, t.Name, c)...)
		if c.Storage != "" {
			sqls = append(sqls, alterTable(t.Schema, t.Name)+" ALTER COLUMN "+quoteIdent(c.Name)+" SET STORAGE "+strings.ToUpper(c.Storage))
		}
	}
	if len(t.PrimaryKey.Columns) > 0 {
		sqls = append(sqls, constraintComment(t.Schema, t.Name, primaryKeyName(t.Name, t.PrimaryKey.Name), t.PrimaryKey.Comment)...)
	}
	for _, u := range t.Uniques {
		sqls = append(sqls, constraintComment(t.Schema, t.Name, u.Name, u.Comment)...)
	}
	for _, fk := range t.ForeignKeys {
		sqls = append(sqls, constraintComment(t.Schema, t.Name, fk.Name, fk.Comment)...)
	}
	for _, c := range t.Checks {
		sqls = append(sqls, constraintComment(t.Schema, t.Name, c.Name, c.Comment)...)
	}
	for _, x := range t.Excludes {
		sqls = append(sqls, constraintComment(t.Schema, t.Name, x.Name, x.Comment)...)
	}
	return append(sqls, createTableFlags(t)...)
}

// serialOptions sets the options of a new serial column's sequence, when
// the column has any.
func (d *Dialect) serialOptions(schema, table string, c model.Column) []string {
	if numberingOf(c) != numberSerial || c.Sequence == "" {
		return nil
	}
	return []string{onSerialSequence(schema, table, c.Name, "ALTER SEQUENCE", d.resolvedOptions(c, "", true))}
}

func (d *Dialect) createIndex(o ops.CreateIndex) string {
	ix := o.Index
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX ")
	if o.Concurrently {
		b.WriteString("CONCURRENTLY ")
	}
	if ix.Name != "" {
		b.WriteString(quoteIdent(ix.Name) + " ")
	}
	b.WriteString("ON " + qualify(o.Schema, o.Table))
	if ix.Method != "" && !strings.EqualFold(ix.Method, "btree") {
		b.WriteString(" USING " + strings.ToLower(ix.Method))
	}
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Column != "" {
			parts[i] = quoteIdent(p.Column)
		} else {
			parts[i] = "(" + p.Expr + ")"
		}
		if p.Collation != "" {
			parts[i] += " COLLATE " + collationName(p.Collation)
		}
		if p.Opclass != "" {
			parts[i] += " " + p.Opclass
		}
		if p.Desc {
			parts[i] += " DESC"
		}
		if p.Nulls != model.NullsDefault {
			parts[i] += " " + p.Nulls.String()
		}
	}
	b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	if len(ix.Include) > 0 {
		b.WriteString(" INCLUDE (" + identList(ix.Include) + ")")
	}
	if ix.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if ix.StorageParams != "" {
		b.WriteString(" WITH (" + ix.StorageParams + ")")
	}
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}

// alterColumn changes each aspect Change names, in an order PostgreSQL
// accepts: numbering removed, type (its default dropped around the change),
// nullability, default, numbering added or switched, collation, generation,
// comment.
func (d *Dialect) alterColumn(o ops.AlterColumn) []string {
	at := alterTable(o.Schema, o.Table) + " ALTER COLUMN " + quoteIdent(o.To.Name)
	from, to := o.From, o.To
	var sqls []string
	fromNum, toNum := numberingOf(from), numberingOf(to)
	numChange := (o.Change.Has(ops.ChangeAutoIncrement) || o.Change.Has(ops.ChangeIdentity)) && fromNum != toNum
	defaultDropped := false
	if numChange && (toNum == numberNone || fromNum == numberSerial || toNum == numberSerial) && fromNum != numberNone {
		// An identity column loses its identity; a serial column its
		// nextval default and the sequence it owns.
		switch {
		case fromNum == numberSerial:
			sqls = append(sqls, at+" DROP DEFAULT",
				onSerialSequence(o.Schema, o.Table, from.Name, "DROP SEQUENCE", ""))
		case from.Identity == model.IdentityNone:
			// AutoIncrement alone (an op written by hand) may be either
			// kind: drop both.
			sqls = append(sqls, at+" DROP IDENTITY IF EXISTS", at+" DROP DEFAULT")
		default:
			sqls = append(sqls, at+" DROP IDENTITY")
		}
		defaultDropped = true
		fromNum = numberNone
	}
	if o.Change.Has(ops.ChangeGenerated) && from.Generated.Expr != "" && to.Generated.Expr == "" {
		sqls = append(sqls, at+" DROP EXPRESSION")
	}
	if o.Change.Has(ops.ChangeType) || o.Change.Has(ops.ChangeCollation) {
		if from.Default != "" && !defaultDropped && fromNum == numberNone {
			sqls = append(sqls, at+" DROP DEFAULT")
			defaultDropped = true
		}
		typ := d.TypeSQL(to.Type)
		s := at + " TYPE " + typ
		if to.Collation != "" {
			s += " COLLATE " + collationName(to.Collation)
		} else if o.Change.Has(ops.ChangeCollation) {
			s += ` COLLATE "default"`
		}
		switch {
		case o.Using != "":
			s += " USING " + o.Using
		case o.Change.Has(ops.ChangeType):
			s += " USING " + d.using(quoteIdent(to.Name), from, to, typ)
		}
		sqls = append(sqls, s)
	}
	if o.Change.Has(ops.ChangeNullable) {
		if to.Nullable {
			sqls = append(sqls, at+" DROP NOT NULL")
		} else {
			sqls = append(sqls, at+" SET NOT NULL")
		}
	}
	if toNum == numberNone && to.Generated.Expr == "" {
		switch {
		case to.Default != "" && (defaultDropped || o.Change.Has(ops.ChangeDefault)):
			sqls = append(sqls, at+" SET DEFAULT "+to.Default)
		case to.Default == "" && o.Change.Has(ops.ChangeDefault) && !defaultDropped:
			sqls = append(sqls, at+" DROP DEFAULT")
		}
	}
	seqDone := false
	if numChange && toNum == numberSerial {
		if from.Default != "" && !defaultDropped {
			sqls = append(sqls, at+" DROP DEFAULT")
		}
		sqls = append(sqls, d.addSerial(o.Schema, o.Table, to)...)
		seqDone = true
	}
	if numChange && toNum.identity() {
		kind := "BY DEFAULT"
		if toNum == numberAlways {
			kind = "ALWAYS"
		}
		if fromNum == numberNone {
			if from.Default != "" && !defaultDropped {
				sqls = append(sqls, at+" DROP DEFAULT")
			}
			sqls = append(sqls, at+" ADD GENERATED "+kind+" AS IDENTITY"+d.identityOptions(to))
			seqDone = true
			// Start numbering after the rows already there.
			q := qualify(o.Schema, o.Table)
			sqls = append(sqls, "SELECT setval("+serialSequence(o.Schema, o.Table, to.Name)+", max("+quoteIdent(to.Name)+
				")) FROM "+q+" HAVING max("+quoteIdent(to.Name)+") IS NOT NULL")
		} else {
			sqls = append(sqls, at+" SET GENERATED "+kind)
		}
	}
	switch {
	case seqDone:
	case toNum.identity() && o.Change.Has(ops.ChangeSequence):
		if lo, hi, ok := d.widenedRange(from, to); ok {
			sqls = append(sqls, at+" SET MINVALUE "+lo+" SET MAXVALUE "+hi)
		}
		sqls = append(sqls, d.clampSequence(o.Schema, o.Table, to)...)
		sqls = append(sqls, at+" "+d.resolvedOptions(to, "SET ", false))
	case toNum == numberSerial && (o.Change.Has(ops.ChangeSequence) || o.Change.Has(ops.ChangeType)):
		// A serial's sequence keeps its type when the column's changes.
		if lo, hi, ok := d.widenedRange(from, to); ok {
			sqls = append(sqls, onSerialSequence(o.Schema, o.Table, to.Name, "ALTER SEQUENCE", "MINVALUE "+lo+" MAXVALUE "+hi))
		}
		sqls = append(sqls, d.clampSequence(o.Schema, o.Table, to)...)
		sqls = append(sqls, onSerialSequence(o.Schema, o.Table, to.Name, "ALTER SEQUENCE", d.resolvedOptions(to, "", true)))
	}
	if o.Change.Has(ops.ChangeGenerated) && to.Generated.Expr != "" {
		// PostgreSQL 15 cannot add or change a generation expression in
		// place: the column is dropped and added again (its values are
		// computed, so no data is lost; it moves to the end of the table).
		q := alterTable(o.Schema, o.Table)
		sqls = append(sqls, q+" DROP COLUMN "+quoteIdent(to.Name), q+" ADD COLUMN "+d.columnDef(to))
		if to.Comment != "" {
			sqls = append(sqls, columnComment(o.Schema, o.Table, to.Name, to.Comment))
		}
		return sqls
	}
	if o.Change.Has(ops.ChangeStorage) {
		if !strings.EqualFold(from.Storage, to.Storage) {
			if to.Storage == "" {
				sqls = append(sqls, storageReset(o.Schema, o.Table, to.Name))
			} else {
				sqls = append(sqls, at+" SET STORAGE "+strings.ToUpper(to.Storage))
			}
		}
		if !strings.EqualFold(from.Compression, to.Compression) {
			comp := to.Compression
			if comp == "" {
				comp = "DEFAULT"
			}
			sqls = append(sqls, at+" SET COMPRESSION "+comp)
		}
	}
	if o.Change.Has(ops.ChangeComment) {
		sqls = append(sqls, columnComment(o.Schema, o.Table, to.Name, to.Comment))
	}
	return sqls
}

// using returns the USING expression of a type change to typ: an explicit
// cast (through text where there is no direct one: between two enum
// types, to an enum). To a character type with a length, an explicit
// cast would cut the values that do not fit without an error; the value
// goes as text instead, and PostgreSQL's assignment to the column's new
// type fails on a value that is too long, leaving it intact.
func (d *Dialect) using(col string, from, to model.Column, typ string) string {
	if boundedChar(d.NormalizeType(typ)) {
		return col + "::text"
	}
	via := ""
	if from.Type.Enum != "" || to.Type.Enum != "" {
		via = "::text"
	}
	return col + via + "::" + typ
}

// boundedChar reports whether a normalised type is a character type with
// a length: character varying(n), character(n), or character (one).
func boundedChar(typ string) bool {
	if strings.HasSuffix(typ, "]") {
		return false
	}
	base, args := model.SplitType(typ)
	switch base {
	case "character varying", "varchar":
		return len(args) > 0
	case "character", "char", "bpchar":
		return true
	}
	return false
}

// literalStyle writes bytea and timestamptz literals for bulk inserts.
var literalStyle = dialect.LiteralStyle{
	Bytes: func(b []byte) string { return `'\x` + hex.EncodeToString(b) + `'::bytea` },
	Time:  func(t time.Time) string { return "'" + t.Format("2006-01-02 15:04:05.999999-07:00") + "'" },
}
