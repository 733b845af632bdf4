package mysql

import (
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

var currentTimestampRE = regexp.MustCompile(`(?i)^(current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*(\d*)\s*\))?$`)

// NormalizeTimestampExpr returns CURRENT_TIMESTAMP or CURRENT_TIMESTAMP(n)
// for any spelling of the current time MySQL accepts in DEFAULT and ON
// UPDATE (now(), current_timestamp(), CURRENT_TIMESTAMP(0), localtime), and
// ok false for anything else.
func NormalizeTimestampExpr(s string) (string, bool) {
	m := currentTimestampRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	if m[2] == "" || m[2] == "0" {
		return "CURRENT_TIMESTAMP", true
	}
	return "CURRENT_TIMESTAMP(" + m[2] + ")", true
}

// withPrecision gives a bare CURRENT_TIMESTAMP the fractional precision
// of a datetime(p), timestamp(p) or time(p) column: MariaDB stores
// DEFAULT CURRENT_TIMESTAMP on a datetime(6) as current_timestamp(6), and
// MySQL 8 accepts only that spelling.
func (d *Dialect) withPrecision(ts string, t model.Type) string {
	if ts != "CURRENT_TIMESTAMP" {
		return ts
	}
	base, args := model.SplitType(d.NormalizeType(d.TypeSQL(t)))
	switch base {
	case "datetime", "timestamp", "time":
		if len(args) == 1 && args[0] != "0" {
			return "CURRENT_TIMESTAMP(" + args[0] + ")"
		}
	}
	return ts
}

var numericTypes = map[string]bool{
	"tinyint": true, "smallint": true, "mediumint": true, "int": true, "bigint": true,
	"decimal": true, "float": true, "double": true,
}

// typeBase returns the normalised base name of a column's type ("int",
// "varchar", "tinyint" for tinyint(1)).
func (d *Dialect) typeBase(sql string) string {
	base, _ := model.SplitType(d.NormalizeType(sql))
	if i := strings.IndexByte(base, ' '); i >= 0 {
		base = base[:i]
	}
	return base
}

// NormalizeDefault returns the canonical form of col.Default:
//
//   - "" and NULL (MariaDB reports an explicit NULL default as the text
//     NULL) mean no default and give "";
//   - any spelling of the current time gives CURRENT_TIMESTAMP, with its
//     precision when not 0 (a bare one takes the column's: datetime(6)
//     DEFAULT CURRENT_TIMESTAMP is CURRENT_TIMESTAMP(6));
//   - numeric columns give the bare number, quoted or not ('0' and 0),
//     without trailing fractional zeros (1.50 and 1.5); TRUE/FALSE give 1/0;
//   - bit columns give b'101' for b'101', 5 and '5'; binary and varbinary
//     columns give hex (0x6162) for 'ab', x'6162' and 0x6162;
//   - string literals are re-quoted one way (a quote inside is doubled); MySQL 8 reports them
//     unquoted, which introspect/mysql quotes before they get here;
//   - other expressions lose an outer pair of parentheses (MySQL 8
//     requires DEFAULT (expr)) and go through [Dialect.NormalizeExpr].
func (d *Dialect) NormalizeDefault(col model.Column) string {
	s := strings.TrimSpace(col.Default)
	for len(s) > 1 && s[0] == '(' && ClosingParen(s) == len(s)-1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" || strings.EqualFold(s, "null") {
		return ""
	}
	if ts, ok := NormalizeTimestampExpr(s); ok {
		return d.withPrecision(ts, col.Type)
	}
	base := d.typeBase(d.TypeSQL(col.Type))
	switch {
	case numericTypes[base]:
		v := unquote(s)
		switch strings.ToLower(v) {
		case "true":
			return "1"
		case "false":
			return "0"
		}
		if n, ok := canonicalNumber(v); ok {
			return n
		}
	case base == "bit":
		if n, ok := bitValue(s); ok {
			return "b'" + strconv.FormatUint(n, 2) + "'"
		}
	case base == "binary" || base == "varbinary":
		// MySQL 8 reports binary defaults in hex (0x6162), MariaDB as the
		// string ('ab').
		switch ls := strings.ToLower(s); {
		case strings.HasPrefix(ls, "0x"):
			return ls
		case strings.HasPrefix(ls, "x'") && strings.HasSuffix(ls, "'"):
			return "0x" + ls[2:len(ls)-1]
		case s[0] == '\'' || s[0] == '"':
			return "0x" + hex.EncodeToString([]byte(unquote(s)))
		}
	}
	if s[0] == '\'' || s[0] == '"' {
		return quoteString(unquote(s))
	}
	if len(s) > 1 && s[0] == '_' {
		// A charset introducer: _utf8mb4'x'.
		if i := strings.IndexByte(s, '\''); i > 0 && isIdent(s[1:i]) {
			return quoteString(unquote(s[i:]))
		}
	}
	if _, ok := canonicalNumber(s); ok {
		return s
	}
	return d.NormalizeExpr(s)
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return s != ""
}

var numberRE = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// canonicalNumber writes a numeric literal one way: no plus sign, no
// trailing fractional zeros, no leading zeros.
func canonicalNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !numberRE.MatchString(s) {
		return "", false
	}
	if strings.ContainsAny(s, "eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out, true
}

// bitValue reads b'101', 0b101, 5 or '5'.
func bitValue(s string) (uint64, bool) {
	ls := strings.ToLower(s)
	switch {
	case strings.HasPrefix(ls, "b'") && strings.HasSuffix(ls, "'"):
		n, err := strconv.ParseUint(ls[2:len(ls)-1], 2, 64)
		return n, err == nil
	case strings.HasPrefix(ls, "0b"):
		n, err := strconv.ParseUint(ls[2:], 2, 64)
		return n, err == nil
	}
	n, err := strconv.ParseUint(unquote(s), 10, 64)
	return n, err == nil
}
