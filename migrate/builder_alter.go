package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// AlterColumn records changing column of table in place. Each change is a
// chained call with the value before and after, and sets its
// [ops.ChangeKind] bit; Existing describes what stays as it is (Alembic's
// existing_type, existing_nullable, ...):
//
//	op.AlterColumn("members", "nick").Type("varchar(40)", "varchar(80)").SetNotNull()
//	op.AlterColumn("members", "nick").Default("''", "'anon'").Existing(op.Column("nick", "varchar(80)").NotNull())
//
// Without Existing the column is taken to be a nullable column with no
// type, default or other aspect, as [Recorder.Column] would make it.
func (o *Recorder) AlterColumn(table, column string) *AlterColumnDef {
	d := &AlterColumnDef{
		schema: o.schema, table: table,
		base: model.Column{Name: column, Nullable: true},
	}
	d.sync = o.record(d.build())
	return d
}

// aspectCharset tracks Charset separately from Collation; both set
// [ops.ChangeCollation].
const aspectCharset ops.ChangeKind = 1 << 15

// aspectRenamedFrom tracks the RenamedFrom hint, which sets no Change bit.
const aspectRenamedFrom ops.ChangeKind = 1 << 14

// AlterColumnDef is a recorded [ops.AlterColumn].
type AlterColumnDef struct {
	schema, table string
	base          model.Column
	// from and to hold the aspects named in set.
	from, to model.Column
	set      ops.ChangeKind
	// serialSet reports a Serial call.
	serialSet bool
	// change overrides the Change bits when changeSet.
	change    ops.ChangeKind
	changeSet bool
	// using is the USING expression of a type change (Using).
	using string
	sync  func(ops.Op)
	// conflict is a NotNullOnConflict change (from, to), or nil.
	conflict *[2]model.ConflictAction
}

// build returns the op as the calls so far describe it.
func (d *AlterColumnDef) build() ops.AlterColumn {
	from, to := d.base, d.base
	var change ops.ChangeKind
	apply := func(k ops.ChangeKind, f func(dst, src *model.Column)) {
		if d.set&k != 0 {
			f(&from, &d.from)
			f(&to, &d.to)
			change |= k
		}
	}
	apply(ops.ChangeType, func(dst, src *model.Column) { dst.Type = src.Type })
	apply(ops.ChangeNullable, func(dst, src *model.Column) { dst.Nullable = src.Nullable })
	apply(ops.ChangeDefault, func(dst, src *model.Column) { dst.Default = src.Default })
	apply(ops.ChangeComment, func(dst, src *model.Column) { dst.Comment = src.Comment })
	apply(ops.ChangeAutoIncrement, func(dst, src *model.Column) { dst.AutoIncrement = src.AutoIncrement })
	// Serial is tracked apart from AutoIncrement, so that a Serial change
	// keeps the AutoIncrement Existing gives; it implies AutoIncrement.
	if d.serialSet {
		from.Serial, from.AutoIncrement = d.from.Serial, from.AutoIncrement || d.from.Serial
		to.Serial, to.AutoIncrement = d.to.Serial, to.AutoIncrement || d.to.Serial
		change |= ops.ChangeAutoIncrement
	}
	apply(ops.ChangeSequence, func(dst, src *model.Column) { dst.Sequence = src.Sequence })
	apply(ops.ChangeStorage, func(dst, src *model.Column) { dst.Storage, dst.Compression = src.Storage, src.Compression })
	apply(ops.ChangeIdentity, func(dst, src *model.Column) { dst.Identity = src.Identity })
	apply(ops.ChangeGenerated, func(dst, src *model.Column) { dst.Generated = src.Generated })
	apply(ops.ChangeCollation, func(dst, src *model.Column) { dst.Collation = src.Collation })
	apply(ops.ChangeOnUpdate, func(dst, src *model.Column) { dst.OnUpdate = src.OnUpdate })
	apply(ops.ChangeInvisible, func(dst, src *model.Column) { dst.Invisible = src.Invisible })
	apply(aspectCharset, func(dst, src *model.Column) { dst.Charset = src.Charset })
	apply(aspectRenamedFrom, func(dst, src *model.Column) { dst.RenamedFrom = src.RenamedFrom })
	d.applyConflict(&from, &to, &change)
	if change&aspectCharset != 0 {
		change = change&^aspectCharset | ops.ChangeCollation
	}
	change &^= aspectRenamedFrom
	if d.changeSet {
		change = d.change
	}
	return ops.AlterColumn{Schema: d.schema, Table: d.table, Change: change, From: from, To: to, Using: d.using}
}

func (d *AlterColumnDef) update(k ops.ChangeKind, f func(from, to *model.Column)) *AlterColumnDef {
	d.set |= k
	f(&d.from, &d.to)
	d.sync(d.build())
	return d
}

// Existing gives the column as it is, for every aspect the chained changes
// do not name. Its name must be the altered column's; inline constraints
// are not allowed.
func (d *AlterColumnDef) Existing(c *ColumnDef) *AlterColumnDef {
	col := c.column("AlterColumn.Existing")
	if col.Name != d.base.Name {
		fail("AlterColumn(%q, %q).Existing: definition names column %q", d.table, d.base.Name, col.Name)
	}
	d.base = col
	d.sync(d.build())
	return d
}

// Type changes the SQL type.
func (d *AlterColumnDef) Type(from, to string) *AlterColumnDef {
	return d.TypeOf(model.Type{SQL: from}, model.Type{SQL: to})
}

