package mysql

import (
	"context"
	"errors"
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
// MySQL creates an index for a foreign key that no index serves, named
// after the key, and refuses to drop it while the key needs it. So when the
// live table (from tables) shows that a CreateIndex names exactly such an
// index, already there, or a DropIndex names one that nothing else could
// serve, the op gives no statements: the index comes and goes with its key.
// Offline (or for a table the source does not know, one the migration
// creates), CreateIndex on MariaDB is CREATE INDEX IF NOT EXISTS; MySQL 8
// has no such form, so offline SQL that creates a table whose foreign key
// has no index of its own, then that index, fails there.
//
// An AUTO_INCREMENT column is added together with its primary key when the
// live table (or, offline, any table) has none, and the AddPrimaryKey that
// follows finds the key in place and writes nothing; a DropPrimaryKey whose
// live key holds an AUTO_INCREMENT column drops AUTO_INCREMENT with it.
//
// CreateEnum, DropEnum and AddEnumValue give no statements (MySQL enums are
// inline column types, changed by AlterColumn). A Custom op is
// [ErrUnsupported]. tables is also read for RENAME COLUMN on servers older
// than MySQL 8.0 / MariaDB 10.5, which need the column's definition.
func (d *Dialect) Statements(ctx context.Context, op ops.Op, tables dialect.TableSource) ([]dialect.Statement, error) {
	var sqls []string
	switch o := op.(type) {
	case ops.CreateTable:
		sqls = []string{d.createTable(o.Table)}
	case ops.DropTable:
		sqls = []string{"DROP TABLE " + d.table(o.Table.Schema, o.Table.Name)}
	case ops.RenameTable:
		sqls = []string{"RENAME TABLE " + d.table(o.Schema, o.From) + " TO " + d.table(o.Schema, o.To)}
	case ops.AddColumn:
		clause := "ADD COLUMN " + d.columnDef(o.Column)
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
				clause += ", ADD PRIMARY KEY (" + d.QuoteIdent(o.Column.Name) + ")"
			}
		}
		sqls = []string{d.alter(o.Schema, o.Table, clause)}
	case ops.DropColumn:
		sqls = []string{d.alter(o.Schema, o.Table, "DROP COLUMN "+d.QuoteIdent(o.Column.Name))}
	case ops.AlterColumn:
		// MySQL changes a column by restating all of it.
		clause := "MODIFY COLUMN " + d.columnDef(o.To)
		if o.From.Name != "" && o.To.Name != o.From.Name {
			clause = "CHANGE COLUMN " + d.QuoteIdent(o.From.Name) + " " + d.columnDef(o.To)
		}
		sqls = []string{d.alter(o.Schema, o.Table, clause)}
	case ops.RenameColumn:
		s, err := d.renameColumn(ctx, o, tables)
		if err != nil {
			return nil, err
		}
		sqls = []string{s}
	case ops.CreateIndex:
		owned, err := fkOwnsIndex(ctx, tables, o.Schema, o.Table, o.Index, true)
		if err != nil {
			return nil, err
		}
		switch {
		case owned == fkIndexUnknown && d.Flavor == FlavorMariaDB:
			// Offline, or the table is new in this migration: its foreign
			// keys may have made this very index already.
			sqls = []string{strings.Replace(d.createIndex(o.Schema, o.Table, o.Index), "INDEX ", "INDEX IF NOT EXISTS ", 1)}
		case owned != fkIndexOwned:
			sqls = []string{d.createIndex(o.Schema, o.Table, o.Index)}
		}
	case ops.DropIndex:
		owned, err := fkOwnsIndex(ctx, tables, o.Schema, o.Table, o.Index, false)
		if err != nil {
			return nil, err
		}
		if owned != fkIndexOwned {
			sqls = []string{"DROP INDEX " + d.QuoteIdent(o.Index.Name) + " ON " + d.table(o.Schema, o.Table)}
		}
	case ops.AddPrimaryKey:
		t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
		if err != nil {
			return nil, err
		}
		if !ok || !slices.Equal(t.PrimaryKey.Columns, o.PrimaryKey.Columns) {
			sqls = []string{d.alter(o.Schema, o.Table, "ADD PRIMARY KEY ("+d.identList(o.PrimaryKey.Columns)+")")}
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
					clause = "MODIFY COLUMN " + d.columnDef(c) + ", " + clause
				}
			}
		}
		sqls = []string{d.alter(o.Schema, o.Table, clause)}
	case ops.AddUnique:
		sqls = []string{d.alter(o.Schema, o.Table, "ADD UNIQUE INDEX "+d.QuoteIdent(o.Unique.Name)+" ("+d.identList(o.Unique.Columns)+")")}
	case ops.DropUnique:
		sqls = []string{"DROP INDEX " + d.QuoteIdent(o.Unique.Name) + " ON " + d.table(o.Schema, o.Table)}
	case ops.AddForeignKey:
		sqls = []string{d.alter(o.Schema, o.Table, "ADD "+d.foreignKey(o.ForeignKey))}
	case ops.DropForeignKey:
		// The index MySQL created for the key stays, as MySQL leaves it.
		sqls = []string{d.alter(o.Schema, o.Table, "DROP FOREIGN KEY "+d.QuoteIdent(o.ForeignKey.Name))}
	case ops.AddCheck:
		sqls = []string{d.alter(o.Schema, o.Table, "ADD "+d.check(o.Check))}
	case ops.DropCheck:
		// MariaDB drops any constraint with DROP CONSTRAINT; MySQL 8 has
		// DROP CHECK (DROP CONSTRAINT only from 8.0.19).
		kw := "DROP CHECK "
		if d.Flavor == FlavorMariaDB {
			kw = "DROP CONSTRAINT "
		}
		sqls = []string{d.alter(o.Schema, o.Table, kw+d.QuoteIdent(o.Check.Name))}
	case ops.SetTableComment:
		sqls = []string{d.alter(o.Schema, o.Table, "COMMENT = "+quoteString(o.To))}
	case ops.SetTableOptions:
		if len(o.To) > 0 {
			sqls = []string{d.alter(o.Schema, o.Table, d.tableOptions(o.To))}
		}
	case ops.CreateEnum, ops.DropEnum, ops.AddEnumValue:
		// Inline enums: nothing to create or drop.
	case ops.Execute:
		if strings.TrimSpace(o.SQL) != "" {
			sqls = []string{o.SQL}
		}
	case ops.Custom:
		name := "<nil>"
		if o.Op != nil {
			name = o.Op.Name()
		}
		return nil, fmt.Errorf("%w: custom op %q has no MySQL statements; run its SQL with an Execute op", ErrUnsupported, name)
	default:
		return nil, fmt.Errorf("%w: %T", ErrUnsupported, op)
	}
	out := make([]dialect.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = dialect.Statement{SQL: s}
	}
	return out, nil
}

