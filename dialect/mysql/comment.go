package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// objectComment writes a comment-only change of an index or the primary
// key (see primaryKeyComment): MySQL and
// MariaDB cannot change an index's comment in place, so the index is
// dropped and created again with the new comment, from its definition in
// the live database. Neither server keeps constraint comments: setting
// one is refused. The differ emits the op for this dialect only for the
// primary key (it is no [dialect.ObjectCommenter]); a hand-written
// revision may for an index.
func (d *Dialect) objectComment(ctx context.Context, o ops.SetObjectComment, tables dialect.TableSource) ([]dialect.Statement, error) {
	switch {
	case o.Object == 0 || o.From == o.To:
		return nil, nil
	case o.Object == ops.CommentConstraint:
		if o.To == "" {
			return nil, nil
		}
		return nil, fmt.Errorf("%w: comment on constraint %s of %s: %s keeps no constraint comments", ErrUnsupported, o.Name, o.Table, d.serverName())
	case o.Object == ops.CommentPrimaryKey:
		return d.primaryKeyComment(ctx, o, tables)
	}
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil {
		return nil, err
	}
	ix, found := t.Index(o.Name)
	if !ok || !found {
		return nil, fmt.Errorf("mysql: comment on index %s of %s: %s rebuilds the index to change its comment, and its definition is not in the database (offline SQL?): write op.DropIndex and op.CreateIndex instead", o.Name, o.Table, d.serverName())
	}
	drop, err := d.dropIndexSQL(ctx, ops.DropIndex{Schema: o.Schema, Table: o.Table, Index: ix}, tables)
	if err != nil {
		return nil, err
	}
	ix.Comment = o.To
	create, err := d.createIndexSQL(ctx, ops.CreateIndex{Schema: o.Schema, Table: o.Table, Index: ix}, tables)
	if err != nil {
		return nil, err
	}
	return append(drop, create...), nil
}

// primaryKeyComment writes a comment-only change of the primary key: the
// key is dropped and added again with the new comment in one ALTER TABLE
// (an AUTO_INCREMENT key column stays keyed), from its columns in the live
// database.
func (d *Dialect) primaryKeyComment(ctx context.Context, o ops.SetObjectComment, tables dialect.TableSource) ([]dialect.Statement, error) {
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil {
		return nil, err
	}
	if !ok || len(t.PrimaryKey.Columns) == 0 {
		return nil, fmt.Errorf("mysql: comment on the primary key of %s: %s adds the key again to change its comment, and its columns are not in the database (offline SQL?): write op.DropPrimaryKey and op.AddPrimaryKey(...).Comment(...) instead", o.Table, d.serverName())
	}
	pk := t.PrimaryKey
	pk.Comment = o.To
	return d.alter(o.Schema, o.Table, "DROP PRIMARY KEY, ADD "+primaryKeyDef(pk)), nil
}

// excludeUnsupported refuses an exclusion constraint, which neither MySQL
// nor MariaDB has (models with one are refused when they are read); the
// zero value, which names none, writes nothing.
func excludeUnsupported(table string, x model.Exclude) error {
	if x == (model.Exclude{}) {
		return nil
	}
	return fmt.Errorf("%w: exclusion constraint %s on %s: exclusion constraints are PostgreSQL's", ErrUnsupported, x.Name, table)
}

// extensionUnsupported refuses a PostgreSQL extension; the zero value
// writes nothing.
func extensionUnsupported(e model.Extension) error {
	if e == (model.Extension{}) {
		return nil
	}
	return fmt.Errorf("%w: extension %s: extensions are PostgreSQL's", ErrUnsupported, e.Name)
}
