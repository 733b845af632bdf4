package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Statements returns the SQL for op. Ops that need a table rebuild read the
// live table from tables; see the package documentation.
func (d *Dialect) Statements(ctx context.Context, op ops.Op, tables dialect.TableSource) ([]dialect.Statement, error) {
	if tables == nil {
		tables = dialect.NoTables{}
	}
	if err := dialect.CheckOp(d, op); err != nil {
		return nil, err
	}
	switch o := op.(type) {
	case ops.CreateTable:
		return one(createTableSQL(o.Table, qualify(o.Table.Schema, o.Table.Name))), nil
	case ops.DropTable:
		return one("DROP TABLE " + qualify(o.Table.Schema, o.Table.Name)), nil
	case ops.RenameTable:
		if strings.EqualFold(o.From, o.To) {
			// SQLite refuses a new name that differs only in case ("there
			// is already another table or index with this name"): rename
			// through a name of its own.
			tmp := rebuildPrefix + o.To
			return []dialect.Statement{
				{SQL: "ALTER TABLE " + qualify(o.Schema, o.From) + " RENAME TO " + quoteIdent(tmp)},
				{SQL: "ALTER TABLE " + qualify(o.Schema, tmp) + " RENAME TO " + quoteIdent(o.To)},
			}, nil
		}
		return one("ALTER TABLE " + qualify(o.Schema, o.From) + " RENAME TO " + quoteIdent(o.To)), nil
	case ops.AddColumn:
		return d.addColumn(ctx, o, tables)
	case ops.DropColumn:
		return d.dropColumn(ctx, o, tables)
	case ops.AlterColumn:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "alter column "+o.From.Name, op)
	case ops.RenameColumn:
		return one("ALTER TABLE " + qualify(o.Schema, o.Table) + " RENAME COLUMN " + quoteIdent(o.From) + " TO " + quoteIdent(o.To)), nil
	case ops.CreateIndex:
		return one(createIndexSQL(o.Schema, o.Table, o.Index)), nil
	case ops.DropIndex:
		return one("DROP INDEX " + qualify(o.Schema, o.Index.Name)), nil
	case ops.AddPrimaryKey:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "add primary key", op)
	case ops.DropPrimaryKey:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "drop primary key", op)
	case ops.AddUnique:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "add unique", op)
	case ops.DropUnique:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "drop unique", op)
	case ops.AddForeignKey:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "add foreign key", op)
	case ops.DropForeignKey:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "drop foreign key", op)
	case ops.AddCheck:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "add check", op)
	case ops.DropCheck:
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "drop check", op)
	case ops.SetTableOptions:
		if !changesOptions(o) {
			return nil, nil // other dialects' options: SQLite has none of them
		}
		return d.rebuildFor(ctx, tables, o.Schema, o.Table, "set table options", op)
	case ops.AddExclude, ops.DropExclude:
		return nil, fmt.Errorf("%w: exclusion constraints are PostgreSQL's; SQLite has none", ErrUnsupported)
	case ops.CreateExtension, ops.DropExtension:
		return nil, fmt.Errorf("%w: extensions are PostgreSQL's; SQLite has none", ErrUnsupported)
	case ops.SetTableComment, ops.SetObjectComment, ops.CreateEnum, ops.DropEnum, ops.AddEnumValue, ops.SetEnumComment, ops.ValidateConstraint:
		// SQLite has no comments or enum types.
		return nil, nil
	case ops.Execute:
		if strings.TrimSpace(o.SQL) == "" {
			return nil, nil
		}
		return []dialect.Statement{{SQL: o.SQL, NoTransaction: o.NoTransaction}}, nil
	case ops.BulkInsert:
		return dialect.Insert(d, o, dialect.LiteralStyle{})
	case ops.RenameEnum:
		return nil, nil // no named enum types: enum columns are TEXT with a CHECK
	case ops.Custom:
		return dialect.Custom(d, o)
	}
	return nil, fmt.Errorf("sqlite: op %T: %w", op, ErrUnsupported)
}

// rebuildFor rebuilds the table with op applied ([Dialect.applyToTable]).
func (d *Dialect) rebuildFor(ctx context.Context, tables dialect.TableSource, schema, table, what string, op ops.Op) ([]dialect.Statement, error) {
	return d.rebuild(ctx, tables, schema, table, what, func(t *model.Table, src map[string]string) error {
		return d.applyToTable(t, src, op)
	})
}

func one(sql string) []dialect.Statement { return []dialect.Statement{{SQL: sql}} }

