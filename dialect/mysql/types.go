package mysql

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
)

// TypeSQL returns t.SQL when set; else enum('a','b') for an enum with
// values; else the type for the logical kind (see the package comment),
// with " unsigned" for unsigned integers.
func (d *Dialect) TypeSQL(t model.Type) string {
	if t.SQL != "" {
		return t.SQL
	}
	if len(t.EnumValues) > 0 {
		return inlineEnum("enum", t.EnumValues)
	}
	unsigned := ""
	if t.Unsigned {
		unsigned = " unsigned"
	}
	switch t.Logical {
	case model.LogicalBool:
		return "tinyint(1)"
	case model.LogicalSmallInt:
		return "smallint" + unsigned
	case model.LogicalInt:
		return "int" + unsigned
	case model.LogicalBigInt:
		return "bigint" + unsigned
	case model.LogicalReal:
		return "float"
	case model.LogicalDouble:
		return "double"
	case model.LogicalString:
		n := t.Size
		if n <= 0 {
			n = 255
		}
		return "varchar(" + strconv.Itoa(n) + ")"
	case model.LogicalBytes:
		if t.Size > 0 {
			return "varbinary(" + strconv.Itoa(t.Size) + ")"
		}
		return "longblob"
	case model.LogicalTimestamp:
		return "datetime(6)"
	case model.LogicalJSON:
		return "json"
	case model.LogicalUUID:
		return "char(36)"
	case model.LogicalDecimal:
		return "decimal(10,0)"
	}
	if t.Enum != "" {
		// A named enum whose values the caller did not resolve.
		return t.Enum
	}
	return ""
}

// inlineEnum writes enum('a','b') or set('a','b').
func inlineEnum(kind string, values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = quoteString(v)
	}
	return kind + "(" + strings.Join(q, ",") + ")"
}

var intTypes = map[string]bool{"tinyint": true, "smallint": true, "mediumint": true, "int": true, "bigint": true}

var typeAliases = map[string]string{
	"integer": "int", "int1": "tinyint", "int2": "smallint", "int3": "mediumint", "middleint": "mediumint",
	"int4": "int", "int8": "bigint", "dec": "decimal", "numeric": "decimal", "fixed": "decimal",
	"double precision": "double", "real": "double", "float4": "float", "float8": "double",
	"character varying": "varchar", "character": "char", "nchar": "char", "national char": "char",
	"nvarchar": "varchar", "national varchar": "varchar", "long varchar": "mediumtext", "long": "mediumtext",
	"long varbinary": "mediumblob", "bool": "tinyint", "boolean": "tinyint",
}

// NormalizeType returns the canonical spelling of a MySQL type: lower case
// outside quotes, integer display widths dropped (but tinyint(1), MySQL's
// boolean, kept when signed, and on MariaDB, which keeps them, every width
// that is not the type's default), aliases resolved (integer → int, boolean →
// tinyint(1), numeric → decimal), default arguments filled in (decimal →
// decimal(10,0), char → char(1), bit → bit(1)), zero fractional precision
// dropped (datetime(0) → datetime), "signed" and CHARACTER SET/COLLATE
// suffixes dropped. Enum and set values keep their case.
func (d *Dialect) NormalizeType(sql string) string {
	s := strings.TrimSpace(sql)
	if s == "" {
		return ""
	}
	low := lowerOutsideQuotes(s)
	// Charset and collation clauses belong to the column, not the type.
	for _, kw := range []string{" character set ", " charset ", " collate ", " binary"} {
		if i := indexOutsideQuotes(low, kw); i >= 0 && !strings.HasPrefix(low, "binary") {
			low = strings.TrimSpace(low[:i])
		}
	}
	base, args := model.SplitType(low)
	if base == "enum" || base == "set" || strings.HasPrefix(base, "enum ") || strings.HasPrefix(base, "set ") {
		vals := make([]string, len(args))
		for i, a := range args {
			vals[i] = quoteString(unquote(a))
		}
		return base + "(" + strings.Join(vals, ",") + ")"
	}
	words := strings.Fields(base)
	var mods []string
	for len(words) > 1 {
		last := words[len(words)-1]
		if last != "unsigned" && last != "zerofill" && last != "signed" {
			break
		}
		if last != "signed" {
			mods = append([]string{last}, mods...)
		}
		words = words[:len(words)-1]
	}
	name := strings.Join(words, " ")
	if a, ok := typeAliases[name]; ok {
		if name == "bool" || name == "boolean" {
			args = []string{"1"}
		}
		name = a
	}
	if name == "serial" {
		name, mods = "bigint", []string{"unsigned"}
	}
	switch {
	case intTypes[name]:
		keep := name == "tinyint" && len(args) == 1 && args[0] == "1" && len(mods) == 0
		if d.Flavor == FlavorMariaDB && len(args) == 1 && args[0] != defaultDisplayWidth(name, len(mods) > 0) {
			// MariaDB keeps the display width and SHOW CREATE TABLE
			// prints it: int(4) is not int (int(11)).
			keep = true
		}
		if !keep {
			args = nil
		}
	case name == "decimal":
		switch len(args) {
		case 0:
			args = []string{"10", "0"}
		case 1:
			args = append(args, "0")
		}
	case name == "char" || name == "binary" || name == "bit":
		if len(args) == 0 {
			args = []string{"1"}
		}
	case name == "datetime" || name == "timestamp" || name == "time":
		if len(args) == 1 && args[0] == "0" {
			args = nil
		}
	case name == "year":
		args = nil
	case name == "float" && len(args) == 1:
		// FLOAT(p) is float for p <= 24 and double above.
		if p, err := strconv.Atoi(args[0]); err == nil {
			if p > 24 {
				name = "double"
			}
			args = nil
		}
	}
	out := name
	if len(args) > 0 {
		out += "(" + strings.Join(args, ",") + ")"
	}
	for _, m := range mods {
		out += " " + m
	}
	return out
}

