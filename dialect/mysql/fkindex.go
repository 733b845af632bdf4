package mysql

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// MySQL keeps an index for every foreign key: when no index leads with the
// key's columns, it creates one named after the key, and it refuses to drop
// the last index that serves a key. An index named exactly like a foreign
// key of its table, over exactly the key's columns, is taken here to be
// MySQL's own index for that key (the model loader never names an index
// like that; Canonical adds such an index when no other serves the key).

// createIndexSQL writes CREATE INDEX, or nothing when the live table shows
// the index is the key's own and already there (the table was just created
// with the key). When the new index serves a key whose own index exists,
// that index goes in the same statement, as MySQL drops an index it made
// once another serves the key.
func (d *Dialect) createIndexSQL(ctx context.Context, o ops.CreateIndex, tables dialect.TableSource) ([]dialect.Statement, error) {
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil {
		return nil, err
	}
	if !ok {
		if d.Flavor == FlavorMariaDB && couldBeOwn(o.Index) {
			// Offline, or the table is new in this migration: its foreign
			// keys may have made this very index already.
			return []dialect.Statement{d.createIndex(o.Schema, o.Table, o.Index, true)}, nil
		}
		return []dialect.Statement{d.createIndex(o.Schema, o.Table, o.Index, false)}, nil
	}
	if ownIndex(t, o.Index) {
		if _, exists := t.Index(o.Index.Name); exists {
			return nil, nil
		}
	}
	var drops []string
	for _, fk := range t.ForeignKeys {
		own, exists := t.Index(fk.Name)
		if !exists || !ownIndex(t, own) || own.Name == o.Index.Name {
			continue
		}
		if servesKey(o.Index, fk.Columns) {
			drops = append(drops, "DROP INDEX "+quoteIdent(own.Name))
		}
	}
	if len(drops) == 0 {
		return []dialect.Statement{d.createIndex(o.Schema, o.Table, o.Index, false)}, nil
	}
	add := d.createIndex(o.Schema, o.Table, o.Index, false).Clause
	return d.alter(o.Schema, o.Table, add+", "+strings.Join(drops, ", ")), nil
}

// dropIndexSQL writes DROP INDEX, or nothing for a key's own index that
// nothing else serves (it goes with its key or table). When the index is the
// last that serves some key, the key gets its own index in the same
// statement, as MySQL would make it.
func (d *Dialect) dropIndexSQL(ctx context.Context, o ops.DropIndex, tables dialect.TableSource) ([]dialect.Statement, error) {
	drop := []dialect.Statement{d.dropIndex(o.Schema, o.Table, o.Index.Name)}
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil {
		return nil, err
	}
	if !ok {
		return drop, nil
	}
	live, exists := t.Index(o.Index.Name)
	if !exists {
		return drop, nil
	}
	var others []model.Index
	for _, ix := range t.Indexes {
		if ix.Name != live.Name {
			others = append(others, ix)
		}
	}
	var adds []string
	for _, fk := range t.ForeignKeys {
		if !servesKey(live, fk.Columns) || leadsIndex(fk.Columns, t.PrimaryKey.Columns, others) {
			continue
		}
		if fk.Name == live.Name && ownIndex(t, live) {
			return nil, nil // the key's own index: it stays while the key does
		}
		if _, taken := t.Index(fk.Name); taken {
			continue // let MySQL refuse, naming the key
		}
		adds = append(adds, "ADD INDEX "+quoteIdent(fk.Name)+" ("+identList(fk.Columns)+")")
		others = append(others, model.Index{Name: fk.Name, Parts: columnParts(fk.Columns)})
	}
	if len(adds) == 0 {
		return drop, nil
	}
	return d.alter(o.Schema, o.Table, strings.Join(adds, ", ")+", DROP INDEX "+quoteIdent(live.Name)), nil
}

// ownIndex reports whether ix is named like a foreign key of t and covers
// exactly its columns: the key's own index.
func ownIndex(t model.Table, ix model.Index) bool {
	if ix.Unique || ix.Method != "" && !strings.EqualFold(ix.Method, "BTREE") {
		return false
	}
	i := slices.IndexFunc(t.ForeignKeys, func(fk model.ForeignKey) bool { return fk.Name == ix.Name })
	if i < 0 || len(ix.Parts) != len(t.ForeignKeys[i].Columns) {
		return false
	}
	return servesKey(ix, t.ForeignKeys[i].Columns)
}

// foreignKeyIndex returns the live table's index that MariaDB made for an
// earlier unnamed key over the same columns (named after its first column,
// exactly the key's columns), with keep true: ADD CONSTRAINT name FOREIGN
// KEY drops such an index, which MariaDB flags as its own, and makes one
// named after the constraint (a key dropped and added back around a column
// change would come back with its index renamed), so the index is dropped
// and added back as an ordinary one in the same statement. keep is false
// when there is none, offline, or on MySQL.
func (d *Dialect) foreignKeyIndex(ctx context.Context, o ops.AddForeignKey, tables dialect.TableSource) (model.Index, bool, error) {
	fk := o.ForeignKey
	if d.Flavor != FlavorMariaDB || len(fk.Columns) == 0 {
		return model.Index{}, false, nil
	}
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil || !ok {
		return model.Index{}, false, err
	}
	ix, ok := t.Index(fk.Columns[0])
	if !ok || ix.Name == fk.Name || !couldBeOwn(ix) || len(ix.Parts) != len(fk.Columns) || !servesKey(ix, fk.Columns) {
		return model.Index{}, false, nil
	}
	return ix, true, nil
}

// couldBeOwn reports whether ix has the shape of a key's own index: plain,
// non-unique, whole columns.
func couldBeOwn(ix model.Index) bool {
	if ix.Unique || ix.Method != "" && !strings.EqualFold(ix.Method, "BTREE") || len(ix.Parts) == 0 {
		return false
	}
	for _, p := range ix.Parts {
		if p.Column == "" || p.Length != 0 || p.Desc {
			return false
		}
	}
	return true
}

// servesKey reports whether ix leads with cols (whole columns, in order).
func servesKey(ix model.Index, cols []string) bool {
	return leadsIndex(cols, nil, []model.Index{ix})
}

func columnParts(cols []string) []model.IndexPart {
	parts := make([]model.IndexPart, len(cols))
	for i, c := range cols {
		parts[i] = model.IndexPart{Column: c}
	}
	return parts
}

// liveTable reads a table from the source; offline (or without a source)
// it reports ok false and no error.
func liveTable(ctx context.Context, tables dialect.TableSource, schema, table string) (model.Table, bool, error) {
	if tables == nil {
		return model.Table{}, false, nil
	}
	t, ok, err := tables.Table(ctx, schema, table)
	if errors.Is(err, dialect.ErrOffline) {
		return model.Table{}, false, nil
	}
	if err != nil {
		return model.Table{}, false, fmt.Errorf("mysql: read table %s: %w", table, err)
	}
	return t, ok, nil
}
