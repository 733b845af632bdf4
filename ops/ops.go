package ops

import "github.com/retortdb/retort/model"

// Op is one schema operation. The interface is sealed: only this package
// defines ops; user-defined operations travel inside [Custom].
type Op interface {
	isOp()
	// Reverse returns the op that undoes this one, and false when the op
	// does not carry enough to be undone (an Execute without DownSQL).
	Reverse() (Op, bool)
}

// CreateTable creates a table with its columns, primary key, unique
// constraints, foreign keys and checks. Indexes are separate [CreateIndex] ops.
type CreateTable struct {
	Table model.Table
}

// DropTable drops a table; Table is its full definition so the drop can be
// reversed.
type DropTable struct {
	Table model.Table
}

// RenameTable renames a table.
type RenameTable struct {
	Schema string
	From   string
	To     string
}

// AddColumn adds a column to a table, last unless Position says where.
type AddColumn struct {
	Schema   string
	Table    string
	Column   model.Column
	Position ColumnPosition
}

// DropColumn drops a column; Column is its full definition and Position
// where it stood, for the reverse.
type DropColumn struct {
	Schema   string
	Table    string
	Column   model.Column
	Position ColumnPosition
}

// ColumnPosition says where an added column goes: the zero value is last
// (every dialect), First before every column, After behind the named
// column. Only dialects that can place a column (MySQL's FIRST and AFTER)
// honour it; diff sets it only for those.
type ColumnPosition struct {
	First bool
	After string
}

// IsLast reports whether p is the default position, after every column.
func (p ColumnPosition) IsLast() bool { return !p.First && p.After == "" }

// AlterColumn changes a column in place. From and To are the whole column
// before and after; Change says which aspects differ.
type AlterColumn struct {
	Schema string
	Table  string
	Change ChangeKind
	From   model.Column
	To     model.Column
	// Using, when set, is the SQL expression that computes the new value
	// of a type change from the row (PostgreSQL's ALTER COLUMN ... TYPE
	// ... USING; the copy expression of SQLite's rebuild), written by hand
	// in a revision or set by a rewriter. Empty converts with the
	// dialect's cast. The reverse does not carry it: the downgrade casts
	// back unless it sets its own.
	Using string
}

// RenameColumn renames a column.
type RenameColumn struct {
	Schema string
	Table  string
	From   string
	To     string
}

// CreateIndex creates an index.
type CreateIndex struct {
	Schema string
	Table  string
	Index  model.Index
	// Concurrently asks PostgreSQL to build without locking writes; such an
	// index is built outside the migration's transaction.
	Concurrently bool
}

// DropIndex drops an index; Index is its full definition for the reverse.
type DropIndex struct {
	Schema       string
	Table        string
	Index        model.Index
	Concurrently bool
}

// AddPrimaryKey adds a primary key to a table that has none.
type AddPrimaryKey struct {
	Schema     string
	Table      string
	PrimaryKey model.PrimaryKey
}

// DropPrimaryKey drops a table's primary key.
type DropPrimaryKey struct {
	Schema     string
	Table      string
	PrimaryKey model.PrimaryKey
}

// AddUnique adds a unique constraint.
type AddUnique struct {
	Schema string
	Table  string
	Unique model.Unique
}

// DropUnique drops a unique constraint.
type DropUnique struct {
	Schema string
	Table  string
	Unique model.Unique
}

// AddForeignKey adds a foreign key constraint.
type AddForeignKey struct {
	Schema     string
	Table      string
	ForeignKey model.ForeignKey
}

// DropForeignKey drops a foreign key constraint.
type DropForeignKey struct {
	Schema     string
	Table      string
	ForeignKey model.ForeignKey
}

// AddCheck adds a check constraint.
type AddCheck struct {
	Schema string
	Table  string
	Check  model.Check
}

// DropCheck drops a check constraint.
type DropCheck struct {
	Schema string
	Table  string
	Check  model.Check
}

// SetTableComment changes a table's comment.
type SetTableComment struct {
	Schema string
	Table  string
	From   string
	To     string
}

// SetTableOptions changes dialect table options (MySQL ENGINE, CHARSET,
// COLLATE). From and To hold every option that differs.
type SetTableOptions struct {
	Schema string
	Table  string
	From   []model.TableOption
	To     []model.TableOption
}

// CreateEnum creates a named enum type.
type CreateEnum struct {
	Enum model.Enum
}

// DropEnum drops a named enum type; Enum is its definition for the reverse.
type DropEnum struct {
	Enum model.Enum
}

// RenameEnum renames an enum type. The differ uses it to rebuild an enum
// whose values were removed or reordered: the old type is renamed aside,
// the new one created, the columns converted, the old one dropped.
type RenameEnum struct {
	Schema string
	From   string
	To     string
}

