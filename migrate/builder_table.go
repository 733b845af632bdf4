package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TableItem is one part of a table definition passed to [Recorder.CreateTable]
// or [Op.DropTable]: a *[ColumnDef], or what [Recorder.PrimaryKey], [Recorder.Unique],
// [Recorder.ForeignKey], [Recorder.Check], [Recorder.Index], [Recorder.Comment] and [Recorder.Option]
// return. The interface is sealed.
type TableItem interface {
	addTo(t *model.Table, call string)
}

// CreateTable records creating a table from its columns and table-level
// items, in order.
func (o *Recorder) CreateTable(name string, items ...TableItem) {
	o.record(ops.CreateTable{Table: o.buildTable("CreateTable", name, items)})
}

// DropTable records dropping a table. The items are the table's full
// definition, as for [Recorder.CreateTable], so the drop can be reversed and a
// reviewer sees what goes.
func (o *Recorder) DropTable(name string, items ...TableItem) {
	o.record(ops.DropTable{Table: o.buildTable("DropTable", name, items)})
}

// buildTable assembles a table from items.
func (o *Recorder) buildTable(call, name string, items []TableItem) model.Table {
	t := model.Table{Schema: o.schema, Name: name}
	for _, it := range items {
		if it == nil {
			fail("%s(%q): nil table item", call, name)
		}
		it.addTo(&t, call)
	}
	return t
}

func (c *ColumnDef) addTo(t *model.Table, call string) {
	t.Columns = append(t.Columns, c.col)
	pk, uq, fk, ck := c.constraints(t.Name)
	if pk {
		if len(t.PrimaryKey.Columns) > 0 && t.PrimaryKey.Name != model.PrimaryKeyName(t.Name) {
			fail("%s(%q): column %q: PrimaryKey on a column and a table-level primary key", call, t.Name, c.col.Name)
		}
		t.PrimaryKey.Name = model.PrimaryKeyName(t.Name)
		t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, c.col.Name)
	}
	if uq != nil {
		t.Uniques = append(t.Uniques, *uq)
	}
	if fk != nil {
		t.ForeignKeys = append(t.ForeignKeys, *fk)
	}
	if ck != nil {
		t.Checks = append(t.Checks, *ck)
	}
}

type commentItem string

// Comment is the table item of the table's comment.
func (o *Recorder) Comment(text string) TableItem { return commentItem(text) }

func (c commentItem) addTo(t *model.Table, _ string) { t.Comment = string(c) }

type optionItem model.TableOption

// Option is the table item of a dialect table option, e.g.
// op.Option("ENGINE", "InnoDB").
func (o *Recorder) Option(name, value string) TableItem {
	return optionItem{Name: name, Value: value}
}

func (p optionItem) addTo(t *model.Table, _ string) {
	t.Options = append(t.Options, model.TableOption(p))
}

// ForeignKey is the table item of a foreign key from cols to
// refTable(refCols); chain OnDelete, OnUpdate, Deferrable,
// InitiallyDeferred and RefSchema.
func (o *Recorder) ForeignKey(name string, cols []string, refTable string, refCols []string) *ForeignKeyDef {
	return &ForeignKeyDef{fk: model.ForeignKey{
		Name: name, Columns: cloneStrings(cols), RefTable: refTable, RefColumns: cloneStrings(refCols),
	}}
}

// ForeignKeyDef is a foreign key definition: a table item from
// [Recorder.ForeignKey], or the op recorded by [Recorder.AddForeignKey] or
// [Recorder.DropForeignKey].
type ForeignKeyDef struct {
	fk   model.ForeignKey
	sync func(model.ForeignKey)
}

func (d *ForeignKeyDef) addTo(t *model.Table, _ string) {
	t.ForeignKeys = append(t.ForeignKeys, d.fk)
}

func (d *ForeignKeyDef) update(f func(fk *model.ForeignKey)) *ForeignKeyDef {
	change(&d.fk, d.sync, f)
	return d
}

// OnDelete sets the ON DELETE action: "CASCADE", "SET NULL", "SET
// DEFAULT", "RESTRICT" or "NO ACTION".
func (d *ForeignKeyDef) OnDelete(action string) *ForeignKeyDef {
	a := parseAction("OnDelete", action)
	return d.update(func(fk *model.ForeignKey) { fk.OnDelete = a })
}

