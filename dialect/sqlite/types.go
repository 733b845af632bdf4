package sqlite

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// TypeSQL returns t.SQL when set, else the SQLite type for the logical kind
// (see the package documentation for the spellings). Enum columns are TEXT;
// [Dialect.Canonical] and CreateTable add their CHECK.
func (*Dialect) TypeSQL(t model.Type) string { return typeSQL(t) }

func typeSQL(t model.Type) string {
	if t.SQL != "" {
		return t.SQL
	}
	if t.Enum != "" || len(t.EnumValues) > 0 {
		return "TEXT"
	}
	switch t.Logical {
	case model.LogicalBool:
		return "BOOLEAN"
	case model.LogicalSmallInt:
		return "SMALLINT"
	case model.LogicalInt:
		return "INTEGER"
	case model.LogicalBigInt:
		return "BIGINT"
	case model.LogicalReal:
		return "REAL"
	case model.LogicalDouble:
		return "DOUBLE"
	case model.LogicalDecimal:
		return "NUMERIC"
	case model.LogicalString:
		if t.Size > 0 {
			return "VARCHAR(" + strconv.Itoa(t.Size) + ")"
		}
		return "TEXT"
	case model.LogicalBytes:
		return "BLOB"
	case model.LogicalTimestamp:
		return "DATETIME"
	case model.LogicalJSON:
		return "TEXT"
	case model.LogicalUUID:
		return "CHAR(36)"
	}
	return ""
}

// NormalizeType lower-cases type text, collapses spaces and drops spaces
// in the argument list, and nothing else: SQLite keeps the declared type
// verbatim (pragma_table_xinfo reports it as written), and two spellings
// of one type on other databases are two types here. INT and INTEGER
// differ (only INTEGER PRIMARY KEY is a rowid alias), and so do DOUBLE
// PRECISION and REAL, NVARCHAR and VARCHAR, DATETIME and TIMESTAMP. A type
// the Go type implies is matched by affinity instead ([Dialect.SameImpliedType]).
func (*Dialect) NormalizeType(sql string) string { return normalizeType(sql) }

func normalizeType(sql string) string {
	base, args := model.SplitType(sql)
	if len(args) == 0 {
		return base
	}
	for i, a := range args {
		args[i] = strings.ToLower(strings.Join(strings.Fields(a), " "))
	}
	return base + "(" + strings.Join(args, ",") + ")"
}

// affinity is SQLite's type affinity of a declared type
// (https://sqlite.org/datatype3.html#determination_of_column_affinity).
type affinity int

const (
	affNumeric affinity = iota
	affInteger
	affText
	affBlob
	affReal
)

func typeAffinity(sql string) affinity {
	u := strings.ToUpper(sql)
	switch {
	case strings.Contains(u, "INT"):
		return affInteger
	case strings.Contains(u, "CHAR"), strings.Contains(u, "CLOB"), strings.Contains(u, "TEXT"):
		return affText
	case strings.Contains(u, "BLOB"), strings.TrimSpace(u) == "":
		return affBlob
	case strings.Contains(u, "REAL"), strings.Contains(u, "FLOA"), strings.Contains(u, "DOUB"):
		return affReal
	}
	return affNumeric
}

// SameImpliedType reports whether a column declared reflected holds a Go
// value of kind goType exactly as one declared target does (see
// diff.ImpliedTypes). SQLite stores values by affinity, not by declared
// type: INTEGER, BIGINT and SMALLINT all store 64-bit integers; TEXT,
// VARCHAR(255) and CLOB store text of any length (SQLite enforces no
// length); BOOLEAN and NUMERIC both have NUMERIC affinity. Two types of one
// affinity are the same here, except that a declared DATETIME or
// TIMESTAMP (the names the drivers read back as time values) is the same
// only as the other of the two.
func (*Dialect) SameImpliedType(goType model.Type, reflected, target string) bool {
	if typeAffinity(reflected) != typeAffinity(target) {
		return false
	}
	if isTimeName(reflected) != isTimeName(target) {
		return false
	}
	return goType.Logical != model.LogicalTimestamp || isTimeName(target)
}

// isTimeName reports whether a declared type is DATETIME or TIMESTAMP
// (with or without a precision).
func isTimeName(sql string) bool {
	base, _ := model.SplitType(sql)
	return base == "datetime" || base == "timestamp"
}
