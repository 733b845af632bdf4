package dialect

import (
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// RiskKind says what a [Risk] is about.
type RiskKind uint8

// Risk kinds.
const (
	// RiskFailsOnRows: the op may fail, or change values, because of rows
	// the table holds.
	RiskFailsOnRows RiskKind = iota + 1
	// RiskLock: the op blocks reads or writes of the table while it runs.
	RiskLock
	// RiskRebuild: the op copies the table into a new one.
	RiskRebuild
)

// RiskLevel says how much a [Risk] matters.
type RiskLevel uint8

// Risk levels.
const (
	// RiskInfo is worth knowing.
	RiskInfo RiskLevel = iota + 1
	// RiskWarning deserves a look before the op runs on a live database.
	RiskWarning
)

// Risk is one cost of running an op on a table that holds rows, as only
// its dialect knows it: the locks PostgreSQL and MySQL take, the copies
// MySQL's ALGORITHM=COPY and SQLite's rebuilds make. Package safety turns
// risks into findings, after the findings every dialect shares (data loss,
// failures on existing rows).
type Risk struct {
	Kind  RiskKind
	Level RiskLevel
	// Object names what the risk is about: a table or table.column,
	// schema-qualified when the op is.
	Object string
	// Message is the sentence a reviewer reads, without a trailing period.
	Message string
}

// RiskContext is what a [RiskAssessor] knows about the op's table.
type RiskContext struct {
	// New is set when an earlier op of the same list created the table:
	// it holds no rows.
	New bool
	// Table is the table as the earlier ops of the list left it, when the
	// caller knows the schema the list starts from; nil otherwise.
	Table *model.Table
	// Earlier are the ops before this one in the list, so that a dialect
	// that carries several ops out at once ([RebuildCombiner]) reports a
	// shared cost once.
	Earlier []ops.Op
}

// RiskAssessor is implemented by dialects whose DDL costs more on a live
// table than every dialect's does. Package safety asks it about each op.
type RiskAssessor interface {
	// Risks returns op's risks on this dialect, in the order a reviewer
	// should read them: fails-on-rows, then locks, then rebuilds.
	Risks(op ops.Op, rc RiskContext) []Risk
}

// FlexibleTyping is implemented by dialects whose columns keep any value
// whatever their declared type (SQLite): narrowing or converting a
// column's type loses nothing there, and only the enum values a CHECK
// enforces can make it fail.
type FlexibleTyping interface {
	// FlexibleTyping reports whether declared types are not enforced.
	FlexibleTyping() bool
}

// ValueRewriter is implemented by a [FlexibleTyping] dialect that still
// converts stored values when a column's declared type changes (SQLite's
// rebuild copies each value into a column of the new type affinity).
// [TypeChangeLoss] reports such a change as a lossy conversion, so that it
// is a data-loss finding a reviewer must accept.
type ValueRewriter interface {
	// RewritesValues says, in words, how changing a column from one
	// declared type to the other rewrites its stored values; "" when it
	// does not.
	RewritesValues(from, to TypeShape) string
}

// ImplicitDefaults is implemented by dialects that fill the existing rows
// of a NOT NULL column added without a default with the type's implicit
// default (MySQL: 0, the empty string or a zero date) instead of failing. Such a
// dialect's [RiskAssessor] reports what that means.
type ImplicitDefaults interface {
	// ImplicitDefaults reports whether ADD COLUMN ... NOT NULL fills
	// existing rows with an implicit default.
	ImplicitDefaults() bool
}

// CharLength is implemented by dialects whose function for the length of
// a string in characters is not the standard char_length.
type CharLength interface {
	// CharLength returns the SQL for the length of expr in characters.
	CharLength(expr string) string
}
