package safety

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// family groups types whose values convert into each other by width alone.
type family int

const (
	famOther family = iota
	famString
	famInt
	famDecimal
	famFloat
	famBool
	famTimestamp
	famDate
	famTime
	famJSON
	famBytes
	famUUID
	famEnum
)

// typeInfo is a normalised type read into its family and widths.
type typeInfo struct {
	sql    string // the normalised SQL
	base   string
	family family
	// size is the length of a string or byte type (0: unbounded), or the
	// byte width of an integer or float.
	size int64
	// prec and scale are a decimal's; prec 0 is unbounded. For timestamps
	// and times prec is the fractional digits (-1: not given).
	prec, scale int
	unsigned    bool
	// values are an enum's values.
	values []string
}

// typeOf reads a column's type on the analysis' dialect.
func (a *analysis) typeOf(c model.Column) typeInfo {
	sql := c.Type.SQL
	if sql == "" && a.d != nil {
		sql = a.d.TypeSQL(c.Type)
	}
	if a.d != nil {
		sql = a.d.NormalizeType(sql)
	}
	t := parseType(sql)
	if c.Type.Enum != "" || len(c.Type.EnumValues) > 0 {
		t.family = famEnum
		t.values = c.Type.EnumValues
		if len(t.values) == 0 {
			t.values = a.enums[qualify("", c.Type.Enum)]
		}
	} else if vals, ok := a.enums[qualify("", t.base)]; ok && t.family == famOther {
		t.family, t.values = famEnum, vals
	}
	return t
}

