package load

import (
	"errors"
	"strings"
)

// Sentinel errors [Models] wraps inside a [TagError]; test with errors.Is.
var (
	// ErrUnknownOption: a tag names an option the loader does not know.
	ErrUnknownOption = errors.New("unknown tag option")
	// ErrBadTag: a tag is malformed (an unterminated quote, unbalanced
	// parentheses, a missing or malformed value, a repeated option).
	ErrBadTag = errors.New("bad tag")
	// ErrConflictingOptions: two options of one tag contradict each other
	// (null and notnull, type= and size=).
	ErrConflictingOptions = errors.New("conflicting tag options")
	// ErrNoType: a field's Go type has no column type of its own; the
	// field needs a type= option.
	ErrNoType = errors.New("no column type for Go type")
	// ErrDuplicateColumn: two fields map to the same column name.
	ErrDuplicateColumn = errors.New("duplicate column")
	// ErrDuplicateTable: two models map to the same table.
	ErrDuplicateTable = errors.New("duplicate table")
	// ErrDuplicateName: two indexes or constraints of a table share a name.
	ErrDuplicateName = errors.New("duplicate index or constraint name")
	// ErrUnknownColumn: a table-level index or constraint names a column
	// the table does not have.
	ErrUnknownColumn = errors.New("unknown column")
	// ErrUnknownTable: a foreign key references a table that is not a
	// model but is spelled like one (fk=product.id beside a model table
	// products): a typo.
	ErrUnknownTable = errors.New("unknown table")
	// ErrUnexportedField: a db tag on an unexported field, which the
	// loader cannot read and so would leave out silently.
	ErrUnexportedField = errors.New("db tag on an unexported field")
	// ErrEnumMismatch: one enum name is declared with different values.
	ErrEnumMismatch = errors.New("enum declared with different values")
	// ErrNoColumns: a model has no usable fields.
	ErrNoColumns = errors.New("no columns")
	// ErrNotStruct: a model is not a struct or a pointer to one.
	ErrNotStruct = errors.New("model is not a struct")
)

// TagError is one problem with one model, and where it is: the Go type
// ("models.User"), the field ("Email"; a dotted path such as
// "Timestamps.CreatedAt" for a field of an embedded struct; empty for the
// struct as a whole), and the field's source position ("models/user.go:14")
// when [Options.Positions] knows it.
type TagError struct {
	// Type is the Go type as reflect prints it, e.g. "models.User".
	Type string
	// Field is the Go field name, or the path through embedded structs.
	Field string
	// Pos is "file:line", or "" when unknown.
	Pos string
	// Err is the problem; it wraps one of the package's sentinels.
	Err error
}

// Error renders `models.User.Email (models/user.go:14): <problem>`, without
// the parenthesised position when it is unknown and without ".Field" for a
// problem with the struct itself.
func (e *TagError) Error() string {
	var b strings.Builder
	b.WriteString(e.Type)
	if e.Field != "" {
		b.WriteByte('.')
		b.WriteString(e.Field)
	}
	if e.Pos != "" {
		b.WriteString(" (")
		b.WriteString(e.Pos)
		b.WriteByte(')')
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("invalid model")
	}
	return b.String()
}

// Unwrap returns the underlying problem.
func (e *TagError) Unwrap() error { return e.Err }
