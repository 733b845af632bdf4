package postgres

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/model"
)

// typeFamily groups types by how their default literals compare.
type typeFamily int

const (
	familyOther typeFamily = iota
	familyNumber
	familyString
	familyBool
	familyTime
)

func familyOf(t string) typeFamily {
	n := normalizeType(t)
	if strings.HasSuffix(n, "[]") {
		return familyOther
	}
	base, _ := model.SplitType(n)
	switch base {
	case "smallint", "integer", "bigint", "real", "double precision", "numeric", "money":
		return familyNumber
	case "character varying", "character", "text", "bpchar", "citext", "name":
		return familyString
	case "boolean":
		return familyBool
	case "timestamp with time zone", "timestamp without time zone", "date", "time with time zone", "time without time zone":
		return familyTime
	}
	return familyOther
}

var numberLit = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)

// NormalizeDefault returns a canonical form of a column default, so that the
// default a user writes and the one pg_get_expr gives back compare equal:
// casts of literals dropped ('x'::character varying → 'x'), quoted numbers
// of numeric columns unquoted ('-1'::integer → -1), bare numbers of string
// columns quoted, boolean spellings folded to true/false, now(),
// transaction_timestamp() and CURRENT_TIMESTAMP made one, NULL made "", and
// the nextval default of an auto-increment (serial) column made "". The
// result is meant for comparison.
func (*Dialect) NormalizeDefault(col model.Column) string {
	d := strings.TrimSpace(col.Default)
	if d == "" || col.Generated.Expr != "" {
		return ""
	}
	if (col.AutoIncrement || col.Identity != model.IdentityNone) && strings.HasPrefix(strings.ToLower(d), "nextval(") {
		return ""
	}
	n := normalizeExpr(d)
	switch n {
	case "null":
		return ""
	case "now()", "current_timestamp", "transaction_timestamp()":
		return "CURRENT_TIMESTAMP"
	case "current_date", "current_time", "localtimestamp", "localtime", "current_user", "session_user":
		return strings.ToUpper(n)
	}
	fam := familyOf(col.Type.SQL)
	if col.Type.SQL == "" && col.Type.Logical != model.LogicalNone {
		fam = familyOf(New().TypeSQL(col.Type))
	}
	unq, quoted := unquote(n)
	switch fam {
	case familyNumber:
		if quoted && numberLit.MatchString(strings.TrimSpace(unq)) {
			n = strings.TrimSpace(unq)
		}
		if numberLit.MatchString(n) {
			n = strings.TrimPrefix(n, "+")
		}
	case familyString:
		if numberLit.MatchString(n) {
			n = quoteString(n)
		}
	case familyBool:
		v := n
		if quoted {
			v = strings.ToLower(strings.TrimSpace(unq))
		}
		switch v {
		case "t", "true", "y", "yes", "on", "1":
			n = "true"
		case "f", "false", "n", "no", "off", "0":
			n = "false"
		}
	case familyTime:
		if quoted {
			switch strings.ToLower(strings.TrimSpace(unq)) {
			case "now":
				n = "CURRENT_TIMESTAMP"
			}
		}
	}
	return n
}

// unquote returns the value of a plain single-quoted literal.
func unquote(s string) (string, bool) {
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return s, false
	}
	inner := s[1 : len(s)-1]
	if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
		return s, false
	}
	return strings.ReplaceAll(inner, "''", "'"), true
}

// CatalogDefaults reports that pg_get_expr writes each default one way:
// two reflected schemas compare defaults as written
// ([dialect.CatalogDefaults]).
func (*Dialect) CatalogDefaults() bool { return true }
