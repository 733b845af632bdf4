package diff

import (
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Options shapes the comparison: Alembic's compare_type,
// compare_server_default, include_name, include_object and include_schemas,
// and comparator plug-ins. The zero value compares everything.
//
// Hooks must be pure functions of their arguments: Compare may ask a hook
// about the same pair more than once (it does not today, but do not count
// on it).
type Options struct {
	// IgnoreTypes turns type comparison off (Alembic's compare_type=False).
	// It wins over CompareType.
	IgnoreTypes bool
	// IgnoreServerDefaults turns server-default comparison off. It wins
	// over CompareServerDefault.
	IgnoreServerDefaults bool

	// CompareType, when set, is asked about the types of every column
	// present on both sides (Alembic's compare_type callable). inspected is
	// the reflected column, metadata the models' column in the dialect's
	// canonical form (its Type.SQL resolved). When decided is false the
	// default comparison (NormalizeType on both sides) applies; when it is
	// true, changed says whether the type changed. A column it decides is
	// unchanged keeps its reflected type in any AlterColumn made for
	// another reason.
	CompareType func(ctx CompareContext, inspected, metadata model.Column) (changed, decided bool)

	// CompareServerDefault, when set, is asked about the server defaults of
	// every column present on both sides (Alembic's compare_server_default
	// callable). inspectedDefault is the reflected default text and
	// metadataDefault the models' default text, as written ("" for none).
	// The contract is CompareType's.
	CompareServerDefault func(ctx CompareContext, inspected, metadata model.Column, inspectedDefault, metadataDefault string) (changed, decided bool)

	// IncludeName, when set, is asked about every object by name before it
	// is compared (Alembic's include_name); an object it refuses is left
	// out on both sides, so it is neither created nor dropped. For tables
	// and schemas it also runs before reflection: the CLI passes
	// [Options.IncludesTable] to the inspector, so refused tables are never
	// read. Parents names the schema (for tables and enums) and the table
	// (for columns, indexes and constraints); the default schema is "" and
	// is never asked about. Unnamed constraints (SQLite reflects unique
	// constraints and checks without names) are asked about with name "".
	IncludeName func(name string, kind ObjectKind, parents Parents) bool

	// IncludeObject, when set, is asked about every object with the object
	// itself (Alembic's include_object); an object it refuses is left out of
	// the comparison. For an object on both sides it is asked once, with
	// the models' object (reflected false) and the reflected one as
	// compareTo; an object only in the database is asked with reflected
	// true and compareTo nil; an object only in the models with reflected
	// false and compareTo nil. Tables, enums and the columns, indexes and
	// constraints of tables present on both sides are asked about; a table
	// that is created or dropped goes whole. Tables are asked about before
	// rename hints are followed (a table to rename is asked about under
	// each name, with compareTo nil), their columns after.
	IncludeObject func(obj Object, name string, kind ObjectKind, reflected bool, compareTo Object) bool

	// IncludeSchemas lists the schemas compared besides the default one
	// (PostgreSQL; Alembic's include_schemas). When it is set, tables and
	// enums of any other named schema are left out on both sides; when it
	// is nil, every table given is compared. The caller reflects each
	// listed schema and qualifies its tables (see [model.QualifySchema]).
	// [AllSchemas] in the list includes every schema: autogenerate then
	// reflects every user schema of the database (Alembic's
	// include_schemas=True), IncludeName still filtering them.
	IncludeSchemas []string

	// Comparators run after the built-in comparison, in order; the ops each
	// returns are appended after every built-in op (step 9 of the documented
	// order), and their reverses come first in the downgrade.
	Comparators []Comparator
}

// Comparator is a comparison plug-in: it compares what the built-in
// comparer does not know (PostgreSQL row-level security policies, grants)
// and returns the ops that bring current to target, often [ops.Execute] or
// [ops.Custom] ops. current is the reflected schema and target the
// canonical models' schema, both after IncludeSchemas, IncludeName and
// IncludeObject have left tables and enums out; ctx carries the dialect
// (its Schema and Table are empty). An error stops Compare.
type Comparator func(ctx CompareContext, current, target model.Schema) ([]ops.Op, error)

// CompareContext is what a hook knows about where it is asked: the
// table whose column is compared (Schema, Table; "" schema is the default
// one) and the Dialect compared for. It is [dialect.CompareContext],
// declared there so that migrate.Env's DBComparators can name it.
type CompareContext = dialect.CompareContext

// Parents names what an object belongs to, for [Options.IncludeName].
type Parents struct {
	// Schema is the object's schema ("" for the default one).
	Schema string
	// Table is the object's table, for columns, indexes and constraints.
	Table string
}

// ObjectKind is the kind of object a filter is asked about.
type ObjectKind int

// Object kinds, named as Alembic names them (see [ObjectKind.String]).
const (
	KindSchema ObjectKind = iota + 1
	KindTable
	KindColumn
	KindIndex
	KindUniqueConstraint
	KindForeignKeyConstraint
	KindCheckConstraint
	KindEnum
	// KindExcludeConstraint is a PostgreSQL exclusion constraint.
	KindExcludeConstraint
	// KindExtension is a PostgreSQL extension (asked of IncludeName only,
	// with the extension's schema as its parent).
	KindExtension
)

var kindNames = [...]string{"", "schema", "table", "column", "index", "unique_constraint", "foreign_key_constraint", "check_constraint", "enum", "exclude_constraint", "extension"}

// String returns Alembic's word for the kind: "schema", "table", "column",
// "index", "unique_constraint", "foreign_key_constraint",
// "check_constraint", "enum", "exclude_constraint" or "extension".
func (k ObjectKind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(?)"
}

// Object is a schema object given to [Options.IncludeObject]: one of
// [TableObject], [ColumnObject], [IndexObject], [UniqueObject],
// [ForeignKeyObject], [CheckObject], [ExcludeObject] and [EnumObject]. The interface is
// sealed.
type Object interface{ isObject() }

// TableObject is a table.
type TableObject struct{ model.Table }

// ColumnObject is a column of the table Schema.Table.
type ColumnObject struct {
	Schema, Table string
	model.Column
}

// IndexObject is an index of the table Schema.Table.
type IndexObject struct {
	Schema, Table string
	model.Index
}

// UniqueObject is a unique constraint of the table Schema.Table.
type UniqueObject struct {
	Schema, Table string
	model.Unique
}

// ForeignKeyObject is a foreign key of the table Schema.Table.
type ForeignKeyObject struct {
	Schema, Table string
	model.ForeignKey
}

// CheckObject is a check constraint of the table Schema.Table.
type CheckObject struct {
	Schema, Table string
	model.Check
}

// ExcludeObject is an exclusion constraint of the table Schema.Table.
type ExcludeObject struct {
	Schema, Table string
	model.Exclude
}

// EnumObject is an enum type.
type EnumObject struct{ model.Enum }

func (TableObject) isObject()      {}
func (ColumnObject) isObject()     {}
func (IndexObject) isObject()      {}
func (UniqueObject) isObject()     {}
func (ForeignKeyObject) isObject() {}
func (CheckObject) isObject()      {}
func (EnumObject) isObject()       {}
func (ExcludeObject) isObject()    {}

// AllSchemas in [Options].IncludeSchemas includes every schema.
const AllSchemas = "*"

// IncludesSchema reports whether the options admit a schema: the default
// schema ("") always; another one when IncludeSchemas is nil or lists it,
// and IncludeName (asked with [KindSchema]) does not refuse it.
func (o Options) IncludesSchema(schema string) bool {
	if schema == "" {
		return true
	}
	if o.IncludeSchemas != nil && !slices.Contains(o.IncludeSchemas, schema) && !slices.Contains(o.IncludeSchemas, AllSchemas) {
		return false
	}
	return o.IncludeName == nil || o.IncludeName(schema, KindSchema, Parents{})
}

// IncludesTable reports whether the options admit a table by its schema
// ("" for the default one) and name: [Options.IncludesSchema], then
// IncludeName asked with [KindTable]. The CLI passes it to the inspector
// (introspect.Options.IncludeTable) so that refused tables are never read.
func (o Options) IncludesTable(schema, name string) bool {
	if !o.IncludesSchema(schema) {
		return false
	}
	return o.IncludeName == nil || o.IncludeName(name, KindTable, Parents{Schema: schema})
}

// includesName asks IncludeName, admitting everything when it is nil.
func (o Options) includesName(name string, kind ObjectKind, p Parents) bool {
	return o.IncludeName == nil || o.IncludeName(name, kind, p)
}

// filtersObjects reports whether any per-object filter is set.
func (o Options) filtersObjects() bool {
	return o.IncludeName != nil || o.IncludeObject != nil
}

// includesPair asks IncludeObject about an object found on one or both
// sides, as documented on [Options.IncludeObject]; cur and tgt are nil
// when absent.
func (o Options) includesPair(name string, kind ObjectKind, cur, tgt Object) bool {
	if o.IncludeObject == nil {
		return true
	}
	if tgt != nil {
		return o.IncludeObject(tgt, name, kind, false, cur)
	}
	return o.IncludeObject(cur, name, kind, true, nil)
}