// AddEnumValue adds a value to an enum type, placed before or after an
// existing value (both empty: at the end). PostgreSQL cannot remove it again,
// so it has no reverse.
type AddEnumValue struct {
	Schema string
	Enum   string
	Value  string
	Before string
	After  string
}

// ValidateConstraint checks the rows already there against a NOT VALID
// check or foreign key and marks it valid in place (PostgreSQL ALTER TABLE
// ... VALIDATE CONSTRAINT), where a drop and an add would hold the table's
// strongest lock while the rows are checked. Exactly one of Check and
// ForeignKey is set: the constraint as it is before, NOT VALID; the
// downgrade ([ValidateConstraint.ReverseOps]) drops it and adds it NOT
// VALID again.
type ValidateConstraint struct {
	Schema     string
	Table      string
	Check      *model.Check
	ForeignKey *model.ForeignKey
}

// Name is the validated constraint's name.
func (o ValidateConstraint) Name() string {
	if o.ForeignKey != nil {
		return o.ForeignKey.Name
	}
	if o.Check != nil {
		return o.Check.Name
	}
	return ""
}

// SetEnumComment changes an enum type's comment (PostgreSQL COMMENT ON
// TYPE); "" is none.
type SetEnumComment struct {
	Schema string
	Enum   string
	From   string
	To     string
}

// Execute runs SQL written by hand. DownSQL, when set, is the SQL that undoes it.
type Execute struct {
	SQL     string
	DownSQL string
	// NoTransaction runs the SQL outside the migration's transaction.
	NoTransaction bool
}

// BulkInsert inserts rows of literal values: data in hand-written
// revisions (Alembic's bulk_insert). Each row holds one value per column:
// nil, a bool, an integer, a float, a string, a []byte or a time.Time. It
// has no reverse: the rows may have changed by the time it is undone, so a
// downgrade deletes them by hand (an Execute).
type BulkInsert struct {
	Schema  string
	Table   string
	Columns []string
	Rows    [][]any
}

// Custom carries a user-defined operation (see [CustomOp]).
type Custom struct {
	Op CustomOp
}

// CustomOp is an operation a team defines without forking retort. It says
// how it reverses; dialects and render ask it for SQL and Go through the
// interfaces they define.
type CustomOp interface {
	// Name identifies the operation kind in messages, e.g. "create_policy".
	Name() string
	// ReverseCustom returns the undoing operation, and false if there is none.
	ReverseCustom() (CustomOp, bool)
}

func (CreateTable) isOp()        {}
func (DropTable) isOp()          {}
func (RenameTable) isOp()        {}
func (AddColumn) isOp()          {}
func (DropColumn) isOp()         {}
func (AlterColumn) isOp()        {}
func (RenameColumn) isOp()       {}
func (CreateIndex) isOp()        {}
func (DropIndex) isOp()          {}
func (AddPrimaryKey) isOp()      {}
func (DropPrimaryKey) isOp()     {}
func (AddUnique) isOp()          {}
func (DropUnique) isOp()         {}
func (AddForeignKey) isOp()      {}
func (DropForeignKey) isOp()     {}
func (AddCheck) isOp()           {}
func (DropCheck) isOp()          {}
func (SetTableComment) isOp()    {}
func (SetTableOptions) isOp()    {}
func (CreateEnum) isOp()         {}
func (DropEnum) isOp()           {}
func (AddEnumValue) isOp()       {}
func (RenameEnum) isOp()         {}
func (SetEnumComment) isOp()     {}
func (ValidateConstraint) isOp() {}
func (Execute) isOp()            {}
func (BulkInsert) isOp()         {}
func (Custom) isOp()             {}

// All returns one zero value of every op type, in declaration order.
// Tests use it to prove a switch over ops is exhaustive.
func All() []Op {
	return []Op{
		CreateTable{}, DropTable{}, RenameTable{},
		AddColumn{}, DropColumn{}, AlterColumn{}, RenameColumn{},
		CreateIndex{}, DropIndex{},
		AddPrimaryKey{}, DropPrimaryKey{},
		AddUnique{}, DropUnique{},
		AddForeignKey{}, DropForeignKey{},
		AddCheck{}, DropCheck{}, ValidateConstraint{},
		AddExclude{}, DropExclude{},
		SetTableComment{}, SetTableOptions{}, SetObjectComment{},
		CreateEnum{}, DropEnum{}, RenameEnum{}, AddEnumValue{}, SetEnumComment{},
		CreateExtension{}, DropExtension{},
		Execute{}, BulkInsert{}, Custom{},
	}
}
