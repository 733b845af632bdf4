package migrate

import "github.com/retortdb/retort/ops"

// SetIndexComment records changing only the comment of table's index
// from from to to ("" is no comment), in place (PostgreSQL COMMENT ON
// INDEX; MySQL and MariaDB rebuild the index to change it).
func (o *Recorder) SetIndexComment(table, index, from, to string) {
	o.record(ops.SetObjectComment{Schema: o.schema, Table: table, Object: ops.CommentIndex, Name: index, From: from, To: to})
}

// SetConstraintComment records changing only the comment of table's
// unique, foreign key or check constraint name from from to to ("" is no
// comment), in place (PostgreSQL COMMENT ON CONSTRAINT).
func (o *Recorder) SetConstraintComment(table, name, from, to string) {
	o.record(ops.SetObjectComment{Schema: o.schema, Table: table, Object: ops.CommentConstraint, Name: name, From: from, To: to})
}
