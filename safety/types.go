package safety

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// pgRewrites reports whether PostgreSQL rewrites the table to change a
// column from one type to the other. It does not when the new type is
// binary-compatible and no narrower: varchar widened or made unbounded,
// varchar to text, numeric precision raised at the same scale, numeric
// made unbounded.
func pgRewrites(from, to dialect.TypeShape) bool {
	if from.SQL == to.SQL {
		return false
	}
	isVarchar := func(t dialect.TypeShape) bool { return t.Base == "character varying" || t.Base == "varchar" }
	isText := func(t dialect.TypeShape) bool { return t.Base == "text" }
	switch {
	case isVarchar(from) && isVarchar(to):
		return to.Size != 0 && (from.Size == 0 || to.Size < from.Size)
	case isVarchar(from) && isText(to), isText(from) && isVarchar(to) && to.Size == 0:
		return false
	case from.Family == dialect.FamilyDecimal && to.Family == dialect.FamilyDecimal:
		if to.Prec == 0 {
			return false
		}
		return from.Prec == 0 || to.Scale != from.Scale || to.Prec < from.Prec
	case from.Base == "cidr" && to.Base == "inet":
		return false
	}
	return true
}

// mysqlInPlace reports whether MySQL can change the column's type without
// ALGORITHM=COPY: a VARCHAR widened within the same length-byte class
// (at most 255 bytes, or more than 255 on both sides), or ENUM/SET values
// appended at the end.
func mysqlInPlace(from, to dialect.TypeShape, charset string) bool {
	if from.SQL == to.SQL {
		return true
	}
	if from.Base == "varchar" && to.Base == "varchar" && to.Size >= from.Size && from.Size > 0 {
		bpc := bytesPerChar(charset)
		return (from.Size*bpc <= 255) == (to.Size*bpc <= 255)
	}
	if from.Family == dialect.FamilyEnum && to.Family == dialect.FamilyEnum && from.Base == to.Base && len(to.Values) >= len(from.Values) {
		for i, v := range from.Values {
			if to.Values[i] != v {
				return false
			}
		}
		return true
	}
	return false
}

// bytesPerChar is the widest character of a MySQL character set; unknown
// and empty (the table's default, utf8mb4 on MySQL 8) count 4.
func bytesPerChar(charset string) int64 {
	switch strings.ToLower(charset) {
	case "latin1", "ascii", "binary", "latin2", "cp1250", "cp1251", "cp1252":
		return 1
	case "utf8", "utf8mb3", "ucs2":
		return 3
	}
	return 4
}