// qualify quotes a table or index name, qualified by an attached database.
func qualify(schema, name string) string {
	if schema == "" {
		return quoteIdent(name)
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}

func identList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}

// createTableSQL writes CREATE TABLE for t under the (quoted) name. Indexes
// are not part of it: they are CreateIndex ops.
func createTableSQL(t model.Table, name string) string {
	auto := autoIncrementColumn(t)
	keyCol := columnKey(t, auto)
	var defs []string
	for _, c := range t.Columns {
		def := columnDef(c, c.Name == auto, "")
		if c.Name == keyCol {
			def = columnDef(c, c.Name == auto, constraint(t.PrimaryKey.Name)+"PRIMARY KEY"+keyOrder(t.PrimaryKey, c.Name)+conflictSQL(t.PrimaryKey.OnConflict))
		}
		for _, u := range t.Uniques {
			if uniqueOnColumn(u) && strings.EqualFold(u.Columns[0], c.Name) {
				def += " " + constraint(u.Name) + "UNIQUE" + conflictSQL(u.OnConflict)
			}
		}
		defs = append(defs, def)
	}
	if len(t.PrimaryKey.Columns) > 0 && keyCol == "" {
		keys := make([]string, len(t.PrimaryKey.Columns))
		for i, c := range t.PrimaryKey.Columns {
			keys[i] = quoteIdent(c) + keyOrder(t.PrimaryKey, c)
		}
		defs = append(defs, constraint(t.PrimaryKey.Name)+"PRIMARY KEY ("+strings.Join(keys, ", ")+")"+conflictSQL(t.PrimaryKey.OnConflict))
	}
	for _, u := range t.Uniques {
		if !uniqueOnColumn(u) {
			defs = append(defs, constraint(u.Name)+"UNIQUE ("+identList(u.Columns)+")"+conflictSQL(u.OnConflict))
		}
	}
	for _, fk := range t.ForeignKeys {
		defs = append(defs, foreignKeySQL(fk))
	}
	for _, ck := range withEnumChecks(t, nil) {
		defs = append(defs, constraint(ck.Name)+"CHECK ("+ck.Expr+")")
	}
	return "CREATE TABLE " + name + " (\n\t" + strings.Join(defs, ",\n\t") + "\n)" + tableOptions(t)
}

// columnKey returns the column whose definition carries the primary key:
// the AUTOINCREMENT column, or the one column of a key with a DESC order
// or an ON CONFLICT clause (written there as SQLite keeps such a key when
// a table declares it on the column); "" when the key is a table
// constraint.
func columnKey(t model.Table, auto string) string {
	pk := t.PrimaryKey
	if auto != "" {
		return auto
	}
	if len(pk.Columns) == 1 && (len(pk.Desc) > 0 || pk.OnConflict != model.ConflictDefault) {
		return pk.Columns[0]
	}
	return ""
}

// uniqueOnColumn reports whether u is written on its column: a one-column
// constraint with an ON CONFLICT clause.
func uniqueOnColumn(u model.Unique) bool {
	return len(u.Columns) == 1 && u.OnConflict != model.ConflictDefault
}

// keyOrder is " DESC" for a key column that descends, else "".
func keyOrder(pk model.PrimaryKey, col string) string {
	if inListFold(pk.Desc, col) {
		return " DESC"
	}
	return ""
}

// conflictSQL is " ON CONFLICT action", or "" for the default.
func conflictSQL(a model.ConflictAction) string {
	if a == model.ConflictDefault {
		return ""
	}
	return " ON CONFLICT " + a.String()
}

// tableOptions writes the table options SQLite has, STRICT and WITHOUT
// ROWID; other dialects' options (ENGINE, ...) are ignored.
func tableOptions(t model.Table) string {
	var opts []string
	if hasOption(t, "STRICT") {
		opts = append(opts, "STRICT")
	}
	if hasOption(t, "WITHOUT ROWID") {
		opts = append(opts, "WITHOUT ROWID")
	}
	if len(opts) == 0 {
		return ""
	}
	return " " + strings.Join(opts, ", ")
}

// hasOption reports whether t sets the named option; the value OFF
// (what [Dialect.ResetTableOption] resets it to) means not set.
func hasOption(t model.Table, name string) bool {
	for _, o := range t.Options {
		if strings.EqualFold(strings.Join(strings.Fields(o.Name), " "), name) {
			return !strings.EqualFold(strings.TrimSpace(o.Value), optionOff)
		}
	}
	return false
}

