package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ExcludeDef is an exclusion constraint (PostgreSQL EXCLUDE): a table item
// from [Recorder.Exclude], or a recorded [Recorder.AddExclude] or
// [Recorder.DropExclude]. def is what follows EXCLUDE, as PostgreSQL
// renders it: op.Exclude("zones_no_overlap", "USING gist (area WITH &&)").
type ExcludeDef struct {
	x    model.Exclude
	sync func(model.Exclude)
}

// Exclude is the table item of an exclusion constraint; chain Comment.
func (o *Recorder) Exclude(name, def string) *ExcludeDef {
	return &ExcludeDef{x: model.Exclude{Name: name, Def: def}}
}

// AddExclude records adding an exclusion constraint to table; chain
// Comment.
func (o *Recorder) AddExclude(name, table, def string) *ExcludeDef {
	op := ops.AddExclude{Schema: o.schema, Table: table, Exclude: model.Exclude{Name: name, Def: def}}
	set := o.record(op)
	return &ExcludeDef{x: op.Exclude, sync: func(x model.Exclude) { op.Exclude = x; set(op) }}
}

// DropExclude records dropping an exclusion constraint; def (and a
// chained Comment) is its definition for the reverse.
func (o *Recorder) DropExclude(name, table, def string) *ExcludeDef {
	op := ops.DropExclude{Schema: o.schema, Table: table, Exclude: model.Exclude{Name: name, Def: def}}
	set := o.record(op)
	return &ExcludeDef{x: op.Exclude, sync: func(x model.Exclude) { op.Exclude = x; set(op) }}
}

// Comment sets the constraint's comment.
func (d *ExcludeDef) Comment(text string) *ExcludeDef {
	change(&d.x, d.sync, func(x *model.Exclude) { x.Comment = text })
	return d
}

func (d *ExcludeDef) addTo(t *model.Table, _ string) {
	t.Excludes = append(t.Excludes, d.x)
}