// fkOwnsIndex reports whether the live table has index ix as the index
// MySQL made by itself for a foreign key of the same name, which no other
// index or the primary key could serve. Such an index already exists when a
// table is created with the key (so CreateIndex has nothing to do), and
// cannot be dropped while the key exists (it goes with the key's table).
// Offline, or when the table source does not know the table, it reports
// fkIndexUnknown. creating says whether ix is about to be created (it must
// then match the live index exactly) or dropped.
func fkOwnsIndex(ctx context.Context, tables dialect.TableSource, schema, table string, ix model.Index, creating bool) (fkIndex, error) {
	if ix.Unique || ix.Method != "" && !strings.EqualFold(ix.Method, "BTREE") {
		return fkIndexNotOwned, nil
	}
	if tables == nil {
		return fkIndexUnknown, nil
	}
	t, ok, err := tables.Table(ctx, schema, table)
	if errors.Is(err, dialect.ErrOffline) {
		return fkIndexUnknown, nil
	}
	if err != nil {
		return fkIndexNotOwned, fmt.Errorf("mysql: read table %s: %w", table, err)
	}
	if !ok {
		return fkIndexUnknown, nil
	}
	fkIdx := slices.IndexFunc(t.ForeignKeys, func(fk model.ForeignKey) bool { return fk.Name == ix.Name })
	if fkIdx < 0 {
		return fkIndexNotOwned, nil
	}
	fk := t.ForeignKeys[fkIdx]
	live, found := t.Index(ix.Name)
	if !found {
		return fkIndexNotOwned, nil
	}
	cols := func(parts []model.IndexPart) []string {
		var c []string
		for _, p := range parts {
			if p.Length != 0 || p.Column == "" {
				return nil
			}
			c = append(c, p.Column)
		}
		return c
	}
	owned := func(b bool) fkIndex {
		if b {
			return fkIndexOwned
		}
		return fkIndexNotOwned
	}
	if !slices.Equal(cols(live.Parts), fk.Columns) {
		return fkIndexNotOwned, nil
	}
	if creating {
		return owned(slices.Equal(cols(ix.Parts), fk.Columns)), nil
	}
	// Dropping: only refuse when nothing else could serve the key.
	var others []model.Index
	for _, o := range t.Indexes {
		if o.Name != ix.Name {
			others = append(others, o)
		}
	}
	return owned(!leadsIndex(fk.Columns, t.PrimaryKey.Columns, others)), nil
}