// parseType reads normalised SQL type text.
func parseType(sql string) typeInfo {
	base, args := model.SplitType(sql)
	t := typeInfo{sql: sql, base: base, prec: -1}
	if strings.HasSuffix(base, " unsigned") {
		t.unsigned = true
		base = strings.TrimSpace(strings.TrimSuffix(base, " unsigned"))
	}
	arg := func(i int) int64 {
		if i >= len(args) {
			return 0
		}
		n, err := strconv.ParseInt(strings.TrimSpace(args[i]), 10, 64)
		if err != nil {
			return 0
		}
		return n
	}
	switch base {
	case "varchar", "character varying", "char", "character", "nvarchar", "nchar", "bpchar", "varchar2", "nvarchar2":
		t.family, t.size = famString, arg(0)
		if (base == "char" || base == "character" || base == "nchar" || base == "bpchar") && len(args) == 0 {
			t.size = 1
		}
	case "text", "clob", "string", "citext", "longtext":
		t.family = famString
	case "tinytext":
		t.family, t.size = famString, 255
	case "mediumtext":
		t.family, t.size = famString, 16777215
	case "tinyint", "int1":
		t.family, t.size = famInt, 1
	case "smallint", "int2", "smallserial":
		t.family, t.size = famInt, 2
	case "mediumint":
		t.family, t.size = famInt, 3
	case "int", "integer", "int4", "serial":
		t.family, t.size = famInt, 4
	case "bigint", "int8", "bigserial":
		t.family, t.size = famInt, 8
	case "numeric", "decimal", "dec":
		t.family = famDecimal
		t.prec, t.scale = int(arg(0)), int(arg(1))
	case "real", "float4", "float":
		t.family, t.size = famFloat, 4
	case "double precision", "double", "float8":
		t.family, t.size = famFloat, 8
	case "boolean", "bool":
		t.family = famBool
	case "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz", "datetime":
		t.family = famTimestamp
		if len(args) > 0 {
			t.prec = int(arg(0))
		}
	case "date":
		t.family = famDate
	case "time", "time without time zone", "time with time zone", "timetz":
		t.family = famTime
		if len(args) > 0 {
			t.prec = int(arg(0))
		}
	case "json", "jsonb":
		t.family = famJSON
	case "bytea", "blob", "longblob":
		t.family = famBytes
	case "varbinary", "binary":
		t.family, t.size = famBytes, arg(0)
	case "tinyblob":
		t.family, t.size = famBytes, 255
	case "mediumblob":
		t.family, t.size = famBytes, 16777215
	case "uuid":
		t.family = famUUID
	case "enum", "set":
		t.family = famEnum
		for _, a := range args {
			t.values = append(t.values, unquote(a))
		}
	}
	return t
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// intDigits is the number of decimal digits the widest value of an integer
// of n bytes has.
func intDigits(n int64, unsigned bool) int {
	switch n {
	case 1:
		return 3
	case 2:
		return 5
	case 3:
		if unsigned {
			return 8
		}
		return 7
	case 4:
		return 10
	}
	if unsigned {
		return 20
	}
	return 19
}

// loss says how a type change loses data: narrowing is true when values
// that do not fit are cut or refused, cast when the conversion itself is
// lossy; why is the words. Both false: every value survives.
type loss struct {
	narrowing, cast bool
	why             string
}

// typeLoss compares two types of one column.
func typeLoss(from, to typeInfo) loss {
	if from.sql == to.sql && from.family != famEnum {
		return loss{}
	}
	narrow := func(why string) loss { return loss{narrowing: true, why: why} }
	cast := func(why string) loss { return loss{cast: true, why: why} }
	if l, ok := textSizeLoss(from.base, to.base); ok {
		return l
	}
	switch {
	case from.family == famEnum && to.family == famEnum:
		if gone := missing(from.values, to.values); len(gone) > 0 && len(from.values) > 0 {
			return loss{narrowing: true, why: "drops enum value(s) " + quoteList(gone) + ": rows holding them fail or lose the value"}
		}
		return loss{}
	case to.family == famString:
		if to.size == 0 {
			if from.family == famBytes {
				return cast("bytes are converted to text")
			}
			return loss{}
		}
		switch from.family {
		case famString:
			if from.size == 0 || to.size < from.size {
				return narrow("values longer than " + strconv.FormatInt(to.size, 10) + " characters do not fit")
			}
			return loss{}
		case famInt:
			if w := int64(intDigits(from.size, from.unsigned)) + 1; to.size >= w {
				return loss{}
			}
		case famEnum:
			if maxLen(from.values) <= to.size && len(from.values) > 0 {
				return loss{}
			}
		case famBool:
			if to.size >= 5 {
				return loss{}
			}
		case famUUID:
			if to.size >= 36 {
				return loss{}
			}
		}
		return narrow("values longer than " + strconv.FormatInt(to.size, 10) + " characters do not fit")
	case from.family == famString:
		return cast("text that does not convert makes the change fail or is changed")
	case from.family == famInt && to.family == famInt:
		if fitsInt(from, to) {
			return loss{}
		}
		return narrow("values outside the smaller range do not fit")
	case from.family == famInt && to.family == famDecimal:
		if to.prec == 0 || to.prec-to.scale >= intDigits(from.size, from.unsigned) {
			return loss{}
		}
		return narrow("integers wider than " + strconv.Itoa(to.prec-to.scale) + " digits do not fit")
	case from.family == famDecimal && to.family == famDecimal:
		switch {
		case to.prec == 0:
			return loss{}
		case from.prec == 0 || to.prec-to.scale < from.prec-from.scale:
			return narrow("values with more than " + strconv.Itoa(to.prec-to.scale) + " integer digits do not fit")
		case to.scale < from.scale:
			return narrow("digits after the " + strconv.Itoa(to.scale) + "th decimal place are rounded away")
		}
		return loss{}
	case from.family == famDecimal && to.family == famInt:
		if from.prec > 0 && from.scale == 0 && from.prec < intDigits(to.size, to.unsigned) {
			return loss{}
		}
		return cast("fractions are rounded away and values outside the integer range do not fit")
	case from.family == famFloat && to.family == famFloat:
		if to.size < from.size {
			return narrow("double precision values lose digits as real")
		}
		return loss{}
	case from.family == famInt && to.family == famFloat:
		if to.size == 8 && from.size < 8 || to.size == 4 && from.size < 3 {
			return loss{}
		}
		return cast("large integers lose digits as floating point")
	case from.family == famFloat && (to.family == famInt || to.family == famDecimal),
		from.family == famDecimal && to.family == famFloat:
		return cast("values are rounded in the conversion")
	case from.family == famBool && (to.family == famInt || to.family == famBool):
		return loss{}
	case from.family == famTimestamp && to.family == famTimestamp:
		if to.prec >= 0 && (from.prec < 0 || to.prec < from.prec) {
			return narrow("fractional seconds beyond " + strconv.Itoa(to.prec) + " digits are rounded away")
		}
		if strings.Contains(from.base, "with time zone") || from.base == "timestamptz" {
			if !strings.Contains(to.base, "with time zone") && to.base != "timestamptz" {
				return cast("the time zone offset is dropped")
			}
		}
		return loss{}
	case from.family == famTimestamp && (to.family == famDate || to.family == famTime):
		return cast("the time of day or the date is dropped")
	case from.family == famDate && to.family == famTimestamp:
		return loss{}
	case from.family == famJSON && to.family == famJSON:
		return loss{}
	case from.family == famBytes && to.family == famBytes:
		if to.size > 0 && (from.size == 0 || to.size < from.size) {
			return narrow("values longer than " + strconv.FormatInt(to.size, 10) + " bytes do not fit")
		}
		return loss{}
	case to.family == famEnum:
		return cast("values that are not enum values make the change fail")
	case from.family == to.family && from.family != famOther:
		return loss{}
	}
	return cast("values that do not convert make the change fail or are changed")
}

// fitsInt reports whether every value of integer type from fits in to.
func fitsInt(from, to typeInfo) bool {
	switch {
	case from.unsigned == to.unsigned:
		return to.size >= from.size
	case from.unsigned:
		return to.size > from.size
	}
	return false // signed to unsigned loses the negatives
}

// missing returns the values of from that to lacks, in from's order.
func missing(from, to []string) []string {
	var out []string
	for _, v := range from {
		found := false
		for _, w := range to {
			if v == w {
				found = true
				break
			}
		}
		if !found {
			out = append(out, v)
		}
	}
	return out
}

func maxLen(vals []string) int64 {
	var n int64
	for _, v := range vals {
		if l := int64(len([]rune(v))); l > n {
			n = l
		}
	}
	return n
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}

// textSizes are MySQL's sized text and blob types, smallest first, and the
// bytes each holds.
var textSizes = [2][4]struct {
	name  string
	bytes int64
}{
	{{"tinytext", 255}, {"text", 65535}, {"mediumtext", 16777215}, {"longtext", 4294967295}},
	{{"tinyblob", 255}, {"blob", 65535}, {"mediumblob", 16777215}, {"longblob", 4294967295}},
}

// textSizeLoss compares two of MySQL's sized text (or blob) types: where
// one of them is tiny-, medium- or long-, the pair is MySQL's, so text
// (blob) holds 65,535 bytes, and going to a smaller one cuts the values
// that do not fit (longtext → text, text → tinytext). ok is false for any
// other pair, which typeLoss judges (text on PostgreSQL and SQLite has no
// limit).
func textSizeLoss(from, to string) (loss, bool) {
	for _, sizes := range textSizes {
		fi, ti := -1, -1
		for i, t := range sizes {
			if t.name == from {
				fi = i
			}
			if t.name == to {
				ti = i
			}
		}
		if fi < 0 || ti < 0 || (fi == 1 && ti == 1) {
			continue
		}
		if ti < fi {
			return loss{narrowing: true, why: "values longer than " + strconv.FormatInt(sizes[ti].bytes, 10) + " bytes do not fit"}, true
		}
		return loss{}, true
	}
	return loss{}, false
}
