package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// EnumDef is a recorded [ops.CreateEnum] or [ops.DropEnum], from
// [Recorder.CreateEnum] or [Recorder.DropEnum].
type EnumDef struct {
	e    model.Enum
	drop bool
	sync func(ops.Op)
}

func (o *Recorder) enumDef(drop bool, e model.Enum) *EnumDef {
	d := &EnumDef{e: e, drop: drop}
	d.sync = o.record(d.op())
	return d
}

func (d *EnumDef) op() ops.Op {
	if d.drop {
		return ops.DropEnum{Enum: d.e}
	}
	return ops.CreateEnum{Enum: d.e}
}

// Comment sets the type's comment (PostgreSQL COMMENT ON TYPE).
func (d *EnumDef) Comment(text string) *EnumDef {
	d.e.Comment = text
	d.sync(d.op())
	return d
}

// SetEnumComment records changing enum's comment from from to to ("" is
// none).
func (o *Recorder) SetEnumComment(enum, from, to string) {
	o.record(ops.SetEnumComment{Schema: o.schema, Enum: enum, From: from, To: to})
}