// optionOff is the value that clears STRICT or WITHOUT ROWID.
const optionOff = "OFF"

// ResetTableOption returns OFF for STRICT and WITHOUT ROWID, so that a
// table whose target does not name them loses them (diff's
// OptionResetter); SQLite has no other table options.
func (*Dialect) ResetTableOption(name string) (string, bool) {
	n := strings.ToUpper(strings.Join(strings.Fields(name), " "))
	return optionOff, n == "STRICT" || n == "WITHOUT ROWID"
}

func constraint(name string) string {
	if name == "" {
		return ""
	}
	return "CONSTRAINT " + quoteIdent(name) + " "
}

// columnDef writes one column definition; key is the column's PRIMARY KEY
// clause ([CONSTRAINT name] PRIMARY KEY [DESC] [ON CONFLICT action]) when
// the key is written on the column. The auto-increment key is written
// INTEGER [NOT NULL] key AUTOINCREMENT, the one spelling that makes a
// rowid alias that never reuses ids; NOT NULL is written as the column
// declares it, with its ON CONFLICT clause.
func columnDef(c model.Column, auto bool, key string) string {
	var b strings.Builder
	b.WriteString(quoteIdent(c.Name))
	typ := typeSQL(c.Type)
	if auto {
		typ = "INTEGER"
	}
	if typ != "" {
		b.WriteString(" " + typ)
	}
	if !c.Nullable {
		b.WriteString(" NOT NULL" + conflictSQL(c.NotNullOnConflict))
	}
	if key != "" {
		b.WriteString(" " + key)
	}
	if auto {
		b.WriteString(" AUTOINCREMENT")
	}
	if c.Default != "" && c.Generated.Expr == "" && !auto {
		b.WriteString(" DEFAULT " + defaultSQL(c.Default))
	}
	if c.Collation != "" {
		b.WriteString(" COLLATE " + quoteIdent(c.Collation))
	}
	if c.Generated.Expr != "" {
		b.WriteString(" GENERATED ALWAYS AS (" + c.Generated.Expr + ")")
		if c.Generated.Stored {
			b.WriteString(" STORED")
		} else {
			b.WriteString(" VIRTUAL")
		}
	}
	return b.String()
}

// defaultSQL writes a default: literals and CURRENT_* as they are, an
// identifier standing alone (DEFAULT "x", which SQLite stores as the
// string 'x') as that string, any other expression in parentheses (SQLite
// reports it without them).
func defaultSQL(def string) string {
	if lit, ok := identDefault(def); ok {
		return lit
	}
	if isLiteral(def) || isKeywordDefault(def) {
		return strings.TrimSpace(def)
	}
	return "(" + def + ")"
}

func foreignKeySQL(fk model.ForeignKey) string {
	s := constraint(fk.Name) + "FOREIGN KEY (" + identList(fk.Columns) + ") REFERENCES " + quoteIdent(fk.RefTable)
	if len(fk.RefColumns) > 0 {
		s += " (" + identList(fk.RefColumns) + ")"
	}
	if fk.OnDelete != model.NoAction {
		s += " ON DELETE " + fk.OnDelete.String()
	}
	if fk.OnUpdate != model.NoAction {
		s += " ON UPDATE " + fk.OnUpdate.String()
	}
	switch {
	case fk.InitiallyDeferred:
		s += " DEFERRABLE INITIALLY DEFERRED"
	case fk.Deferrable:
		s += " DEFERRABLE"
	}
	return s
}

// createIndexSQL writes CREATE [UNIQUE] INDEX; expression parts and the
// WHERE predicate are written as given, which is how SQLite keeps them.
func createIndexSQL(schema, table string, ix model.Index) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + qualify(schema, ix.Name) + " ON " + quoteIdent(table) + " (")
	for i, p := range ix.Parts {
		if i > 0 {
			b.WriteString(", ")
		}
		if p.Expr != "" {
			b.WriteString(p.Expr)
		} else {
			b.WriteString(quoteIdent(p.Column))
		}
		if p.Collation != "" {
			b.WriteString(" COLLATE " + quoteIdent(p.Collation))
		}
		if p.Desc {
			b.WriteString(" DESC")
		}
	}
	b.WriteString(")")
	if ix.Where != "" {
		b.WriteString(" WHERE " + ix.Where)
	}
	return b.String()
}

