package sqlite

import (
	"math"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
)

// NormalizeDefault returns the canonical form of col's default:
//
//   - "" is no default and NULL is DEFAULT NULL: SQLite keeps the two
//     apart (pragma_table_xinfo reports dflt_value NULL for the first and
//     the text NULL for the second), so they differ here too;
//   - redundant outer parentheses go (SQLite reports DEFAULT (x) as x);
//   - TRUE and FALSE are 1 and 0 (SQLite stores them so);
//   - CURRENT_TIMESTAMP, CURRENT_DATE and CURRENT_TIME are upper-cased;
//   - on a column with INTEGER, REAL or NUMERIC affinity a number, quoted or
//     not, is written in one canonical way ('0', 0, 0.0 and +0 are all 0 on
//     an INTEGER column; on a REAL column 1 and 1.0 are both 1), because
//     SQLite converts number-like text on insert;
//   - on a TEXT-affinity column a bare number becomes the string literal of
//     its text (0 and '0' both store the text '0');
//   - an identifier standing alone (DEFAULT "x", DEFAULT x: not a keyword,
//     not in parentheses) is the string 'x', as SQLite reads it;
//   - on a BLOB-affinity (or untyped) column literals are kept as written,
//     since there 0 and '0' store different values;
//   - anything else goes through [Dialect.NormalizeExpr].
func (d *Dialect) NormalizeDefault(col model.Column) string {
	raw := Lex(strings.TrimSpace(col.Default))
	toks := stripParens(raw)
	if len(toks) == 0 {
		return ""
	}
	if len(raw) == 1 && isIdentDefault(raw[0]) {
		// DEFAULT "x" and DEFAULT x (no parentheses) store the string 'x':
		// SQLite reads an identifier there as a string literal (GORM's
		// SQLite driver quotes string defaults so).
		toks = []sqllex.Token{{Kind: sqllex.String, Text: quoteString(raw[0].Value), Value: raw[0].Value}}
		if raw[0].Kind == sqllex.Word {
			toks[0].Text = quoteString(raw[0].Text)
		}
	}
	aff := typeAffinity(typeSQL(col.Type))
	if len(toks) == 1 && toks[0].Kind == sqllex.Word {
		switch u := strings.ToUpper(toks[0].Text); u {
		case "NULL":
			return "NULL"
		case "TRUE":
			return canonicalNumber("1", aff)
		case "FALSE":
			return canonicalNumber("0", aff)
		case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME":
			return u
		}
	}
	if num, ok := numberLiteral(toks); ok {
		return canonicalNumber(num, aff)
	}
	if len(toks) == 1 && toks[0].Kind == sqllex.String && (aff == affInteger || aff == affReal || aff == affNumeric) {
		v := strings.TrimSpace(toks[0].Value)
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXnN") {
			return canonicalNumber(v, aff)
		}
	}
	if len(toks) == 1 && (toks[0].Kind == sqllex.String || toks[0].Kind == sqllex.Blob) {
		return toks[0].Text
	}
	return renderExpr(toks)
}

// numberLiteral reports whether toks are a number with an optional sign,
// and returns its text.
func numberLiteral(toks []sqllex.Token) (string, bool) {
	switch {
	case len(toks) == 1 && toks[0].Kind == sqllex.Number:
		return toks[0].Text, true
	case len(toks) == 2 && toks[1].Kind == sqllex.Number && (toks[0].Text == "-" || toks[0].Text == "+"):
		return toks[0].Text + toks[1].Text, true
	}
	return "", false
}

// canonicalNumber writes a numeric literal in one form for the affinity.
func canonicalNumber(num string, aff affinity) string {
	num = strings.TrimPrefix(num, "+")
	if aff == affBlob {
		return num
	}
	if aff == affText {
		return quoteString(num)
	}
	if i, err := strconv.ParseInt(num, 0, 64); err == nil && !strings.ContainsAny(num, ".eE") {
		if aff == affReal {
			return strconv.FormatFloat(float64(i), 'g', -1, 64)
		}
		return strconv.FormatInt(i, 10)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(num, "_", ""), 64)
	if err != nil {
		return num
	}
	if aff != affReal && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// isLiteral reports whether a default can be written without parentheses
// (and added by ALTER TABLE ADD COLUMN): a string, number, blob, NULL,
// TRUE or FALSE. CURRENT_TIMESTAMP and friends are not: ALTER TABLE refuses
// them.
func isLiteral(def string) bool {
	if _, ok := identDefault(def); ok {
		return true
	}
	toks := Lex(def)
	if _, ok := numberLiteral(toks); ok {
		return true
	}
	if len(toks) != 1 {
		return false
	}
	switch toks[0].Kind {
	case sqllex.String, sqllex.Blob, sqllex.Number:
		return true
	case sqllex.Word:
		switch strings.ToUpper(toks[0].Text) {
		case "NULL", "TRUE", "FALSE":
			return true
		}
	}
	return false
}

// isKeywordDefault reports whether def is CURRENT_TIMESTAMP, CURRENT_DATE or
// CURRENT_TIME, which CREATE TABLE takes without parentheses.
func isKeywordDefault(def string) bool {
	switch strings.ToUpper(strings.TrimSpace(def)) {
	case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME":
		return true
	}
	return false
}

// identDefault returns the string literal SQLite stores for a default
// that is an identifier standing alone (DEFAULT "x" or DEFAULT x).
func identDefault(def string) (string, bool) {
	toks := Lex(strings.TrimSpace(def))
	if len(toks) != 1 || !isIdentDefault(toks[0]) {
		return "", false
	}
	if toks[0].Kind == sqllex.Word {
		return quoteString(toks[0].Text), true
	}
	return quoteString(toks[0].Value), true
}

// isIdentDefault reports whether a lone default token is an identifier
// SQLite stores as a string: a double-quoted name, or a bare word that is
// not a keyword.
func isIdentDefault(t sqllex.Token) bool {
	switch t.Kind {
	case sqllex.Ident:
		return strings.HasPrefix(t.Text, `"`)
	case sqllex.Word:
		u := strings.ToUpper(t.Text)
		return !keywords[u] && u != "TRUE" && u != "FALSE"
	}
	return false
}