// defaultDisplayWidth is the display width MariaDB gives an integer type
// written without one (MariaDB 10.11, Numeric Data Types): int is int(11),
// int unsigned int(10). unsigned is true for UNSIGNED and ZEROFILL (which
// implies it).
func defaultDisplayWidth(name string, unsigned bool) string {
	widths := map[string][2]string{
		"tinyint": {"4", "3"}, "smallint": {"6", "5"}, "mediumint": {"9", "8"},
		"int": {"11", "10"}, "bigint": {"20", "20"},
	}
	w := widths[name]
	if unsigned {
		return w[1]
	}
	return w[0]
}

// lowerOutsideQuotes lower-cases s except inside '...' and "..." literals
// and `identifiers`.
func lowerOutsideQuotes(s string) string {
	var b strings.Builder
	last := 0
	for _, t := range sqllex.Lex(s, lexRules()) {
		if t.Kind == sqllex.String || t.Kind == sqllex.Ident {
			b.WriteString(strings.ToLower(s[last:t.Start]))
			b.WriteString(t.Text)
			last = t.End
		}
	}
	b.WriteString(strings.ToLower(s[last:]))
	return b.String()
}

// indexOutsideQuotes finds sub in s outside '...' and "..." literals.
func indexOutsideQuotes(s, sub string) int {
	toks := sqllex.Lex(s, lexRules())
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return -1
		}
		i += from
		inside := false
		for _, t := range toks {
			if t.Kind == sqllex.String && t.Start < i && i < t.End {
				inside = true
				from = t.End
				break
			}
		}
		if !inside {
			return i
		}
	}
	return -1
}

// unquote returns the value of a '...' or "..." literal (doubled quotes and
// backslash escapes resolved); other text comes back unchanged.
func unquote(s string) string {
	if len(s) < 2 || (s[0] != '\'' && s[0] != '"') || s[len(s)-1] != s[0] {
		return s
	}
	q := s[0]
	in := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		c := in[i]
		switch {
		case c == '\\' && i+1 < len(in):
			i++
			switch in[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '0':
				b.WriteByte(0)
			default:
				b.WriteByte(in[i])
			}
		case c == q && i+1 < len(in) && in[i+1] == q:
			b.WriteByte(q)
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SameImpliedType reports whether a column of type reflected holds a Go
// value of kind goType exactly as one of type target does (see
// diff.ImpliedTypes). For a Go integer, an integer type's display width
// means nothing (tinyint(1) and tinyint(4) are tinyint; NormalizeType
// keeps tinyint(1) apart only because it is MySQL's boolean); every other
// difference [Dialect.NormalizeType] leaves is real.
func (d *Dialect) SameImpliedType(goType model.Type, reflected, target string) bool {
	switch goType.Logical {
	case model.LogicalSmallInt, model.LogicalInt, model.LogicalBigInt:
	default:
		return false
	}
	strip := func(s string) string {
		n := d.NormalizeType(s)
		if n == "tinyint(1)" {
			return "tinyint"
		}
		return n
	}
	a, b := strip(reflected), strip(target)
	return a == b && intTypes[strings.Fields(a + " x")[0]]
}
