package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// PrimaryKeyDef is a primary key definition: a table item from
// [Recorder.PrimaryKey], or the op recorded by [Recorder.AddPrimaryKey] or
// [Recorder.DropPrimaryKey]. Chain Deferrable, InitiallyDeferred and Comment.
type PrimaryKeyDef struct {
	pk   model.PrimaryKey
	sync func(model.PrimaryKey)
}

// PrimaryKey is the table item of a (possibly composite) primary key named
// name; for [Recorder.AddPrimaryKey] see there.
func (o *Recorder) PrimaryKey(name string, cols ...string) *PrimaryKeyDef {
	return &PrimaryKeyDef{pk: model.PrimaryKey{Name: name, Columns: cloneStrings(cols)}}
}

func (d *PrimaryKeyDef) addTo(t *model.Table, call string) {
	if len(t.PrimaryKey.Columns) > 0 || t.PrimaryKey.Name != "" {
		fail("%s(%q): two primary keys", call, t.Name)
	}
	t.PrimaryKey = d.pk
}

func (d *PrimaryKeyDef) update(f func(pk *model.PrimaryKey)) *PrimaryKeyDef {
	change(&d.pk, d.sync, f)
	return d
}

// Deferrable makes the constraint DEFERRABLE (PostgreSQL).
func (d *PrimaryKeyDef) Deferrable() *PrimaryKeyDef {
	return d.update(func(pk *model.PrimaryKey) { pk.Deferrable = true })
}

// InitiallyDeferred makes the constraint INITIALLY DEFERRED (PostgreSQL).
func (d *PrimaryKeyDef) InitiallyDeferred() *PrimaryKeyDef {
	return d.update(func(pk *model.PrimaryKey) { pk.InitiallyDeferred = true })
}

// Comment gives the key a comment (MySQL PRIMARY KEY (...) COMMENT
// 'text', PostgreSQL COMMENT ON CONSTRAINT).
func (d *PrimaryKeyDef) Comment(text string) *PrimaryKeyDef {
	return d.update(func(pk *model.PrimaryKey) { pk.Comment = text })
}

// AddPrimaryKey records adding a primary key to table; chain Deferrable,
// InitiallyDeferred and Comment.
func (o *Recorder) AddPrimaryKey(name, table string, cols ...string) *PrimaryKeyDef {
	d := o.PrimaryKey(name, cols...)
	d.sync = recordAs(o, d.pk, func(pk model.PrimaryKey) ops.Op {
		return ops.AddPrimaryKey{Schema: o.schema, Table: table, PrimaryKey: pk}
	})
	return d
}

// DropPrimaryKey records dropping table's primary key; cols and the chained
// methods are its definition for the reverse.
func (o *Recorder) DropPrimaryKey(name, table string, cols ...string) *PrimaryKeyDef {
	d := o.PrimaryKey(name, cols...)
	d.sync = recordAs(o, d.pk, func(pk model.PrimaryKey) ops.Op {
		return ops.DropPrimaryKey{Schema: o.schema, Table: table, PrimaryKey: pk}
	})
	return d
}

// UniqueDef is a unique constraint definition: a table item from
// [Recorder.Unique], or the op recorded by [Recorder.AddUnique] or
// [Recorder.DropUnique]. Chain NullsNotDistinct, Deferrable,
// InitiallyDeferred and Comment.
type UniqueDef struct {
	u    model.Unique
	sync func(model.Unique)
}

// Unique is the table item of a unique constraint.
func (o *Recorder) Unique(name string, cols ...string) *UniqueDef {
	return &UniqueDef{u: model.Unique{Name: name, Columns: cloneStrings(cols)}}
}

func (d *UniqueDef) addTo(t *model.Table, _ string) {
	t.Uniques = append(t.Uniques, d.u)
}

func (d *UniqueDef) update(f func(u *model.Unique)) *UniqueDef {
	change(&d.u, d.sync, f)
	return d
}

