package migrate

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// A column-level check ([model.Check.Column]) is a CHECK written in its
// column's definition and named after the column. MariaDB keeps it apart
// from a table constraint; the other dialects make it one.

// ColumnCheck is the table item of a column-level check on column.
func (o *Recorder) ColumnCheck(column, expr string) TableItem {
	return &CheckDef{ck: model.Check{Name: column, Expr: expr, Column: column}}
}

// AddColumnCheck records adding a column-level check on column of table.
func (o *Recorder) AddColumnCheck(table, column, expr string) {
	o.record(ops.AddCheck{Schema: o.schema, Table: table, Check: model.Check{Name: column, Expr: expr, Column: column}})
}

// DropColumnCheck records dropping the column-level check on column of
// table; expr is its expression, for the reverse.
func (o *Recorder) DropColumnCheck(table, column, expr string) {
	o.record(ops.DropCheck{Schema: o.schema, Table: table, Check: model.Check{Name: column, Expr: expr, Column: column}})
}