// TypeOf changes the type, given in full.
func (d *AlterColumnDef) TypeOf(from, to model.Type) *AlterColumnDef {
	return d.update(ops.ChangeType, func(f, t *model.Column) { f.Type, t.Type = from, to })
}

// Using gives the SQL expression that computes the new value of a type
// change from the row, in place of the dialect's cast:
//
//	op.AlterColumn("events", "at").Type("text", "timestamptz").Using("to_timestamp(at, 'YYYY-MM-DD HH24:MI')")
//
// PostgreSQL runs ALTER COLUMN ... TYPE ... USING expr; SQLite's table
// rebuild copies the column with expr; MySQL has no USING and refuses it.
// expr is SQL as you write it in the revision: it is not quoted.
func (d *AlterColumnDef) Using(expr string) *AlterColumnDef {
	d.using = expr
	d.sync(d.build())
	return d
}

// SetNotNull makes a nullable column NOT NULL.
func (d *AlterColumnDef) SetNotNull() *AlterColumnDef {
	return d.update(ops.ChangeNullable, func(f, t *model.Column) { f.Nullable, t.Nullable = true, false })
}

// DropNotNull makes a NOT NULL column nullable.
func (d *AlterColumnDef) DropNotNull() *AlterColumnDef {
	return d.update(ops.ChangeNullable, func(f, t *model.Column) { f.Nullable, t.Nullable = false, true })
}

// Default changes the server default ("" is none): Default("", "0") sets
// one, Default("0", "") drops it.
func (d *AlterColumnDef) Default(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeDefault, func(f, t *model.Column) { f.Default, t.Default = from, to })
}

// Comment changes the column comment ("" is none).
func (d *AlterColumnDef) Comment(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeComment, func(f, t *model.Column) { f.Comment, t.Comment = from, to })
}

// SetAutoIncrement makes the column auto-increment.
func (d *AlterColumnDef) SetAutoIncrement() *AlterColumnDef {
	return d.update(ops.ChangeAutoIncrement, func(f, t *model.Column) { f.AutoIncrement, t.AutoIncrement = false, true })
}

// DropAutoIncrement makes the column stop auto-incrementing.
func (d *AlterColumnDef) DropAutoIncrement() *AlterColumnDef {
	return d.update(ops.ChangeAutoIncrement, func(f, t *model.Column) { f.AutoIncrement, t.AutoIncrement = true, false })
}

// Serial changes whether the auto-increment column is a serial
// ([model.Column.Serial]); true implies auto-increment. It sets the
// [ops.ChangeAutoIncrement] bit.
func (d *AlterColumnDef) Serial(from, to bool) *AlterColumnDef {
	d.serialSet = true
	return d.update(0, func(f, t *model.Column) { f.Serial, t.Serial = from, to })
}

// Sequence changes the options of the sequence that numbers the column
// ([model.Column.Sequence]).
func (d *AlterColumnDef) Sequence(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeSequence, func(f, t *model.Column) { f.Sequence, t.Sequence = from, to })
}

// Storage changes the column's storage strategy; it sets the
// [ops.ChangeStorage] bit.
func (d *AlterColumnDef) Storage(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeStorage, func(f, t *model.Column) { f.Storage, t.Storage = from, to })
}

// Compression changes the column's compression method; it sets the
// [ops.ChangeStorage] bit.
func (d *AlterColumnDef) Compression(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeStorage, func(f, t *model.Column) { f.Compression, t.Compression = from, to })
}

// Identity changes the PostgreSQL identity kind.
func (d *AlterColumnDef) Identity(from, to model.Identity) *AlterColumnDef {
	return d.update(ops.ChangeIdentity, func(f, t *model.Column) { f.Identity, t.Identity = from, to })
}

// Generated changes the generation expression of a computed column.
func (d *AlterColumnDef) Generated(from, to model.Generated) *AlterColumnDef {
	return d.update(ops.ChangeGenerated, func(f, t *model.Column) { f.Generated, t.Generated = from, to })
}

// Collation changes the column's collation.
func (d *AlterColumnDef) Collation(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeCollation, func(f, t *model.Column) { f.Collation, t.Collation = from, to })
}

// Charset changes the column's character set; it sets the
// [ops.ChangeCollation] bit.
func (d *AlterColumnDef) Charset(from, to string) *AlterColumnDef {
	return d.update(aspectCharset, func(f, t *model.Column) { f.Charset, t.Charset = from, to })
}

// Invisible changes whether the column is left out of SELECT * (MySQL and
// MariaDB INVISIBLE).
func (d *AlterColumnDef) Invisible(from, to bool) *AlterColumnDef {
	return d.update(ops.ChangeInvisible, func(f, t *model.Column) { f.Invisible, t.Invisible = from, to })
}

// OnUpdate changes MySQL's ON UPDATE expression.
func (d *AlterColumnDef) OnUpdate(from, to string) *AlterColumnDef {
	return d.update(ops.ChangeOnUpdate, func(f, t *model.Column) { f.OnUpdate, t.OnUpdate = from, to })
}

// RenamedFrom changes the renamed_from hint the column carries; it sets no
// Change bit.
func (d *AlterColumnDef) RenamedFrom(from, to string) *AlterColumnDef {
	return d.update(aspectRenamedFrom, func(f, t *model.Column) { f.RenamedFrom, t.RenamedFrom = from, to })
}

// Change sets the recorded [ops.ChangeKind] bits explicitly, in place of
// those the chained changes imply. Generated files use it only when the
// comparer flagged aspects differently from what changed.
func (d *AlterColumnDef) Change(k ops.ChangeKind) *AlterColumnDef {
	d.change, d.changeSet = k, true
	d.sync(d.build())
	return d
}
