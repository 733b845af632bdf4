package postgres

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// NormalizeType returns the spelling PostgreSQL's format_type gives for a
// type: varchar(n) → character varying(n), int/int4 → integer, int8 →
// bigint, bool → boolean, float8 → double precision, timestamptz →
// timestamp with time zone, timestamp(3) → timestamp(3) without time zone,
// serial → integer, decimal(p,s) → numeric(p,s), int[] and integer array →
// integer[], and so on. Names it does not know are lower-cased (unless
// quoted) and kept.
func (*Dialect) NormalizeType(sql string) string { return normalizeType(sql) }

var arraySuffix = regexp.MustCompile(`(?i)(\s*\[\s*\d*\s*\]|\s+array(\s*\[\s*\d*\s*\])?)$`)

func normalizeType(sql string) string {
	s := strings.TrimSpace(sql)
	if s == "" {
		return ""
	}
	if loc := arraySuffix.FindStringIndex(s); loc != nil && loc[0] > 0 {
		base := s[:loc[0]]
		for {
			l := arraySuffix.FindStringIndex(base)
			if l == nil || l[0] == 0 {
				break
			}
			base = base[:l[0]]
		}
		return normalizeType(base) + "[]"
	}
	if strings.Contains(s, `"`) {
		// A quoted (user) type name: keep it, unquoting what needs no quotes.
		return normalizeExpr(s)
	}
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "pg_catalog.")
	base, args := model.SplitType(s)
	switch base {
	case "int", "int4", "integer", "serial", "serial4":
		return "integer"
	case "int2", "smallint", "smallserial", "serial2":
		return "smallint"
	case "int8", "bigint", "bigserial", "serial8":
		return "bigint"
	case "float4", "real":
		return "real"
	case "float8", "double precision":
		return "double precision"
	case "float":
		if len(args) == 1 {
			if p, err := strconv.Atoi(args[0]); err == nil && p <= 24 {
				return "real"
			}
		}
		return "double precision"
	case "bool", "boolean":
		return "boolean"
	case "varchar", "character varying", "char varying":
		return withArgs("character varying", args)
	case "char", "character", "bpchar":
		if len(args) == 0 {
			if base == "bpchar" {
				return "bpchar"
			}
			return "character(1)"
		}
		return withArgs("character", args)
	case "decimal", "numeric":
		if len(args) == 1 {
			args = append(args, "0")
		}
		return withArgs("numeric", args)
	case "timestamptz", "timestamp with time zone":
		return withPrecision("timestamp", args, "with time zone")
	case "timestamp", "timestamp without time zone":
		return withPrecision("timestamp", args, "without time zone")
	case "timetz", "time with time zone":
		return withPrecision("time", args, "with time zone")
	case "time", "time without time zone":
		return withPrecision("time", args, "without time zone")
	case "varbit", "bit varying":
		return withArgs("bit varying", args)
	case "bit":
		if len(args) == 0 {
			return "bit(1)"
		}
		return withArgs("bit", args)
	}
	if len(args) > 0 {
		if strings.HasPrefix(base, "interval") {
			// interval(3), interval day to second(3): keep PostgreSQL's order.
			if base == "interval" {
				return withArgs("interval", args)
			}
			return base + "(" + strings.Join(args, ",") + ")"
		}
		return withArgs(base, args)
	}
	return base
}

func withArgs(name string, args []string) string {
	if len(args) == 0 {
		return name
	}
	return name + "(" + strings.Join(args, ",") + ")"
}

func withPrecision(name string, args []string, zone string) string {
	return withArgs(name, args) + " " + zone
}

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

// SameImpliedType reports whether a column of type reflected holds a Go
// value of kind goType exactly as one of type target does (see
// diff.ImpliedTypes). For a Go string, text and character varying without
// a length both hold strings of any length; every other difference
// [Dialect.NormalizeType] leaves is real (timestamp and timestamptz,
// numeric and double precision, json and jsonb).
func (*Dialect) SameImpliedType(goType model.Type, reflected, target string) bool {
	if goType.Logical != model.LogicalString {
		return false
	}
	unbounded := func(s string) bool {
		switch normalizeType(s) {
		case "text", "character varying":
			return true
		}
		return false
	}
	return unbounded(reflected) && unbounded(target)
}
