package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// CreateExtension records installing a PostgreSQL extension (CREATE
// EXTENSION IF NOT EXISTS), into the recorder's schema when it has one:
//
//	op.CreateExtension("citext")
func (o *Recorder) CreateExtension(name string) {
	o.record(ops.CreateExtension{Extension: model.Extension{Name: name, Schema: o.schema}})
}

// DropExtension records removing a PostgreSQL extension; the server
// refuses while anything still uses it.
func (o *Recorder) DropExtension(name string) {
	o.record(ops.DropExtension{Extension: model.Extension{Name: name, Schema: o.schema}})
}
