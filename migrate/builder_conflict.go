package migrate

import (
	"slices"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// The builder calls of SQLite's ON CONFLICT clauses ([model.ConflictAction])
// and of a descending primary key column ([model.PrimaryKey].Desc).

// NotNullOnConflict sets the ON CONFLICT clause of the column's NOT NULL
// (SQLite; [model.Column].NotNullOnConflict). Chain NotNull too.
func (c *ColumnDef) NotNullOnConflict(a model.ConflictAction) *ColumnDef {
	c.col.NotNullOnConflict = a
	return c
}

// OnConflict sets the key's ON CONFLICT clause (SQLite).
func (d *PrimaryKeyDef) OnConflict(a model.ConflictAction) *PrimaryKeyDef {
	return d.update(func(pk *model.PrimaryKey) { pk.OnConflict = a })
}

// Desc makes the named key columns descend (SQLite PRIMARY KEY DESC); they
// are kept in key order.
func (d *PrimaryKeyDef) Desc(cols ...string) *PrimaryKeyDef {
	return d.update(func(pk *model.PrimaryKey) {
		for _, c := range cols {
			if !slices.Contains(pk.Desc, c) {
				pk.Desc = append(pk.Desc, c)
			}
		}
	})
}

// OnConflict sets the constraint's ON CONFLICT clause (SQLite).
func (d *UniqueDef) OnConflict(a model.ConflictAction) *UniqueDef {
	return d.update(func(u *model.Unique) { u.OnConflict = a })
}

// NotNullOnConflict changes the ON CONFLICT clause of the column's NOT
// NULL (SQLite); it sets the [ops.ChangeNullable] bit.
func (d *AlterColumnDef) NotNullOnConflict(from, to model.ConflictAction) *AlterColumnDef {
	d.conflict = &[2]model.ConflictAction{from, to}
	d.sync(d.build())
	return d
}

// applyConflict puts a NotNullOnConflict change on from and to.
func (d *AlterColumnDef) applyConflict(from, to *model.Column, change *ops.ChangeKind) {
	if d.conflict == nil {
		return
	}
	from.NotNullOnConflict, to.NotNullOnConflict = d.conflict[0], d.conflict[1]
	*change |= ops.ChangeNullable
}
