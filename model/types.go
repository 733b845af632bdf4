package model

import "strings"

// Type is a column type: SQL text, or a logical kind a dialect maps to SQL.
type Type struct {
	// SQL is the type as written in SQL ("varchar(255)", "jsonb"); it wins
	// over Logical when set. Catalog readers always set it.
	SQL string
	// Logical is the kind inferred from a Go type when no SQL was given.
	Logical Logical
	// Size is the length of a LogicalString (varchar(Size)); 0 lets the
	// dialect choose.
	Size int
	// Unsigned marks an unsigned Go integer; dialects with unsigned types
	// use them.
	Unsigned bool
	// Enum names the enum type a column uses (see [Schema.Enums]); SQL or
	// dialects render it.
	Enum string
	// EnumValues are the enum's values, for dialects with inline enums.
	EnumValues []string
	// Implied marks SQL chosen for the Go type rather than written by the
	// user: a loader that knows which SQL an ORM picks for a Go type (GORM's
	// driver for that dialect) sets SQL to that choice, Logical to the Go
	// type's kind, and Implied. See [Type.IsImplied].
	Implied bool
}

// IsImplied reports whether the type comes from the Go type, not from SQL
// the user wrote: Implied is set, or only a logical kind is given (no SQL,
// no enum). diff compares an implied type by meaning: a reflected type the
// dialect says means the same for that Go type is no drift (SQLite's
// INTEGER and BIGINT), while SQL the user wrote compares exactly.
func (t Type) IsImplied() bool {
	if t.Implied {
		return true
	}
	return t.SQL == "" && t.Enum == "" && len(t.EnumValues) == 0 && t.Logical != LogicalNone
}

// IsZero reports whether no type was given at all.
func (t Type) IsZero() bool {
	return t.SQL == "" && t.Logical == LogicalNone && t.Enum == ""
}

// String returns the SQL text, or the logical kind's name.
func (t Type) String() string {
	if t.SQL != "" {
		return t.SQL
	}
	if t.Enum != "" {
		return t.Enum
	}
	return t.Logical.String()
}

// Logical is a dialect-neutral column kind.
type Logical int

// Logical kinds, one per family of Go types.
const (
	LogicalNone      Logical = iota
	LogicalBool              // bool
	LogicalSmallInt          // int8, int16, uint8
	LogicalInt               // int32, uint16
	LogicalBigInt            // int, int64, uint32, uint, uint64
	LogicalReal              // float32
	LogicalDouble            // float64
	LogicalString            // string (varchar(Size) when Size > 0, else the dialect's text)
	LogicalBytes             // []byte
	LogicalTimestamp         // time.Time
	LogicalJSON              // json.RawMessage, maps, slices of structs
	LogicalUUID              // 16-byte UUID types
	LogicalDecimal           // a decimal type without precision given
)

var logicalNames = [...]string{"", "bool", "smallint", "int", "bigint", "real", "double", "string", "bytes", "timestamp", "json", "uuid", "decimal"}

// String returns a short name for the kind.
func (l Logical) String() string {
	if int(l) < len(logicalNames) {
		return logicalNames[l]
	}
	return "logical(?)"
}

// SplitType splits SQL type text into its lower-cased base name and its
// parenthesised arguments: "NUMERIC(10, 2)" gives "numeric", ["10", "2"].
// Text after the closing parenthesis ("unsigned", "[]") is appended to the
// base name after a space.
func SplitType(sql string) (base string, args []string) {
	s := strings.TrimSpace(sql)
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return strings.ToLower(strings.Join(strings.Fields(s), " ")), nil
	}
	depth, end := 0, -1
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && end < 0 {
				end = i
			}
		}
	}
	if end < 0 {
		return strings.ToLower(strings.Join(strings.Fields(s), " ")), nil
	}
	for _, a := range SplitTopLevel(s[open+1 : end]) {
		args = append(args, strings.TrimSpace(a))
	}
	base = strings.TrimSpace(s[:open]) + " " + strings.TrimSpace(s[end+1:])
	return strings.ToLower(strings.Join(strings.Fields(base), " ")), args
}

// SplitTopLevel splits SQL text on the commas that lie outside quotes and
// parentheses: "a, f(b, c), 'd,e'" gives "a", " f(b, c)", " 'd,e'" (the
// parts are not trimmed).
func SplitTopLevel(s string) []string { return SplitTopLevelOn(s, ',') }

// SplitTopLevelOn is [SplitTopLevel] splitting on sep instead of a comma.
func SplitTopLevelOn(s string, sep byte) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}