// NullsNotDistinct makes the constraint treat NULLs as equal (PostgreSQL
// NULLS NOT DISTINCT).
func (d *UniqueDef) NullsNotDistinct() *UniqueDef {
	return d.update(func(u *model.Unique) { u.NullsNotDistinct = true })
}

// Deferrable makes the constraint DEFERRABLE (PostgreSQL).
func (d *UniqueDef) Deferrable() *UniqueDef {
	return d.update(func(u *model.Unique) { u.Deferrable = true })
}

// InitiallyDeferred makes the constraint INITIALLY DEFERRED (PostgreSQL).
func (d *UniqueDef) InitiallyDeferred() *UniqueDef {
	return d.update(func(u *model.Unique) { u.InitiallyDeferred = true })
}

// Comment sets the constraint's comment (PostgreSQL COMMENT ON
// CONSTRAINT).
func (d *UniqueDef) Comment(text string) *UniqueDef {
	return d.update(func(u *model.Unique) { u.Comment = text })
}

// AddUnique records adding a unique constraint to table; chain
// NullsNotDistinct, Deferrable, InitiallyDeferred and Comment.
func (o *Recorder) AddUnique(name, table string, cols ...string) *UniqueDef {
	d := o.Unique(name, cols...)
	d.sync = recordAs(o, d.u, func(u model.Unique) ops.Op {
		return ops.AddUnique{Schema: o.schema, Table: table, Unique: u}
	})
	return d
}

// DropUnique records dropping a unique constraint; cols and the chained
// methods are its definition for the reverse.
func (o *Recorder) DropUnique(name, table string, cols ...string) *UniqueDef {
	d := o.Unique(name, cols...)
	d.sync = recordAs(o, d.u, func(u model.Unique) ops.Op {
		return ops.DropUnique{Schema: o.schema, Table: table, Unique: u}
	})
	return d
}

// CheckDef is a check constraint definition: a table item from
// [Recorder.Check], or the op recorded by [Recorder.AddCheck] or
// [Recorder.DropCheck]. Chain NoInherit and Comment.
type CheckDef struct {
	ck   model.Check
	sync func(model.Check)
}

// Check is the table item of a check constraint.
func (o *Recorder) Check(name, expr string) *CheckDef {
	return &CheckDef{ck: model.Check{Name: name, Expr: expr}}
}

func (d *CheckDef) addTo(t *model.Table, _ string) {
	t.Checks = append(t.Checks, d.ck)
}

func (d *CheckDef) update(f func(ck *model.Check)) *CheckDef {
	change(&d.ck, d.sync, f)
	return d
}

// NoInherit keeps the check off child tables (PostgreSQL NO INHERIT).
func (d *CheckDef) NoInherit() *CheckDef {
	return d.update(func(ck *model.Check) { ck.NoInherit = true })
}

// Comment sets the constraint's comment (PostgreSQL COMMENT ON
// CONSTRAINT).
func (d *CheckDef) Comment(text string) *CheckDef {
	return d.update(func(ck *model.Check) { ck.Comment = text })
}

// AddCheck records adding a check constraint to table; chain NoInherit
// and Comment.
func (o *Recorder) AddCheck(name, table, expr string) *CheckDef {
	d := o.Check(name, expr)
	d.sync = recordAs(o, d.ck, func(ck model.Check) ops.Op {
		return ops.AddCheck{Schema: o.schema, Table: table, Check: ck}
	})
	return d
}

// DropCheck records dropping a check constraint; expr and the chained
// methods are its definition for the reverse.
func (o *Recorder) DropCheck(name, table, expr string) *CheckDef {
	d := o.Check(name, expr)
	d.sync = recordAs(o, d.ck, func(ck model.Check) ops.Op {
		return ops.DropCheck{Schema: o.schema, Table: table, Check: ck}
	})
	return d
}