// addColumn uses ALTER TABLE ADD COLUMN when SQLite allows it: not for a
// NOT NULL column without a default, a default that is not a literal
// (CURRENT_TIMESTAMP, expressions), a STORED generated column or an enum
// column (whose CHECK is a table constraint); those rebuild the table.
//
// ADD COLUMN puts the column last: a column placed anywhere else
// (o.Position, FIRST or AFTER a column that is not the last) rebuilds the
// table with the column in its place, which reads the live table.
func (d *Dialect) addColumn(ctx context.Context, o ops.AddColumn, tables dialect.TableSource) ([]dialect.Statement, error) {
	c := o.Column
	if addsInPlace(c) {
		last := o.Position.IsLast()
		if !last {
			live, ok, err := tables.Table(ctx, o.Schema, o.Table)
			last = err == nil && ok && addsLast(o, live)
		}
		if last {
			return one("ALTER TABLE " + qualify(o.Schema, o.Table) + " ADD COLUMN " + columnDef(c, false, "")), nil
		}
	}
	return d.rebuildFor(ctx, tables, o.Schema, o.Table, "add column "+c.Name, o)
}

// addsLast reports whether o puts its column after the last column of t
// (where ADD COLUMN puts it).
func addsLast(o ops.AddColumn, t model.Table) bool {
	switch {
	case o.Position.IsLast():
		return true
	case o.Position.First:
		return len(t.Columns) == 0
	}
	return len(t.Columns) > 0 && strings.EqualFold(t.Columns[len(t.Columns)-1].Name, o.Position.After)
}

// addsInPlace reports whether ALTER TABLE ADD COLUMN can add c: a column
// that may be NULL or has a literal default, is not a stored generated
// column and has no enum CHECK. Others need a rebuild.
func addsInPlace(c model.Column) bool {
	return (c.Nullable || c.Default != "" && !strings.EqualFold(strings.TrimSpace(c.Default), "NULL")) &&
		(c.Default == "" || isLiteral(c.Default)) &&
		!(c.Generated.Expr != "" && c.Generated.Stored) &&
		len(c.Type.EnumValues) == 0
}

// dropColumn uses ALTER TABLE DROP COLUMN unless the column is in the
// primary key, an index, a unique constraint, a foreign key, a check or a
// generated column's expression; then it rebuilds the table without the
// column and without the indexes and constraints that name it. Offline it
// writes ALTER TABLE DROP COLUMN, which SQLite refuses in those cases.
func (d *Dialect) dropColumn(ctx context.Context, o ops.DropColumn, tables dialect.TableSource) ([]dialect.Statement, error) {
	alter := one("ALTER TABLE " + qualify(o.Schema, o.Table) + " DROP COLUMN " + quoteIdent(o.Column.Name))
	live, ok, err := tables.Table(ctx, o.Schema, o.Table)
	if errors.Is(err, dialect.ErrOffline) {
		return alter, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: drop column %s.%s: %w", o.Table, o.Column.Name, err)
	}
	if !ok {
		return nil, fmt.Errorf("sqlite: drop column %s.%s: %w", o.Table, o.Column.Name, ErrNoTable)
	}
	if columnIndex(&live, o.Column.Name) < 0 {
		return nil, fmt.Errorf("sqlite: drop column %s.%s: %w", o.Table, o.Column.Name, ErrNotFound)
	}
	if !entangled(live, o.Column.Name) {
		return alter, nil
	}
	return d.rebuildFrom(ctx, tables, live, o.Schema, "drop column "+o.Column.Name, func(t *model.Table, src map[string]string) error {
		return d.applyToTable(t, src, o)
	})
}

// entangled reports whether ALTER TABLE DROP COLUMN would refuse col.
func entangled(t model.Table, col string) bool {
	if inListFold(t.PrimaryKey.Columns, col) {
		return true
	}
	for _, ix := range t.Indexes {
		if indexMentions(ix, col) {
			return true
		}
	}
	for _, u := range t.Uniques {
		if inListFold(u.Columns, col) {
			return true
		}
	}
	for _, fk := range t.ForeignKeys {
		if inListFold(fk.Columns, col) {
			return true
		}
	}
	for _, ck := range t.Checks {
		if mentions(ck.Expr, col) {
			return true
		}
	}
	for _, c := range t.Columns {
		if c.Generated.Expr != "" && mentions(c.Generated.Expr, col) {
			return true
		}
	}
	return false
}

func indexMentions(ix model.Index, col string) bool {
	for _, p := range ix.Parts {
		if strings.EqualFold(p.Column, col) || (p.Expr != "" && mentions(p.Expr, col)) {
			return true
		}
	}
	return ix.Where != "" && mentions(ix.Where, col)
}

func inListFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