// OnUpdate sets the ON UPDATE action, spelled as for OnDelete.
func (d *ForeignKeyDef) OnUpdate(action string) *ForeignKeyDef {
	a := parseAction("OnUpdate", action)
	return d.update(func(fk *model.ForeignKey) { fk.OnUpdate = a })
}

// Deferrable makes the constraint DEFERRABLE.
func (d *ForeignKeyDef) Deferrable() *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.Deferrable = true })
}

// InitiallyDeferred makes the constraint INITIALLY DEFERRED.
func (d *ForeignKeyDef) InitiallyDeferred() *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.InitiallyDeferred = true })
}

// MatchFull makes the constraint MATCH FULL.
func (d *ForeignKeyDef) MatchFull() *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.MatchFull = true })
}

// Comment sets the constraint's comment.
func (d *ForeignKeyDef) Comment(text string) *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.Comment = text })
}

// RefSchema names the referenced table's schema when it is not the
// table's own.
func (d *ForeignKeyDef) RefSchema(schema string) *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.RefSchema = schema })
}

// AddColumn records adding a column to table. Inline constraints on the
// column are recorded as separate AddPrimaryKey, AddUnique, AddForeignKey
// and AddCheck ops after it.
func (o *Recorder) AddColumn(table string, c *ColumnDef) {
	o.record(ops.AddColumn{Schema: o.schema, Table: table, Column: c.col, Position: c.pos})
	pk, uq, fk, ck := c.constraints(table)
	if pk {
		o.record(ops.AddPrimaryKey{Schema: o.schema, Table: table, PrimaryKey: model.PrimaryKey{
			Name: model.PrimaryKeyName(table), Columns: []string{c.col.Name},
		}})
	}
	if uq != nil {
		o.record(ops.AddUnique{Schema: o.schema, Table: table, Unique: *uq})
	}
	if fk != nil {
		o.record(ops.AddForeignKey{Schema: o.schema, Table: table, ForeignKey: *fk})
	}
	if ck != nil {
		o.record(ops.AddCheck{Schema: o.schema, Table: table, Check: *ck})
	}
}

// DropColumn records dropping column name of table. The optional
// definition (at most one, without inline constraints) is the column as it
// is, so the drop can be reversed:
//
//	op.DropColumn("members", "bio", op.Column("bio", "text"))
func (o *Recorder) DropColumn(table, name string, def ...*ColumnDef) {
	col := model.Column{Name: name, Nullable: true}
	var pos ops.ColumnPosition
	switch len(def) {
	case 0:
	case 1:
		col, pos = def[0].column("DropColumn"), def[0].pos
		if col.Name != name {
			fail("DropColumn(%q, %q): definition names column %q", table, name, col.Name)
		}
	default:
		fail("DropColumn(%q, %q): more than one definition", table, name)
	}
	o.record(ops.DropColumn{Schema: o.schema, Table: table, Column: col, Position: pos})
}

// AddForeignKey records adding a foreign key from table(cols) to
// refTable(refCols); chain OnDelete, OnUpdate, Deferrable,
// InitiallyDeferred and RefSchema.
func (o *Recorder) AddForeignKey(name, table string, cols []string, refTable string, refCols []string) *ForeignKeyDef {
	d := o.ForeignKey(name, cols, refTable, refCols)
	d.sync = recordAs(o, d.fk, func(fk model.ForeignKey) ops.Op {
		return ops.AddForeignKey{Schema: o.schema, Table: table, ForeignKey: fk}
	})
	return d
}

// DropForeignKey records dropping a foreign key; the arguments and chained
// methods are its definition for the reverse, as for [Recorder.AddForeignKey].
func (o *Recorder) DropForeignKey(name, table string, cols []string, refTable string, refCols []string) *ForeignKeyDef {
	d := o.ForeignKey(name, cols, refTable, refCols)
	d.sync = recordAs(o, d.fk, func(fk model.ForeignKey) ops.Op {
		return ops.DropForeignKey{Schema: o.schema, Table: table, ForeignKey: fk}
	})
	return d
}
