package mysql

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Statements returns the SQL for op. Every op is its own list: MySQL DDL
// is not transactional, so the runner records each op as it completes.
//
// MySQL keeps an index for every foreign key (see fkindex.go). With the
// live table (from tables), CreateIndex and DropIndex follow what MySQL
// does: a key's own index already made with its table is not created again;
// a key's own index that nothing else serves is not dropped (it goes with
// the key); dropping the last index serving a key gives the key its own
// index in the same ALTER TABLE; creating an index that serves a key drops
// the key's own index in the same ALTER TABLE. Offline (or for a table the
// source does not know, one the migration creates), CreateIndex on MariaDB
// is CREATE INDEX IF NOT EXISTS; MySQL 8 has no such form, so offline SQL
// that creates a table whose foreign key has no index of its own, then that
// index, fails there.
//
// An AUTO_INCREMENT column is added together with its primary key when the
// live table (or, offline, any table) has none, and the AddPrimaryKey that
// follows finds the key in place and writes nothing; a DropPrimaryKey whose
// live key holds an AUTO_INCREMENT column drops AUTO_INCREMENT with it.
//
// CreateEnum, DropEnum, AddEnumValue and SetEnumComment give no statements
// (MySQL enums are inline column types, changed by AlterColumn), nor does
// ValidateConstraint (MySQL keeps no NOT VALID constraint). A Custom op is
// [ErrUnsupported]. tables is also read for RENAME COLUMN on servers older
// than MySQL 8.0 / MariaDB 10.5, which need the column's definition.
func (d *Dialect) Statements(ctx context.Context, op ops.Op, tables dialect.TableSource) ([]dialect.Statement, error) {
	if err := dialect.CheckOp(d, op); err != nil {
		return nil, err
	}
	var out []dialect.Statement
	switch o := op.(type) {
	case ops.CreateTable:
		out = one(d.createTable(o.Table))
	case ops.DropTable:
		out = one("DROP TABLE " + qualify(o.Table.Schema, o.Table.Name))
	case ops.RenameTable:
		out = one("RENAME TABLE " + qualify(o.Schema, o.From) + " TO " + qualify(o.Schema, o.To))
	case ops.AddColumn:
		clause := "ADD COLUMN " + d.columnDef(o.Column) + columnPosition(o.Position)
		if o.Column.AutoIncrement {
			// An AUTO_INCREMENT column must be a key from the start (MySQL
			// numbers the existing rows as it adds it): make it the
			// primary key when the table has none; the AddPrimaryKey that
			// follows then finds it done.
			t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
			if err != nil {
				return nil, err
			}
			if !ok || len(t.PrimaryKey.Columns) == 0 {
				clause += ", ADD PRIMARY KEY (" + quoteIdent(o.Column.Name) + ")"
			}
		}
		out = d.alter(o.Schema, o.Table, clause)
	case ops.DropColumn:
		out = d.alter(o.Schema, o.Table, "DROP COLUMN "+quoteIdent(o.Column.Name))
	case ops.AlterColumn:
		if o.Using != "" {
			return nil, fmt.Errorf("%w: alter column %s.%s: MySQL has no USING for a type change; convert the values with op.Execute before it and drop .Using", ErrUnsupported, o.Table, o.To.Name)
		}
		// MySQL changes a column by restating all of it.
		def, err := d.liveColumnDef(ctx, tables, o)
		if err != nil {
			return nil, err
		}
		clause := "MODIFY COLUMN " + def
		if o.From.Name != "" && o.To.Name != o.From.Name {
			clause = "CHANGE COLUMN " + quoteIdent(o.From.Name) + " " + def
		}
		out = d.alter(o.Schema, o.Table, clause)
	case ops.RenameColumn:
		clause, err := d.renameColumn(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		out = d.alter(o.Schema, o.Table, clause)
	case ops.CreateIndex:
		list, err := d.createIndexSQL(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		out = list
	case ops.DropIndex:
		list, err := d.dropIndexSQL(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		out = list
	case ops.AddPrimaryKey:
		t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
		if err != nil {
			return nil, err
		}
		switch {
		case !ok || !slices.Equal(t.PrimaryKey.Columns, o.PrimaryKey.Columns):
			out = d.alter(o.Schema, o.Table, "ADD "+primaryKeyDef(o.PrimaryKey))
		case t.PrimaryKey.Comment != o.PrimaryKey.Comment:
			// The key an AUTO_INCREMENT column was added with: give it
			// its comment.
			out = d.alter(o.Schema, o.Table, "DROP PRIMARY KEY, ADD "+primaryKeyDef(o.PrimaryKey))
		}
	case ops.DropPrimaryKey:
		// An AUTO_INCREMENT column cannot outlive its key: it loses
		// AUTO_INCREMENT in the same statement.
		clause := "DROP PRIMARY KEY"
		t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
		if err != nil {
			return nil, err
		}
		if ok {
			for _, name := range t.PrimaryKey.Columns {
				if c, found := t.Column(name); found && c.AutoIncrement {
					c.AutoIncrement = false
					clause = "MODIFY COLUMN " + d.columnDefIn(t, c) + ", " + clause
				}
			}
		}
		out = d.alter(o.Schema, o.Table, clause)
	case ops.AddUnique:
		out = d.alter(o.Schema, o.Table, "ADD UNIQUE INDEX "+quoteIdent(o.Unique.Name)+" ("+identList(o.Unique.Columns)+")")
	case ops.DropUnique:
		out = []dialect.Statement{d.dropIndex(o.Schema, o.Table, o.Unique.Name)}
	case ops.AddForeignKey:
		ix, keep, err := d.foreignKeyIndex(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		clause := "ADD " + d.foreignKey(o.ForeignKey)
		if keep {
			clause = "DROP INDEX " + quoteIdent(ix.Name) + ", " + d.createIndex(o.Schema, o.Table, ix, false).Clause + ", " + clause
		}
		out = d.alter(o.Schema, o.Table, clause)
	case ops.DropForeignKey:
		// The index MySQL created for the key stays, as MySQL leaves it.
		out = d.alter(o.Schema, o.Table, "DROP FOREIGN KEY "+quoteIdent(o.ForeignKey.Name))
	case ops.AddCheck:
		if o.Check.Column != "" && d.Flavor == FlavorMariaDB {
			list, err := d.columnCheckSQL(ctx, tables, o.Schema, o.Table, o.Check, true)
			if err != nil {
				return nil, err
			}
			out = list
			break
		}
		out = d.alter(o.Schema, o.Table, "ADD "+d.check(o.Check))
	case ops.DropCheck:
		if o.Check.Column != "" && d.Flavor == FlavorMariaDB {
			list, err := d.columnCheckSQL(ctx, tables, o.Schema, o.Table, o.Check, false)
			if err != nil {
				return nil, err
			}
			out = list
			break
		}
		// MariaDB drops any constraint with DROP CONSTRAINT; MySQL 8 has
		// DROP CHECK (DROP CONSTRAINT only from 8.0.19).
		kw := "DROP CHECK "
		if d.Flavor == FlavorMariaDB {
			kw = "DROP CONSTRAINT "
		}
		out = d.alter(o.Schema, o.Table, kw+quoteIdent(o.Check.Name))
	case ops.SetTableComment:
		out = d.alter(o.Schema, o.Table, "COMMENT = "+quoteString(o.To))
	case ops.CreateExtension:
		return nil, extensionUnsupported(o.Extension)
	case ops.DropExtension:
		return nil, extensionUnsupported(o.Extension)
	case ops.AddExclude:
		return nil, excludeUnsupported(o.Table, o.Exclude)
	case ops.DropExclude:
		return nil, excludeUnsupported(o.Table, o.Exclude)
	case ops.SetObjectComment:
		list, err := d.objectComment(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		out = list
	case ops.SetTableOptions:
		if len(o.To) > 0 {
			to, after := splitEngineChange(o.To)
			clause := d.setTableOptions(to)
			rebuild, err := d.rebuildKeysFor(ctx, tables, o)
			if err != nil {
				return nil, err
			}
			clause += rebuild
			out = d.alter(o.Schema, o.Table, clause)
			if len(after) > 0 {
				out = append(out, d.alter(o.Schema, o.Table, d.setTableOptions(after))...)
			}
			if strings.HasPrefix(clause, "CONVERT TO ") {
				// CONVERT TO moves every text column to the new
				// collation, even one MODIFYed in the same statement,
				// and widens a TEXT-family column (TINYTEXT to TEXT,
				// ...) to hold as many characters in wider bytes: the
				// columns with their own collation, and every TEXT-family
				// column, get their type back after.
				t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
				if err != nil {
					return nil, err
				}
				var keep []string
				for _, c := range t.Columns {
					if ok && (c.Charset != "" || c.Collation != "" || widenedByConvert(d.TypeSQL(c.Type))) {
						keep = append(keep, "MODIFY COLUMN "+d.columnDefIn(t, c))
					}
				}
				if len(keep) > 0 {
					out = append(out, d.alter(o.Schema, o.Table, strings.Join(keep, ", "))...)
				}
			}
		}
	case ops.CreateEnum, ops.DropEnum, ops.AddEnumValue, ops.SetEnumComment:
		// Inline enums: nothing to create, drop or comment on.
	case ops.ValidateConstraint:
		// MySQL and MariaDB keep no NOT VALID constraints: nothing to validate.
	case ops.Execute:
		stmts, err := d.splitScript(o.SQL)
		if err != nil {
			return nil, fmt.Errorf("mysql: execute: %w", err)
		}
		out = one(stmts...)
	case ops.RenameEnum:
		return nil, nil // enums are inline column types
	case ops.BulkInsert:
		// DATETIME has no zone: times are written in UTC. A backslash
		// escapes in MySQL strings unless sql_mode has NO_BACKSLASH_ESCAPES.
		return dialect.Insert(d, o, dialect.LiteralStyle{BackslashEscapes: true})
	case ops.Custom:
		return dialect.Custom(d, o)
	default:
		return nil, fmt.Errorf("%w: %T", ErrUnsupported, op)
	}
	return out, nil
}

// one is a list of statements that merge with nothing.
func one(sqls ...string) []dialect.Statement {
	var out []dialect.Statement
	for _, s := range sqls {
		out = append(out, dialect.Statement{SQL: s})
	}
	return out
}

// renameColumn returns the ALTER TABLE clause that renames a column.
func (d *Dialect) renameColumn(ctx context.Context, o ops.RenameColumn, tables dialect.TableSource) (string, error) {
	if d.hasRenameColumn() {
		return "RENAME COLUMN " + quoteIdent(o.From) + " TO " + quoteIdent(o.To), nil
	}
	// Before MySQL 8.0 / MariaDB 10.5: CHANGE COLUMN with the whole
	// definition, read from the live table.
	if tables == nil {
		tables = dialect.NoTables{}
	}
	t, ok, err := tables.Table(ctx, o.Schema, o.Table)
	if err != nil {
		return "", fmt.Errorf("mysql: rename column %s.%s: %w", o.Table, o.From, err)
	}
	c, found := t.Column(o.From)
	if !ok || !found {
		return "", fmt.Errorf("mysql: rename column %s.%s: no such column", o.Table, o.From)
	}
	checks := columnChecks(t, o.From)
	c.Name = o.To
	return "CHANGE COLUMN " + quoteIdent(o.From) + " " + d.columnDefWith(c, checks), nil
}

// columnPosition is " FIRST", " AFTER `col`" or "" (last).
func columnPosition(p ops.ColumnPosition) string {
	switch {
	case p.First:
		return " FIRST"
	case p.After != "":
		return " AFTER " + quoteIdent(p.After)
	}
	return ""
}

// qualify quotes name, schema-qualified when schema is set.
func qualify(schema, name string) string {
	if schema == "" {
		return quoteIdent(name)
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}

// alter is ALTER TABLE table clause, marked so that it may merge with
// other ALTERs of the table (see combine.go).
func (d *Dialect) alter(schema, table, clause string) []dialect.Statement {
	t := qualify(schema, table)
	return []dialect.Statement{{SQL: "ALTER TABLE " + t + " " + clause, AlterTable: t, Clause: clause}}
}

// dropIndex is DROP INDEX name ON table, which merges as the clause
// DROP INDEX name.
func (d *Dialect) dropIndex(schema, table, name string) dialect.Statement {
	return dialect.Statement{
		SQL:        "DROP INDEX " + quoteIdent(name) + " ON " + qualify(schema, table),
		AlterTable: qualify(schema, table), Clause: "DROP INDEX " + quoteIdent(name),
	}
}

// identList quotes each name and joins them with commas.
func identList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = quoteIdent(c)
	}
	return strings.Join(q, ", ")
}

func (d *Dialect) createTable(t model.Table) string {
	var defs []string
	for _, c := range t.Columns {
		defs = append(defs, d.columnDefIn(t, c))
	}
	if len(t.PrimaryKey.Columns) > 0 {
		defs = append(defs, primaryKeyDef(t.PrimaryKey))
	}
	for _, u := range t.Uniques {
		defs = append(defs, "UNIQUE KEY "+quoteIdent(u.Name)+" ("+identList(u.Columns)+")")
	}
	for _, ix := range t.Indexes {
		defs = append(defs, d.indexClause(ix))
	}
	for _, fk := range t.ForeignKeys {
		defs = append(defs, d.foreignKey(fk))
	}
	for _, ck := range t.Checks {
		if ck.Column == "" {
			defs = append(defs, d.check(ck))
		}
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + qualify(t.Schema, t.Name) + " (\n  ")
	b.WriteString(strings.Join(defs, ",\n  "))
	b.WriteString("\n)")
	if opts := d.tableOptions(t.Options); opts != "" {
		b.WriteString(" " + opts)
	}
	if t.Comment != "" {
		b.WriteString(" COMMENT=" + quoteString(t.Comment))
	}
	return b.String()
}

// tableOptions writes ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=x, in
// SHOW CREATE TABLE's order, then other options by name.
func (d *Dialect) tableOptions(opts []model.TableOption) string {
	rank := func(name string) int {
		switch name {
		case OptionEngine:
			return 0
		case OptionCharset:
			return 1
		case OptionCollate:
			return 2
		}
		return 3
	}
	list := CanonicalOptions(opts)
	slices.SortStableFunc(list, func(a, b model.TableOption) int { return rank(a.Name) - rank(b.Name) })
	var parts []string
	for _, o := range list {
		switch o.Name {
		case OptionCharset:
			parts = append(parts, "DEFAULT CHARSET="+o.Value)
		case "COMMENT":
			parts = append(parts, "COMMENT="+quoteString(o.Value))
		default:
			parts = append(parts, o.Name+"="+o.Value)
		}
	}
	return strings.Join(parts, " ")
}

// widenedByConvert reports whether CONVERT TO CHARACTER SET may change a
// column of type t to a wider type: TINYTEXT, TEXT and MEDIUMTEXT grow so
// that their byte limit holds as many characters as before.
func widenedByConvert(t string) bool {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "tinytext", "text", "mediumtext":
		return true
	}
	return false
}

// setTableOptions is the ALTER TABLE clause that sets opts. A new
// character set or collation is CONVERT TO CHARACTER SET ... COLLATE ...,
// which changes the columns that follow the table's default with it (a
// bare DEFAULT CHARSET= or COLLATE= would leave them on the old one, and
// the table would no longer be what a CREATE TABLE with the new options
// makes).
// splitEngineChange returns the options to set with an engine change and
// those to set after it: MariaDB carries Aria's PAGE_CHECKSUM over to the
// new engine after the options given with ENGINE are applied, so a
// PAGE_CHECKSUM given with the change is set in a second statement.
func splitEngineChange(opts []model.TableOption) (with, after []model.TableOption) {
	t := model.Table{Options: opts}
	if _, ok := t.Option(OptionEngine); !ok {
		return opts, nil
	}
	for _, o := range opts {
		if strings.EqualFold(o.Name, "PAGE_CHECKSUM") {
			after = append(after, o)
		} else {
			with = append(with, o)
		}
	}
	return with, after
}

func (d *Dialect) setTableOptions(opts []model.TableOption) string {
	var cs, co string
	var rest []model.TableOption
	for _, o := range CanonicalOptions(opts) {
		switch o.Name {
		case OptionCharset:
			cs = o.Value
		case OptionCollate:
			co = o.Value
		default:
			rest = append(rest, o)
		}
	}
	if cs == "" && co == "" {
		return d.tableOptions(opts)
	}
	if cs == "" {
		cs, _, _ = strings.Cut(co, "_")
	}
	clause := "CONVERT TO CHARACTER SET " + cs
	if co != "" {
		clause += " COLLATE " + co
	}
	if len(rest) > 0 {
		clause += ", " + d.tableOptions(rest)
	}
	return clause
}

// columnDef writes a column definition as CREATE TABLE, ADD COLUMN and
// MODIFY COLUMN take it.
func (d *Dialect) columnDef(c model.Column) string {
	var b strings.Builder
	b.WriteString(quoteIdent(c.Name) + " " + d.TypeSQL(c.Type))
	if c.Charset != "" {
		b.WriteString(" CHARACTER SET " + c.Charset)
	}
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	if c.Generated.Expr != "" {
		b.WriteString(" GENERATED ALWAYS AS (" + c.Generated.Expr + ")")
		if c.Generated.Stored {
			b.WriteString(" STORED")
		} else {
			b.WriteString(" VIRTUAL")
		}
		// MariaDB refuses NULL/NOT NULL on a generated column.
		if d.Flavor != FlavorMariaDB && !c.Nullable {
			b.WriteString(" NOT NULL")
		}
	} else {
		// Columns are nullable unless NOT NULL, except a TIMESTAMP under
		// explicit_defaults_for_timestamp=OFF: say NULL for those.
		switch {
		case !c.Nullable:
			b.WriteString(" NOT NULL")
		case d.typeBase(d.TypeSQL(c.Type)) == "timestamp":
			b.WriteString(" NULL")
		}
		if c.Default != "" && !c.AutoIncrement {
			def := defaultSQL(c.Default)
			if ts, ok := NormalizeTimestampExpr(def); ok {
				def = d.withPrecision(ts, c.Type)
			}
			// MySQL 8 takes a default for BLOB, TEXT, JSON and geometry
			// columns only as an expression: DEFAULT ('x'). MariaDB takes
			// the literal.
			if d.Flavor == FlavorMySQL && def[0] != '(' && exprOnlyDefault(d.typeBase(d.TypeSQL(c.Type))) {
				def = "(" + def + ")"
			}
			b.WriteString(" DEFAULT " + def)
		}
		if c.OnUpdate != "" {
			on := c.OnUpdate
			if ts, ok := NormalizeTimestampExpr(on); ok {
				on = d.withPrecision(ts, c.Type)
			}
			b.WriteString(" ON UPDATE " + on)
		}
		if c.AutoIncrement {
			b.WriteString(" AUTO_INCREMENT")
		}
	}
	if c.Invisible {
		b.WriteString(" INVISIBLE")
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT " + quoteString(c.Comment))
	}
	return b.String()
}

// exprOnlyDefault reports the MySQL 8 types whose defaults must be
// expressions.
func exprOnlyDefault(base string) bool {
	switch base {
	case "tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob", "json",
		"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
		return true
	}
	return false
}

// defaultSQL writes a default for DEFAULT: literals and the current time as
// they are, other expressions in parentheses (MySQL 8 requires them).
func defaultSQL(def string) string {
	s := strings.TrimSpace(def)
	if _, ok := NormalizeTimestampExpr(s); ok {
		return s
	}
	if _, ok := canonicalNumber(s); ok {
		return s
	}
	switch {
	case s == "" || s[0] == '\'' || s[0] == '"' || s[0] == '(' || s[0] == '_':
		return s
	case strings.EqualFold(s, "null"), strings.EqualFold(s, "true"), strings.EqualFold(s, "false"):
		return s
	case len(s) > 2 && (s[0] == 'b' || s[0] == 'B' || s[0] == 'x' || s[0] == 'X') && s[1] == '\'':
		return s
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0b"):
		return s
	}
	return "(" + s + ")"
}

func (d *Dialect) indexParts(parts []model.IndexPart) string {
	q := make([]string, len(parts))
	for i, p := range parts {
		if p.Column != "" {
			q[i] = quoteIdent(p.Column)
			if p.Length > 0 {
				q[i] += "(" + strconv.Itoa(p.Length) + ")"
			}
		} else {
			// A functional key part (MySQL 8.0.13+) needs its own parentheses.
			q[i] = "(" + p.Expr + ")"
		}
		if p.Desc {
			q[i] += " DESC"
		}
	}
	return strings.Join(q, ", ")
}

// indexKind is "UNIQUE ", "FULLTEXT ", "SPATIAL " or "".
func indexKind(ix model.Index) string {
	switch m := strings.ToUpper(ix.Method); {
	case m == "FULLTEXT" || m == "SPATIAL":
		return m + " "
	case ix.Unique:
		return "UNIQUE "
	}
	return ""
}

// indexUsing is " USING BTREE" or " USING HASH" when the method says so.
func indexUsing(ix model.Index) string {
	switch m := strings.ToUpper(ix.Method); m {
	case "BTREE", "HASH":
		return " USING " + m
	}
	return ""
}

func (d *Dialect) indexClause(ix model.Index) string {
	return indexKind(ix) + "KEY " + quoteIdent(ix.Name) + " (" + d.indexParts(ix.Parts) + ")" + indexUsing(ix) + d.indexOptions(ix)
}

// primaryKeyDef is "PRIMARY KEY (cols)" with the key's COMMENT.
func primaryKeyDef(pk model.PrimaryKey) string {
	s := "PRIMARY KEY (" + identList(pk.Columns) + ")"
	if pk.Comment != "" {
		s += " COMMENT " + quoteString(pk.Comment)
	}
	return s
}

// indexOptions is the index's " COMMENT 'text'" and " IGNORED" (MariaDB)
// or " INVISIBLE" (MySQL).
func (d *Dialect) indexOptions(ix model.Index) string {
	var s string
	if ix.Comment != "" {
		s += " COMMENT " + quoteString(ix.Comment)
	}
	if ix.Invisible {
		if d.Flavor == FlavorMariaDB {
			s += " IGNORED"
		} else {
			s += " INVISIBLE"
		}
	}
	return s
}

// createIndex is CREATE INDEX (IF NOT EXISTS when ifNotExists, MariaDB
// only), which merges as the clause ADD INDEX.
func (d *Dialect) createIndex(schema, table string, ix model.Index, ifNotExists bool) dialect.Statement {
	name := quoteIdent(ix.Name)
	if ifNotExists {
		name = "IF NOT EXISTS " + name
	}
	def := " (" + d.indexParts(ix.Parts) + ")" + indexUsing(ix) + d.indexOptions(ix)
	return dialect.Statement{
		SQL:        "CREATE " + indexKind(ix) + "INDEX " + name + " ON " + qualify(schema, table) + def,
		AlterTable: qualify(schema, table), Clause: "ADD " + indexKind(ix) + "INDEX " + name + def,
	}
}

func (d *Dialect) foreignKey(fk model.ForeignKey) string {
	var b strings.Builder
	if fk.Name != "" {
		b.WriteString("CONSTRAINT " + quoteIdent(fk.Name) + " ")
	}
	b.WriteString("FOREIGN KEY (" + identList(fk.Columns) + ") REFERENCES " + qualify(fk.RefSchema, fk.RefTable) +
		" (" + identList(fk.RefColumns) + ")")
	if fk.OnDelete != model.NoAction {
		b.WriteString(" ON DELETE " + fk.OnDelete.String())
	}
	if fk.OnUpdate != model.NoAction {
		b.WriteString(" ON UPDATE " + fk.OnUpdate.String())
	}
	return b.String()
}

func (d *Dialect) check(ck model.Check) string {
	if ck.Name == "" {
		return "CHECK (" + ck.Expr + ")"
	}
	return "CONSTRAINT " + quoteIdent(ck.Name) + " CHECK (" + ck.Expr + ")"
}