// liveTable reads a table from the source; offline (or without a source)
// it reports ok false and no error.
func liveTable(ctx context.Context, tables dialect.TableSource, schema, table string) (model.Table, bool, error) {
	if tables == nil {
		return model.Table{}, false, nil
	}
	t, ok, err := tables.Table(ctx, schema, table)
	if errors.Is(err, dialect.ErrOffline) {
		return model.Table{}, false, nil
	}
	if err != nil {
		return model.Table{}, false, fmt.Errorf("mysql: read table %s: %w", table, err)
	}
	return t, ok, nil
}

// fkIndex is what fkOwnsIndex found out.
type fkIndex int

const (
	fkIndexNotOwned fkIndex = iota
	fkIndexOwned
	fkIndexUnknown
)

func (d *Dialect) renameColumn(ctx context.Context, o ops.RenameColumn, tables dialect.TableSource) (string, error) {
	if d.hasRenameColumn() {
		return d.alter(o.Schema, o.Table, "RENAME COLUMN "+d.QuoteIdent(o.From)+" TO "+d.QuoteIdent(o.To)), nil
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
	c.Name = o.To
	return d.alter(o.Schema, o.Table, "CHANGE COLUMN "+d.QuoteIdent(o.From)+" "+d.columnDef(c)), nil
}

func (d *Dialect) table(schema, name string) string {
	if schema == "" {
		return d.QuoteIdent(name)
	}
	return d.QuoteIdent(schema) + "." + d.QuoteIdent(name)
}

func (d *Dialect) alter(schema, table, clause string) string {
	return "ALTER TABLE " + d.table(schema, table) + " " + clause
}

func (d *Dialect) identList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = d.QuoteIdent(c)
	}
	return strings.Join(q, ", ")
}

func (d *Dialect) createTable(t model.Table) string {
	var defs []string
	for _, c := range t.Columns {
		defs = append(defs, d.columnDef(c))
	}
	if len(t.PrimaryKey.Columns) > 0 {
		defs = append(defs, "PRIMARY KEY ("+d.identList(t.PrimaryKey.Columns)+")")
	}
	for _, u := range t.Uniques {
		defs = append(defs, "UNIQUE KEY "+d.QuoteIdent(u.Name)+" ("+d.identList(u.Columns)+")")
	}
	for _, ix := range t.Indexes {
		defs = append(defs, d.indexClause(ix))
	}
	for _, fk := range t.ForeignKeys {
		defs = append(defs, d.foreignKey(fk))
	}
	for _, ck := range t.Checks {
		defs = append(defs, d.check(ck))
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + d.table(t.Schema, t.Name) + " (\n  ")
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

// columnDef writes a column definition as CREATE TABLE, ADD COLUMN and
// MODIFY COLUMN take it.
func (d *Dialect) columnDef(c model.Column) string {
	var b strings.Builder
	b.WriteString(d.QuoteIdent(c.Name) + " " + d.TypeSQL(c.Type))
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
			q[i] = d.QuoteIdent(p.Column)
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
	return indexKind(ix) + "KEY " + d.QuoteIdent(ix.Name) + " (" + d.indexParts(ix.Parts) + ")" + indexUsing(ix)
}

func (d *Dialect) createIndex(schema, table string, ix model.Index) string {
	return "CREATE " + indexKind(ix) + "INDEX " + d.QuoteIdent(ix.Name) + " ON " + d.table(schema, table) +
		" (" + d.indexParts(ix.Parts) + ")" + indexUsing(ix)
}

func (d *Dialect) foreignKey(fk model.ForeignKey) string {
	var b strings.Builder
	if fk.Name != "" {
		b.WriteString("CONSTRAINT " + d.QuoteIdent(fk.Name) + " ")
	}
	b.WriteString("FOREIGN KEY (" + d.identList(fk.Columns) + ") REFERENCES " + d.table(fk.RefSchema, fk.RefTable) +
		" (" + d.identList(fk.RefColumns) + ")")
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
	return "CONSTRAINT " + d.QuoteIdent(ck.Name) + " CHECK (" + ck.Expr + ")"
}
