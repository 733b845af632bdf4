package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// NotValid marks the foreign key as added without checking the rows
// already there (PostgreSQL ADD ... NOT VALID, [model.ForeignKey.NotValid]);
// a table item so marked is added right after CREATE TABLE, which cannot
// hold NOT VALID.
func (d *ForeignKeyDef) NotValid() *ForeignKeyDef {
	return d.update(func(fk *model.ForeignKey) { fk.NotValid = true })
}

// NotValid marks the check as added without checking the rows already
// there (PostgreSQL ADD CONSTRAINT ... NOT VALID, [model.Check.NotValid]);
// a table item so marked is added right after CREATE TABLE, which cannot
// hold NOT VALID.
func (d *CheckDef) NotValid() *CheckDef {
	return d.update(func(ck *model.Check) { ck.NotValid = true })
}

// ValidateCheck records validating a NOT VALID check of table in place
// (PostgreSQL VALIDATE CONSTRAINT); expr and the chained methods are its
// definition, for the downgrade, which drops the check and adds it NOT
// VALID again.
func (o *Recorder) ValidateCheck(name, table, expr string) *CheckDef {
	d := o.Check(name, expr)
	d.ck.NotValid = true
	op := func(ck model.Check) ops.Op {
		ck.NotValid = true
		return ops.ValidateConstraint{Schema: o.schema, Table: table, Check: &ck}
	}
	d.sync = recordAs(o, d.ck, op)
	return d
}

// ValidateForeignKey records validating a NOT VALID foreign key of table in
// place (PostgreSQL VALIDATE CONSTRAINT); the arguments and chained methods
// are its definition, for the downgrade, which drops the key and adds it
// NOT VALID again.
func (o *Recorder) ValidateForeignKey(name, table string, cols []string, refTable string, refCols []string) *ForeignKeyDef {
	d := o.ForeignKey(name, cols, refTable, refCols)
	d.fk.NotValid = true
	op := func(fk model.ForeignKey) ops.Op {
		fk.NotValid = true
		return ops.ValidateConstraint{Schema: o.schema, Table: table, ForeignKey: &fk}
	}
	d.sync = recordAs(o, d.fk, op)
	return d
}
