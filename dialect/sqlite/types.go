package sqlite

import (
	"github.com/retortdb/retort/internal/sqlitelex"
	"math"
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

// typeAliases maps spellings of one type to one name.
var typeAliases = map[string]string{
	"int": "integer", "int4": "integer",
	"int8":             "bigint",
	"int2":             "smallint",
	"bool":             "boolean",
	"double precision": "double", "float8": "double",
	"float4":            "real",
	"character varying": "varchar", "varying character": "varchar", "nvarchar": "varchar",
	"character": "char", "nchar": "char", "native character": "char",
	"decimal": "numeric",
}

// NormalizeType lower-cases type text, collapses spaces, drops spaces in
// the argument list and folds synonyms: int, int4 and integer are integer;
// int8 is bigint; int2 is smallint; bool is boolean; double precision and
// float8 are double; float4 is real; character varying and nvarchar are
// varchar; character and nchar are char; decimal is numeric. Types that
// only share an affinity (datetime and timestamp, float and double) stay
// apart: they are different types on other dialects and in the models.
func (*Dialect) NormalizeType(sql string) string { return normalizeType(sql) }

func normalizeType(sql string) string {
	base, args := model.SplitType(sql)
	if a, ok := typeAliases[base]; ok {
		base = a
	}
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

// NormalizeDefault returns the canonical form of col's default:
//
//   - "" and NULL both mean no default ("");
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
	raw := sqlitelex.Lex(strings.TrimSpace(col.Default))
	toks := stripParens(raw)
	if len(toks) == 0 {
		return ""
	}
	if len(raw) == 1 && isIdentDefault(raw[0]) {
		// DEFAULT "x" and DEFAULT x (no parentheses) store the string 'x':
		// SQLite reads an identifier there as a string literal (GORM's
		// SQLite driver quotes string defaults so).
		toks = []sqlitelex.Token{{Kind: sqlitelex.String, Text: quoteString(sqlitelex.Unquote(raw[0].Text))}}
		if raw[0].Kind == sqlitelex.Word {
			toks[0].Text = quoteString(raw[0].Text)
		}
	}
	aff := typeAffinity(typeSQL(col.Type))
	if len(toks) == 1 && toks[0].Kind == sqlitelex.Word {
		switch u := strings.ToUpper(toks[0].Text); u {
		case "NULL":
			return ""
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
	if len(toks) == 1 && toks[0].Kind == sqlitelex.String && (aff == affInteger || aff == affReal || aff == affNumeric) {
		v := strings.TrimSpace(sqlitelex.Unquote(toks[0].Text))
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXnN") {
			return canonicalNumber(v, aff)
		}
	}
	if len(toks) == 1 && (toks[0].Kind == sqlitelex.String || toks[0].Kind == sqlitelex.Blob) {
		return toks[0].Text
	}
	return renderExpr(toks)
}

// numberLiteral reports whether toks are a number with an optional sign,
// and returns its text.
func numberLiteral(toks []sqlitelex.Token) (string, bool) {
	switch {
	case len(toks) == 1 && toks[0].Kind == sqlitelex.Number:
		return toks[0].Text, true
	case len(toks) == 2 && toks[1].Kind == sqlitelex.Number && (toks[0].Text == "-" || toks[0].Text == "+"):
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
	toks := sqlitelex.Lex(def)
	if _, ok := numberLiteral(toks); ok {
		return true
	}
	if len(toks) != 1 {
		return false
	}
	switch toks[0].Kind {
	case sqlitelex.String, sqlitelex.Blob, sqlitelex.Number:
		return true
	case sqlitelex.Word:
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

// identDefault returns the string literal SQLite stores for a default
// that is an identifier standing alone (DEFAULT "x" or DEFAULT x).
func identDefault(def string) (string, bool) {
	toks := sqlitelex.Lex(strings.TrimSpace(def))
	if len(toks) != 1 || !isIdentDefault(toks[0]) {
		return "", false
	}
	if toks[0].Kind == sqlitelex.Word {
		return quoteString(toks[0].Text), true
	}
	return quoteString(sqlitelex.Unquote(toks[0].Text)), true
}

// isIdentDefault reports whether a lone default token is an identifier
// SQLite stores as a string: a double-quoted name, or a bare word that is
// not a keyword.
func isIdentDefault(t sqlitelex.Token) bool {
	switch t.Kind {
	case sqlitelex.Quoted:
		return strings.HasPrefix(t.Text, `"`)
	case sqlitelex.Word:
		u := strings.ToUpper(t.Text)
		return !keywords[u] && u != "TRUE" && u != "FALSE"
	}
	return false
}
