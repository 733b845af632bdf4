package sqlite

import "github.com/retortdb/retort/dialect"

var _ dialect.ValueRewriter = (*Dialect)(nil)

// RewritesValues says how a rebuild that changes a column's declared type
// from one to the other rewrites the values it copies: each copied value
// is converted to the new column's type affinity. Text that looks like a
// number becomes a number ('007' becomes 7, '1e3' becomes 1000) when the
// new affinity is INTEGER, REAL or NUMERIC; a number becomes text (a REAL
// keeps 15 significant digits) when it is TEXT; an integer becomes a
// floating-point number (beyond 2^53 it is rounded) when it is REAL.
// Changes within one affinity, between INTEGER and NUMERIC, from REAL to
// INTEGER or NUMERIC (which convert only when nothing is lost) and to BLOB
// (no conversion) rewrite nothing.
func (*Dialect) RewritesValues(from, to dialect.TypeShape) string {
	f, t := typeAffinity(from.SQL), typeAffinity(to.SQL)
	if f == t || t == affBlob {
		return ""
	}
	switch t {
	case affInteger, affNumeric:
		if f == affText || f == affBlob {
			return "SQLite converts stored text that looks like a number to a number ('007' becomes 7, '1e3' becomes 1000) as it copies the rows"
		}
	case affReal:
		switch f {
		case affText, affBlob:
			return "SQLite converts stored text that looks like a number to a floating-point number ('007' becomes 7.0) as it copies the rows"
		default:
			return "SQLite converts stored integers to floating-point numbers (integers beyond 2^53 are rounded) as it copies the rows"
		}
	case affText:
		return "SQLite converts stored numbers to text (7 becomes '7'; a floating-point number keeps 15 significant digits) as it copies the rows"
	}
	return ""
}
