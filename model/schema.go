package model

import "strings"

// Schema is a set of tables and enum types: what a database holds, or what
// the models say it should hold.
type Schema struct {
	// Tables in no particular order; consumers that produce output sort them.
	Tables []Table
	// Enums are named enum types (PostgreSQL CREATE TYPE ... AS ENUM).
	Enums []Enum
	// Extensions are the PostgreSQL extensions the schema needs (models)
	// or the database has (a catalog reader), in no particular order.
	Extensions []Extension
	// AllExtensions says that Extensions lists every extension there is,
	// as a catalog reader does: diff then drops an extension the current
	// schema has and this one does not list. Models list the extensions
	// they need, not every one the database holds (plpgsql, a team's
	// pg_stat_statements), so they leave it false, and an extension they
	// do not name is left alone.
	AllExtensions bool
	// ServerOrder says that each table's Indexes and its table-level
	// Checks (those with no Column) are each in the order the server lists
	// them (MariaDB's SHOW CREATE TABLE: the key lines, then the CONSTRAINT
	// ... CHECK lines), as a catalog reader that reads that order gives
	// them: diff may then tell whether a migration leaves either in
	// another order (index order, check order: not compared). It is one
	// flag because one reader reads both orders or neither.
	// Models leave it false: the loader sorts indexes and checks by name,
	// and GORM and bun create them in orders of their own, so a model's
	// order says nothing about the database's.
	ServerOrder bool
}

