package dialect

import "github.com/retortdb/retort/model"

// ColumnChecker is implemented by dialects that cannot create some column
// definitions a model may declare as written: a default calling a function
// the database does not have (every insert would fail), an option it has
// no equivalent for (silently dropped otherwise). autogen asks it about
// every model column while loading the models, so the problem is reported
// as a model error on the field, with the fix.
type ColumnChecker interface {
	// CheckColumn returns an error saying what table's column c cannot be
	// and what to write instead, or nil.
	CheckColumn(table model.Table, c model.Column) error
}
