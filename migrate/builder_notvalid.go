package migrate

import "github.com/retortdb/retort/model"

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
