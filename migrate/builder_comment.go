package migrate

import "github.com/retortdb/retort/ops"

// SetIndexComment records changing only the comment of table's index
// from from to to ("" is no comment), in place (PostgreSQL COMMENT ON
// INDEX; MySQL and MariaDB rebuild the index to change it).
func (o *Recorder) SetIndexComment(table, index, from, to string) {
	o.record(ops.SetObjectComment{Schema: o.schema, Table: table, Object: ops.CommentIndex, Name: index, From: from, To: to})
}

// SetPrimaryKeyComment records changing only the comment of table's
// primary key name ("" where the database names it) from from to to (""
// is no comment): PostgreSQL COMMENT ON CONSTRAINT; MySQL and MariaDB drop
// and add the key again with the comment in one ALTER TABLE.
func (o *Recorder) SetPrimaryKeyComment(table, name, from, to string) {
	o.record(ops.SetObjectComment{Schema: o.schema, Table: table, Object: ops.CommentPrimaryKey, Name: name, From: from, To: to})
}

// SetConstraintComment records changing only the comment of table's
// unique, foreign key or check constraint name from from to to ("" is no
// comment), in place (PostgreSQL COMMENT ON CONSTRAINT).
func (o *Recorder) SetConstraintComment(table, name, from, to string) {
	o.record(ops.SetObjectComment{Schema: o.schema, Table: table, Object: ops.CommentConstraint, Name: name, From: from, To: to})
}
