package migrate

import (
	"fmt"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Recorder records the ops of one revision's Upgrade or Downgrade. Its methods
// record, they do not execute; the runner turns the recorded list into SQL.
//
// The builder methods read like Alembic's op.* calls:
//
//	op.CreateTable("notes",
//		op.Column("id", "bigint").PrimaryKey().AutoIncrement(),
//		op.Column("member_id", "bigint").NotNull().References("members", "id").OnDelete("CASCADE"),
//	)
//	op.CreateIndex("ix_notes_member_id", "notes", "member_id")
//	op.AlterColumn("members", "nick").Type("varchar(40)", "varchar(80)").SetNotNull()
//
// A method that returns a definition (*[IndexDef], *[AlterColumnDef], ...)
// has already recorded its op; the definition's chained methods change that
// recorded op in place, so [Recorder.Ops] always returns the final ops.
//
// Builder methods panic on calls that cannot describe an op (an unknown
// reference action, OnDelete without References, two primary keys): like a
// compile error, such a revision file must be fixed by hand.
//
// The zero value is ready to use.
type Recorder struct {
	list []ops.Op
	// root is the recorder an [Op.InSchema] view writes to; nil for a root.
	root *Recorder
	// schema is the schema the view's ops name; "" for the default schema.
	schema string
}

// Op is the name generated revision files give the recorder
// (func(op *migrate.Op)); it is [Recorder], named apart from [ops.Op], the
// operation the recorder records.
type Op = Recorder

// Ops returns the recorded ops in order.
func (o *Recorder) Ops() []ops.Op { return o.rec().list }

// Add records a raw op; generated files use the typed builder methods.
func (o *Recorder) Add(op ops.Op) { o.record(op) }

// InSchema returns a view of o whose ops name objects in schema (a
// PostgreSQL schema, a MySQL database). Ops recorded through the view land
// in o's list, in call order:
//
//	op.InSchema("billing").CreateTable("invoices", ...)
func (o *Recorder) InSchema(schema string) *Recorder {
	return &Recorder{root: o.rec(), schema: schema}
}

// rec returns the Op that holds the list.
func (o *Recorder) rec() *Recorder {
	if o.root != nil {
		return o.root
	}
	return o
}

// record appends op and returns a func that replaces it in place.
func (o *Recorder) record(op ops.Op) func(ops.Op) {
	r := o.rec()
	r.list = append(r.list, op)
	i := len(r.list) - 1
	return func(op ops.Op) { r.list[i] = op }
}

// recordAs records as(v) and returns the function that records as(w) in
// its place: the sync of a definition whose chained methods change v
// after its op is recorded.
func recordAs[T any](o *Recorder, v T, as func(T) ops.Op) func(T) {
	set := o.record(as(v))
	return func(w T) { set(as(w)) }
}

// change applies f to *v and hands the result to sync, which records it
// again for a recorded definition (nil for a table item).
func change[T any](v *T, sync func(T), f func(*T)) {
	f(v)
	if sync != nil {
		sync(*v)
	}
}

// RenameTable records renaming table from to to.
func (o *Recorder) RenameTable(from, to string) {
	o.record(ops.RenameTable{Schema: o.schema, From: from, To: to})
}

// RenameColumn records renaming a column of table.
func (o *Recorder) RenameColumn(table, from, to string) {
	o.record(ops.RenameColumn{Schema: o.schema, Table: table, From: from, To: to})
}

// SetTableComment records changing table's comment from from to to ("" is
// no comment).
func (o *Recorder) SetTableComment(table, from, to string) {
	o.record(ops.SetTableComment{Schema: o.schema, Table: table, From: from, To: to})
}

// SetTableOptions records changing dialect table options (MySQL ENGINE,
// CHARSET, COLLATE); list the old and new values with the returned
// definition's From and To:
//
//	op.SetTableOptions("users").From("ENGINE", "MyISAM").To("ENGINE", "InnoDB")
func (o *Recorder) SetTableOptions(table string) *TableOptionsDef {
	d := &TableOptionsDef{op: ops.SetTableOptions{Schema: o.schema, Table: table}}
	d.sync = o.record(d.op)
	return d
}

// TableOptionsDef is a recorded [ops.SetTableOptions]; its methods list the
// options before and after.
type TableOptionsDef struct {
	op   ops.SetTableOptions
	sync func(ops.Op)
}

// From adds an option as it was before the change.
func (d *TableOptionsDef) From(name, value string) *TableOptionsDef {
	d.op.From = append(d.op.From, model.TableOption{Name: name, Value: value})
	d.sync(d.op)
	return d
}

// To adds an option as it is after the change.
func (d *TableOptionsDef) To(name, value string) *TableOptionsDef {
	d.op.To = append(d.op.To, model.TableOption{Name: name, Value: value})
	d.sync(d.op)
	return d
}

// CreateEnum records creating a named enum type with its values in order;
// chain Comment on the returned definition.
func (o *Recorder) CreateEnum(name string, values ...string) *EnumDef {
	return o.enumDef(false, model.Enum{Schema: o.schema, Name: name, Values: cloneStrings(values)})
}

// DropEnum records dropping a named enum type; values (and a chained
// Comment) are its definition, so the drop can be reversed.
func (o *Recorder) DropEnum(name string, values ...string) *EnumDef {
	return o.enumDef(true, model.Enum{Schema: o.schema, Name: name, Values: cloneStrings(values)})
}

// AddEnumValue records adding value to enum, at the end unless the returned
// definition places it with Before or After.
func (o *Recorder) AddEnumValue(enum, value string) *EnumValueDef {
	d := &EnumValueDef{op: ops.AddEnumValue{Schema: o.schema, Enum: enum, Value: value}}
	d.sync = o.record(d.op)
	return d
}

// EnumValueDef is a recorded [ops.AddEnumValue].
type EnumValueDef struct {
	op   ops.AddEnumValue
	sync func(ops.Op)
}

// Before places the new value before an existing one.
func (d *EnumValueDef) Before(existing string) *EnumValueDef {
	d.op.Before = existing
	d.sync(d.op)
	return d
}

// After places the new value after an existing one.
func (d *EnumValueDef) After(existing string) *EnumValueDef {
	d.op.After = existing
	d.sync(d.op)
	return d
}

// Execute records SQL written by hand. It is irreversible unless the
// returned definition gives the undoing SQL with Down. InSchema does not
// apply: qualify names in the SQL itself.
func (o *Recorder) Execute(sql string) *ExecuteDef {
	d := &ExecuteDef{op: ops.Execute{SQL: sql}}
	d.sync = o.record(d.op)
	return d
}

// RenameEnum records renaming an enum type.
func (o *Recorder) RenameEnum(from, to string) {
	o.record(ops.RenameEnum{Schema: o.schema, From: from, To: to})
}

// BulkInsert records an insert of rows of literal values into table, one
// value per column in each row: nil, bool, integers, floats, string, []byte
// or time.Time (Alembic's bulk_insert). It has no reverse; a downgrade
// deletes the rows with Execute.
func (o *Recorder) BulkInsert(table string, columns []string, rows ...[]any) {
	o.record(ops.BulkInsert{Schema: o.schema, Table: table, Columns: cloneStrings(columns), Rows: rows})
}

// ExecuteDef is a recorded [ops.Execute].
type ExecuteDef struct {
	op   ops.Execute
	sync func(ops.Op)
}

// Down sets the SQL that undoes the statement.
func (d *ExecuteDef) Down(sql string) *ExecuteDef {
	d.op.DownSQL = sql
	d.sync(d.op)
	return d
}

// NoTransaction runs the SQL outside the migration's transaction (for
// statements such as CREATE INDEX CONCURRENTLY or VACUUM).
func (d *ExecuteDef) NoTransaction() *ExecuteDef {
	d.op.NoTransaction = true
	d.sync(d.op)
	return d
}

// cloneStrings copies s; it returns nil for an empty s, so a call without
// arguments records a nil list.
func cloneStrings(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append([]string(nil), s...)
}

// parseAction reads a reference action or panics naming the call.
func parseAction(call, s string) model.ReferenceAction {
	a, ok := model.ParseReferenceAction(s)
	if !ok {
		fail("%s(%q): unknown reference action (want CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION)", call, s)
	}
	return a
}

// BuildError is the panic value of a builder call that cannot describe an
// op.
type BuildError struct {
	Msg string
}

// Error returns the message, prefixed with the package.
func (e *BuildError) Error() string { return "migrate: " + e.Msg }

// fail panics with a *BuildError.
func fail(format string, args ...any) {
	panic(&BuildError{Msg: fmt.Sprintf(format, args...)})
}
