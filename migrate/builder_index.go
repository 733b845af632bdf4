package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// CreateIndex records creating index name on table over cols; chain
// Unique, Expr, Columns, Desc, Length, Where, Using, Include and
// Concurrently:
//
//	op.CreateIndex("ix_users_email", "users", "email").Unique().Where("deleted_at IS NULL")
//	op.CreateIndex("ix_users_lower_name", "users").Expr("lower(name)")
func (o *Recorder) CreateIndex(name, table string, cols ...string) *IndexDef {
	d := o.Index(name, cols...)
	schema := o.schema
	set := o.record(ops.CreateIndex{Schema: schema, Table: table, Index: d.ix})
	d.sync = func() {
		set(ops.CreateIndex{Schema: schema, Table: table, Index: d.ix, Concurrently: d.concurrently})
	}
	return d
}

// DropIndex records dropping index name of table. The columns and chained
// methods are its definition, as for [Recorder.CreateIndex], so the drop can be
// reversed.
func (o *Recorder) DropIndex(name, table string, cols ...string) *IndexDef {
	d := o.Index(name, cols...)
	schema := o.schema
	set := o.record(ops.DropIndex{Schema: schema, Table: table, Index: d.ix})
	d.sync = func() {
		set(ops.DropIndex{Schema: schema, Table: table, Index: d.ix, Concurrently: d.concurrently})
	}
	return d
}

// Index is the table item of an index (for the full definition a
// [Recorder.DropTable] carries); new indexes are created with [Recorder.CreateIndex].
func (o *Recorder) Index(name string, cols ...string) *IndexDef {
	d := &IndexDef{ix: model.Index{Name: name}}
	for _, c := range cols {
		d.ix.Parts = append(d.ix.Parts, model.IndexPart{Column: c})
	}
	return d
}

// IndexDef is an index definition: a table item from [Recorder.Index], or the op
// recorded by [Recorder.CreateIndex] or [Recorder.DropIndex].
type IndexDef struct {
	ix           model.Index
	concurrently bool
	sync         func()
}

func (d *IndexDef) addTo(t *model.Table, call string) {
	if d.concurrently {
		fail("%s(%q): index %q: Concurrently on a table item", call, t.Name, d.ix.Name)
	}
	t.Indexes = append(t.Indexes, d.ix)
}

func (d *IndexDef) update(f func()) *IndexDef {
	f()
	if d.sync != nil {
		d.sync()
	}
	return d
}

// Unique makes the index unique.
func (d *IndexDef) Unique() *IndexDef { return d.update(func() { d.ix.Unique = true }) }

// Columns appends column keys after the existing ones.
func (d *IndexDef) Columns(cols ...string) *IndexDef {
	return d.update(func() {
		for _, c := range cols {
			d.ix.Parts = append(d.ix.Parts, model.IndexPart{Column: c})
		}
	})
}

// Expr appends expression keys ("lower(email)") after the existing ones.
func (d *IndexDef) Expr(exprs ...string) *IndexDef {
	return d.update(func() {
		for _, e := range exprs {
			d.ix.Parts = append(d.ix.Parts, model.IndexPart{Expr: e})
		}
	})
}

// Desc sorts the key named key (a column, or an expression as given to
// Expr) descending. It panics when no key has that name.
func (d *IndexDef) Desc(key string) *IndexDef {
	return d.update(func() { d.part("Desc", key, func(p *model.IndexPart) { p.Desc = true }) })
}

// Length sets a MySQL prefix length on the key named key.
func (d *IndexDef) Length(key string, n int) *IndexDef {
	return d.update(func() { d.part("Length", key, func(p *model.IndexPart) { p.Length = n }) })
}

// part applies f to every key named key.
func (d *IndexDef) part(call, key string, f func(p *model.IndexPart)) {
	found := false
	for i := range d.ix.Parts {
		p := &d.ix.Parts[i]
		if p.Column == key && p.Column != "" || p.Column == "" && p.Expr == key {
			f(p)
			found = true
		}
	}
	if !found {
		fail("%s(%q): index %q has no such key", call, key, d.ix.Name)
	}
}

// Where makes the index partial, over the rows matching predicate.
func (d *IndexDef) Where(predicate string) *IndexDef {
	return d.update(func() { d.ix.Where = predicate })
}

// Using sets the access method (btree, gin, gist, hash, brin; FULLTEXT on
// MySQL).
func (d *IndexDef) Using(method string) *IndexDef {
	return d.update(func() { d.ix.Method = method })
}

// Include adds non-key columns (PostgreSQL INCLUDE).
func (d *IndexDef) Include(cols ...string) *IndexDef {
	return d.update(func() { d.ix.Include = append(d.ix.Include, cols...) })
}

// Comment sets the index's comment (PostgreSQL COMMENT ON INDEX,
// MySQL/MariaDB COMMENT).
func (d *IndexDef) Comment(text string) *IndexDef {
	return d.update(func() { d.ix.Comment = text })
}

// Invisible keeps the index out of the optimizer's reach (MariaDB IGNORED,
// MySQL INVISIBLE).
func (d *IndexDef) Invisible() *IndexDef {
	return d.update(func() { d.ix.Invisible = true })
}

// Concurrently builds (or drops) the index without locking writes
// (PostgreSQL), outside the migration's transaction.
func (d *IndexDef) Concurrently() *IndexDef {
	return d.update(func() { d.concurrently = true })
}

// Collate sets the collation of the key named key (COLLATE "C").
func (d *IndexDef) Collate(key, collation string) *IndexDef {
	return d.update(func() { d.part("Collate", key, func(p *model.IndexPart) { p.Collation = collation }) })
}

// Opclass sets the operator class of the key named key (text_pattern_ops).
func (d *IndexDef) Opclass(key, opclass string) *IndexDef {
	return d.update(func() { d.part("Opclass", key, func(p *model.IndexPart) { p.Opclass = opclass }) })
}

// Nulls places the NULLs of the key named key (NULLS FIRST or LAST).
func (d *IndexDef) Nulls(key string, order model.NullsOrder) *IndexDef {
	return d.update(func() { d.part("Nulls", key, func(p *model.IndexPart) { p.Nulls = order }) })
}

// NullsNotDistinct makes a unique index treat NULLs as equal.
func (d *IndexDef) NullsNotDistinct() *IndexDef {
	return d.update(func() { d.ix.NullsNotDistinct = true })
}

// With sets the index's storage parameters ("fillfactor=70").
func (d *IndexDef) With(params string) *IndexDef {
	return d.update(func() { d.ix.StorageParams = params })
}