// Table returns the table with the given schema and name.
func (s *Schema) Table(schema, name string) (Table, bool) {
	for _, t := range s.Tables {
		if t.Schema == schema && t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

// Enum returns the enum type with the given schema and name.
func (s *Schema) Enum(schema, name string) (Enum, bool) {
	for _, e := range s.Enums {
		if e.Schema == schema && e.Name == name {
			return e, true
		}
	}
	return Enum{}, false
}

// Table is one table.
type Table struct {
	// Schema is the namespace ("" for the connection's default schema).
	Schema string
	Name   string
	// Columns in table order.
	Columns []Column
	// PrimaryKey has no columns when the table has no primary key.
	PrimaryKey  PrimaryKey
	Indexes     []Index
	Uniques     []Unique
	ForeignKeys []ForeignKey
	Checks      []Check
	// Excludes are exclusion constraints (PostgreSQL EXCLUDE), in no
	// particular order.
	Excludes []Exclude
	Comment  string
	// Options are dialect table options such as MySQL's ENGINE or CHARSET,
	// sorted by name.
	Options []TableOption
	// RenamedFrom is the table's previous name (same schema), from a
	// renamed_from= table option: a hint that lets diff emit a rename
	// instead of a drop and a create. It is never set by catalog readers
	// and is not part of the table's shape.
	RenamedFrom string
}

// QualifiedName is "schema.name", or just the name in the default schema.
func (t *Table) QualifiedName() string {
	if t.Schema == "" {
		return t.Name
	}
	return t.Schema + "." + t.Name
}

// Column returns the column with the given name.
func (t *Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// KeyCollation is the collation an index key on column col adds to the
// column's own, as [IndexPart.Collation] keeps it: "" when coll is empty
// or is the column's own collation (fallback, the server's default, for a
// column that declares none), else coll.
func (t *Table) KeyCollation(col, coll, fallback string) string {
	own := fallback
	if c, ok := t.Column(col); ok && c.Collation != "" {
		own = c.Collation
	}
	if coll == "" || strings.EqualFold(coll, own) {
		return ""
	}
	return coll
}

// Index returns the index with the given name.
func (t *Table) Index(name string) (Index, bool) {
	for _, ix := range t.Indexes {
		if ix.Name == name {
			return ix, true
		}
	}
	return Index{}, false
}

// Option returns the value of the named table option.
func (t *Table) Option(name string) (string, bool) {
	for _, o := range t.Options {
		if strings.EqualFold(o.Name, name) {
			return o.Value, true
		}
	}
	return "", false
}

// TableOption is one dialect table option, e.g. {"ENGINE", "InnoDB"}.
type TableOption struct {
	Name  string
	Value string
}

// Column is one column.
type Column struct {
	Name string
	Type Type
	// Nullable is true when the column accepts NULL.
	Nullable bool
	// Default is the server default as an SQL expression ('x', 0,
	// CURRENT_TIMESTAMP); empty when the column has none.
	Default string
	// AutoIncrement marks an integer key the database numbers itself
	// (SQLite AUTOINCREMENT/rowid alias, MySQL AUTO_INCREMENT, PostgreSQL
	// serial).
	AutoIncrement bool
	// Identity is a PostgreSQL identity column.
	Identity Identity
	// Generated is set for a generated (computed) column.
	Generated Generated
	Comment   string
	// Charset and Collation are set only where they differ from the table's.
	Charset   string
	Collation string
	// OnUpdate is MySQL's ON UPDATE expression (CURRENT_TIMESTAMP).
	OnUpdate string
	// Invisible hides the column from SELECT * (MariaDB and MySQL
	// INVISIBLE); it is still there when named. Tag: invisible.
	Invisible bool
	// RenamedFrom is the column's previous name, from a renamed_from= tag: a
	// hint that lets diff emit a rename instead of a drop and an add. It is
	// never set by catalog readers and is not part of the column's shape.
	RenamedFrom string

	// Numbering details (issue 12, fidelity); the zero values are the
	// dialect's defaults.

	// Serial marks an AutoIncrement column numbered by a default that draws
	// from a sequence the column owns (PostgreSQL serial, bigserial,
	// smallserial), as distinct from an identity column. AutoIncrement with
	// neither Serial nor an Identity leaves the mechanism to the dialect and
	// compares equal to either.
	Serial bool
	// Sequence holds the options of the sequence that numbers an identity
	// (or serial) column, as SQL sequence options in the order START WITH,
	// INCREMENT BY, MINVALUE, MAXVALUE, CACHE, CYCLE, AS; only options that
	// differ from the defaults for the column's type are listed, so ""
	// means the defaults.
	Sequence string
	// Storage is the column's storage strategy where it differs from its
	// type's (PostgreSQL SET STORAGE: plain, external, extended, main),
	// lower-case; "" means the type's.
	Storage string
	// Compression is the column's compression method (PostgreSQL
	// COMPRESSION pglz or lz4), lower-case; "" means the server's default.
	Compression string
	// NotNullOnConflict is the ON CONFLICT clause of the column's NOT NULL
	// (SQLite). Tag: notnull_onconflict=ACTION.
	NotNullOnConflict ConflictAction
}

// Identity says how a PostgreSQL identity column is generated.
type Identity int

// Identity kinds.
const (
	IdentityNone Identity = iota
	IdentityAlways
	IdentityByDefault
)

// String returns the SQL words for the identity kind.
func (i Identity) String() string {
	switch i {
	case IdentityAlways:
		return "ALWAYS"
	case IdentityByDefault:
		return "BY DEFAULT"
	}
	return ""
}

// Generated describes a generated column; the zero value means "not generated".
type Generated struct {
	// Expr is the SQL expression the column is computed from.
	Expr string
	// Stored is true for STORED, false for VIRTUAL.
	Stored bool
}

// PrimaryKey is a table's primary key; no columns means none.
type PrimaryKey struct {
	Name    string
	Columns []string

	// Constraint timing (issue 12, fidelity): as on [ForeignKey].
	Deferrable        bool
	InitiallyDeferred bool
	// OnConflict is the key's ON CONFLICT clause (SQLite). Tag:
	// pk_onconflict=ACTION on a key field.
	OnConflict ConflictAction
	// Desc lists the key columns whose key order is descending (SQLite
	// PRIMARY KEY DESC, which also keeps an INTEGER key from being the
	// rowid), in key order; none means every column ascends. Tag: pk_desc
	// on a key field.
	Desc []string
	// Comment is the key's comment: MySQL's PRIMARY KEY (...) COMMENT
	// 'text', PostgreSQL's COMMENT ON CONSTRAINT of the key; SQLite has
	// none. Tag: pk_comment='text' on the table options field.
	Comment string
}

// Index is a (possibly unique, partial or expression) index.
type Index struct {
	Name   string
	Unique bool
	Parts  []IndexPart
	// Where is the predicate of a partial index.
	Where string
	// Method is the access method (btree, gin, gist, hash, brin; FULLTEXT
	// on MySQL); empty means the dialect's default.
	Method string
	// Include lists non-key columns (PostgreSQL INCLUDE).
	Include []string
	// Index details (issue 12, fidelity); the zero values are the defaults.

	// NullsNotDistinct makes a unique index treat NULLs as equal (SQL
	// NULLS NOT DISTINCT).
	NullsNotDistinct bool
	// StorageParams are the index's storage parameters (PostgreSQL WITH
	// (...)), "name=value" pairs joined by ", " in the order the catalog
	// keeps them; "" means none.
	StorageParams string
	// Comment is the index's comment (PostgreSQL COMMENT ON INDEX,
	// MySQL/MariaDB COMMENT 'text'). Tag: index=NAME(cols) comment 'text'.
	// SQLite keeps no index comments: a SQLite model with one is refused
	// when it is read.
	Comment string
	// Invisible keeps the index up to date but out of the optimizer's
	// reach (MariaDB IGNORED, MySQL INVISIBLE). Tag: index=NAME(cols)
	// invisible. PostgreSQL and SQLite have no such index: a model for
	// them with one is refused when it is read.
	Invisible bool
	// MethodWrittenUnknown says the model does not know whether Method is
	// written out in the index's DDL: GORM writes an index's type: in
	// CREATE INDEX but leaves it out of CREATE TABLE's inline INDEX
	// clause, so one model can stand for a database index with or without
	// USING. Where the catalog keeps such a method only as written
	// (MariaDB's USING BTREE/HASH), an index with none written then
	// matches, and the comparison names it as not compared; a different
	// method written is still a difference. Elsewhere it changes nothing.
	// Set by the GORM loader; a comparison hint, never on an op.
	MethodWrittenUnknown bool
}

// Columns returns the column names of the index's parts; expression parts
// give their expression.
func (ix *Index) Columns() []string {
	cols := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		if p.Column != "" {
			cols[i] = p.Column
		} else {
			cols[i] = p.Expr
		}
	}
	return cols
}

// IndexPart is one key of an index: a column or an expression.
type IndexPart struct {
	Column string
	Expr   string
	Desc   bool
	// Length is a MySQL prefix length (email(191)); 0 means the whole value.
	Length int

	// Key details (issue 12, fidelity); the zero values are the defaults.

	// Collation is the key's collation where it differs from the column's
	// (COLLATE "C").
	Collation string
	// Opclass is the key's operator class where it is not the default for
	// its type and access method (text_pattern_ops, jsonb_path_ops).
	Opclass string
	// Nulls places NULLs where the key order would not by default.
	Nulls NullsOrder
}

// NullsOrder says where an index key sorts NULLs.
type NullsOrder int

// NULL orders; the zero value is the dialect's default for the key's
// direction.
const (
	NullsDefault NullsOrder = iota
	NullsFirst
	NullsLast
)

// String returns the SQL words (NULLS FIRST, NULLS LAST), or "".
func (n NullsOrder) String() string {
	switch n {
	case NullsFirst:
		return "NULLS FIRST"
	case NullsLast:
		return "NULLS LAST"
	}
	return ""
}

// Unique is a unique constraint (as distinct from a unique index).
type Unique struct {
	Name    string
	Columns []string

	// Constraint details (issue 12, fidelity); the zero values are the
	// defaults.

	// NullsNotDistinct treats NULLs as equal (SQL NULLS NOT DISTINCT).
	NullsNotDistinct bool
	// Deferrable and InitiallyDeferred: as on [ForeignKey].
	Deferrable        bool
	InitiallyDeferred bool
	// Comment is the constraint's comment.
	Comment string
	// OnConflict is the constraint's ON CONFLICT clause (SQLite). Tag:
	// unique_onconflict=ACTION on a field of the constraint.
	OnConflict ConflictAction
}

// ForeignKey is a foreign key constraint.
type ForeignKey struct {
	Name              string
	Columns           []string
	RefSchema         string
	RefTable          string
	RefColumns        []string
	OnDelete          ReferenceAction
	OnUpdate          ReferenceAction
	Deferrable        bool
	InitiallyDeferred bool

	// MatchFull is SQL's MATCH FULL: a key with some NULL columns and
	// some not is refused (the default, MATCH SIMPLE, accepts it). Issue
	// 12, fidelity.
	MatchFull bool
	// Comment is the constraint's comment.
	Comment string
	// NotValid marks a constraint added without checking the rows already
	// there (PostgreSQL ADD ... NOT VALID; pg_constraint.convalidated is
	// false) and not validated since. Tag: fk=... not valid.
	NotValid bool
}

// ReferenceAction is what a foreign key does when the referenced row changes.
type ReferenceAction int

// Reference actions; the zero value is NO ACTION, every dialect's default,
// as a key with no ON DELETE or ON UPDATE clause has it.
const (
	NoAction ReferenceAction = iota
	Restrict
	Cascade
	SetNull
	SetDefault
	// NoActionWritten is NO ACTION written out (ON DELETE NO ACTION): the
	// same rule as NoAction, but MariaDB's catalog keeps the two apart
	// (REFERENTIAL_CONSTRAINTS says NO ACTION, not RESTRICT, and SHOW
	// CREATE TABLE prints the clause). Tag: ondelete=no_action (or
	// "no action"); a key without ondelete= has NoAction. Dialects whose
	// catalogs do not tell them apart treat it as NoAction.
	NoActionWritten
)

// Rule returns the action's meaning: NoActionWritten is NoAction.
func (a ReferenceAction) Rule() ReferenceAction {
	if a == NoActionWritten {
		return NoAction
	}
	return a
}

// String returns the SQL words for the action.
func (a ReferenceAction) String() string {
	switch a {
	case Restrict:
		return "RESTRICT"
	case Cascade:
		return "CASCADE"
	case SetNull:
		return "SET NULL"
	case SetDefault:
		return "SET DEFAULT"
	}
	return "NO ACTION"
}

// ParseReferenceAction reads an action as written in SQL or a tag
// ("cascade", "SET NULL", "set_null", "setnull"); "" is NoAction and
// "no action" NoActionWritten.
func ParseReferenceAction(s string) (ReferenceAction, bool) {
	k := strings.ToUpper(strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(s)), " "))
	switch k {
	case "":
		return NoAction, true
	case "NO ACTION", "NOACTION":
		return NoActionWritten, true
	case "RESTRICT":
		return Restrict, true
	case "CASCADE":
		return Cascade, true
	case "SET NULL", "SETNULL":
		return SetNull, true
	case "SET DEFAULT", "SETDEFAULT":
		return SetDefault, true
	}
	return NoAction, false
}

// Check is a CHECK constraint.
type Check struct {
	Name string
	Expr string

	// Constraint details (issue 12, fidelity).

	// NoInherit keeps the check off child tables (PostgreSQL NO INHERIT).
	NoInherit bool
	// Comment is the constraint's comment.
	Comment string
	// NotValid marks a check added without checking the rows already
	// there (PostgreSQL ADD ... NOT VALID) and not validated since. Tag:
	// check=NAME(EXPR) not valid.
	NotValid bool
	// Column names the column whose definition holds the check, a
	// column-level CHECK: MariaDB keeps it apart from a table constraint
	// (information_schema.CHECK_CONSTRAINTS LEVEL 'Column'), names it
	// after the column and prints it in the column's definition; "" is a
	// table constraint. Dialects that keep no such level treat it as a
	// table constraint. Tag: column_check=EXPR on the column's field (a
	// check named after the column); check=EXPR there is a table
	// constraint named ck_<table>_<column>.
	Column string
}

// Enum is a named enum type.
type Enum struct {
	Schema string
	Name   string
	Values []string
	// Comment is the type's comment (PostgreSQL COMMENT ON TYPE). Tag:
	// enum=NAME(values) comment 'text'.
	Comment string
}
