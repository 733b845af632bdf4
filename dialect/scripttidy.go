package dialect

import "github.com/retortdb/retort/ops"

// ScriptTidier is implemented by dialects whose catalog spells out, in
// what it reflects, things a generated revision need not repeat because
// the database supplies them anyway: PostgreSQL's default index method
// (USING btree) and a literal default's cast to the column's own type
// ('free'::character varying). autogen passes every op it compares out
// through TidyOp before the ops are printed or written; the tidied op must
// run as the same DDL and compare equal to the original.
type ScriptTidier interface {
	// TidyOp returns op without what the database would add by itself.
	TidyOp(op ops.Op) ops.Op
}
