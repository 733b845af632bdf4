package dialect

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// TypeFamily groups types whose values convert into each other by width
// alone.
type TypeFamily int

// Type families.
const (
	FamilyOther TypeFamily = iota
	FamilyString
	FamilyInt
	FamilyDecimal
	FamilyFloat
	FamilyBool
	FamilyTimestamp
	FamilyDate
	FamilyTime
	FamilyJSON
	FamilyBytes
	FamilyUUID
	FamilyEnum
)

// TypeShape is a normalised SQL type read into its family and widths: what
// the data-loss rules compare.
type TypeShape struct {
	// SQL is the normalised type text; Base its name without arguments.
	SQL, Base string
	// Family is the type's family.
	Family TypeFamily
	// Size is the length of a string or byte type (0: unbounded), or the
	// byte width of an integer or float.
	Size int64
	// Prec and Scale are a decimal's (Prec 0: unbounded). For timestamps
	// and times Prec is the fractional digits (-1: not given).
	Prec, Scale int
	// Unsigned marks an unsigned integer.
	Unsigned bool
	// Values are an enum's values.
	Values []string
}

// ParseType reads normalised SQL type text ("character varying(20)",
// "numeric(10,2)", "enum('a','b')", "bigint unsigned").
func ParseType(sql string) TypeShape {
	base, args := model.SplitType(sql)
	t := TypeShape{SQL: sql, Base: base, Prec: -1}
	if strings.HasSuffix(base, " unsigned") {
		t.Unsigned = true
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
		t.Family, t.Size = FamilyString, arg(0)
		if (base == "char" || base == "character" || base == "nchar" || base == "bpchar") && len(args) == 0 {
			t.Size = 1
		}
	case "text", "clob", "string", "citext", "longtext":
		t.Family = FamilyString
	case "tinytext":
		t.Family, t.Size = FamilyString, 255
	case "mediumtext":
		t.Family, t.Size = FamilyString, 16777215
	case "tinyint", "int1":
		t.Family, t.Size = FamilyInt, 1
	case "smallint", "int2", "smallserial":
		t.Family, t.Size = FamilyInt, 2
	case "mediumint":
		t.Family, t.Size = FamilyInt, 3
	case "int", "integer", "int4", "serial":
		t.Family, t.Size = FamilyInt, 4
	case "bigint", "int8", "bigserial":
		t.Family, t.Size = FamilyInt, 8
	case "numeric", "decimal", "dec":
		t.Family = FamilyDecimal
		t.Prec, t.Scale = int(arg(0)), int(arg(1))
	case "real", "float4", "float":
		t.Family, t.Size = FamilyFloat, 4
	case "double precision", "double", "float8":
		t.Family, t.Size = FamilyFloat, 8
	case "boolean", "bool":
		t.Family = FamilyBool
	case "timestamp", "timestamp without time zone", "timestamp with time zone", "timestamptz", "datetime":
		t.Family = FamilyTimestamp
		if len(args) > 0 {
			t.Prec = int(arg(0))
		}
	case "date":
		t.Family = FamilyDate
	case "time", "time without time zone", "time with time zone", "timetz":
		t.Family = FamilyTime
		if len(args) > 0 {
			t.Prec = int(arg(0))
		}
	case "json", "jsonb":
		t.Family = FamilyJSON
	case "bytea", "blob", "longblob":
		t.Family = FamilyBytes
	case "varbinary", "binary":
		t.Family, t.Size = FamilyBytes, arg(0)
	case "tinyblob":
		t.Family, t.Size = FamilyBytes, 255
	case "mediumblob":
		t.Family, t.Size = FamilyBytes, 16777215
	case "uuid":
		t.Family = FamilyUUID
	case "enum", "set":
		t.Family = FamilyEnum
		for _, a := range args {
			t.Values = append(t.Values, unquoteValue(a))
		}
	}
	return t
}

func unquoteValue(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// TypeLoss says what changing a column from one type to another does to
// the values stored in it. The zero value: every value survives.
type TypeLoss struct {
	// Narrowing is set when values that do not fit the new type are cut,
	// rounded or refused; Cast when the conversion itself is lossy.
	Narrowing, Cast bool
	// Why says which values, in words: "values longer than 100 characters
	// do not fit".
	Why string
	// Removed are the enum values an enum change drops.
	Removed []string
	// Refused reports that the database refuses the change when a stored
	// value does not survive it (the statement fails and the value stays),
	// instead of cutting or rounding the value: length and range
	// narrowing, text that does not convert, removed enum values — on
	// PostgreSQL, and on MySQL in strict mode (its default).
	Refused bool
	// FailsOnRows reports that the dialect does not lose the values but
	// fails the change on rows that hold them (a SQLite enum's check): it
	// is a fails-on-rows finding, not data loss.
	FailsOnRows bool
}

// Lossy reports whether the change loses data: it narrows or casts, and
// is not merely failing on rows.
func (l TypeLoss) Lossy() bool { return (l.Narrowing || l.Cast) && !l.FailsOnRows }

// CompareTypes classifies a change from one type to another on a database
// that stores values as their declared type and checks them on
// conversion (PostgreSQL; MySQL in strict mode).
func CompareTypes(from, to TypeShape) TypeLoss {
	if from.SQL == to.SQL && from.Family != FamilyEnum {
		return TypeLoss{}
	}
	narrow := func(why string) TypeLoss { return TypeLoss{Narrowing: true, Why: why, Refused: true} }
	round := func(why string) TypeLoss { return TypeLoss{Narrowing: true, Why: why} }
	cast := func(why string) TypeLoss { return TypeLoss{Cast: true, Why: why} }
	if l, ok := textSizeLoss(from.Base, to.Base); ok {
		return l
	}
	switch {
	case from.Family == FamilyEnum && to.Family == FamilyEnum:
		if gone := missing(from.Values, to.Values); len(gone) > 0 && len(from.Values) > 0 {
			return TypeLoss{Narrowing: true, Why: "drops enum value(s) " + quoteList(gone) + ": rows holding them fail or lose the value", Removed: gone, Refused: true}
		}
		return TypeLoss{}
	case to.Family == FamilyString:
		if to.Size == 0 {
			if from.Family == FamilyBytes {
				return cast("bytes are converted to text")
			}
			return TypeLoss{}
		}
		switch from.Family {
		case FamilyString:
			if from.Size == 0 || to.Size < from.Size {
				return narrow("values longer than " + strconv.FormatInt(to.Size, 10) + " characters do not fit")
			}
			return TypeLoss{}
		case FamilyInt:
			if w := int64(intDigits(from.Size, from.Unsigned)) + 1; to.Size >= w {
				return TypeLoss{}
			}
		case FamilyEnum:
			if maxLen(from.Values) <= to.Size && len(from.Values) > 0 {
				return TypeLoss{}
			}
		case FamilyBool:
			if to.Size >= 5 {
				return TypeLoss{}
			}
		case FamilyUUID:
			if to.Size >= 36 {
				return TypeLoss{}
			}
		}
		return narrow("values longer than " + strconv.FormatInt(to.Size, 10) + " characters do not fit")
	case from.Family == FamilyString:
		l := cast("text that does not convert makes the change fail or is changed")
		l.Refused = true
		return l
	case from.Family == FamilyInt && to.Family == FamilyInt:
		if fitsInt(from, to) {
			return TypeLoss{}
		}
		return narrow("values outside the smaller range do not fit")
	case from.Family == FamilyInt && to.Family == FamilyDecimal:
		if to.Prec == 0 || to.Prec-to.Scale >= intDigits(from.Size, from.Unsigned) {
			return TypeLoss{}
		}
		return narrow("integers wider than " + strconv.Itoa(to.Prec-to.Scale) + " digits do not fit")
	case from.Family == FamilyDecimal && to.Family == FamilyDecimal:
		switch {
		case to.Prec == 0:
			return TypeLoss{}
		case from.Prec == 0 || to.Prec-to.Scale < from.Prec-from.Scale:
			return narrow("values with more than " + strconv.Itoa(to.Prec-to.Scale) + " integer digits do not fit")
		case to.Scale < from.Scale:
			return round("digits after the " + strconv.Itoa(to.Scale) + "th decimal place are rounded away")
		}
		return TypeLoss{}
	case from.Family == FamilyDecimal && to.Family == FamilyInt:
		if from.Prec > 0 && from.Scale == 0 && from.Prec < intDigits(to.Size, to.Unsigned) {
			return TypeLoss{}
		}
		return cast("fractions are rounded away and values outside the integer range do not fit")
	case from.Family == FamilyFloat && to.Family == FamilyFloat:
		if to.Size < from.Size {
			return round("double precision values lose digits as real")
		}
		return TypeLoss{}
	case from.Family == FamilyInt && to.Family == FamilyFloat:
		if to.Size == 8 && from.Size < 8 || to.Size == 4 && from.Size < 3 {
			return TypeLoss{}
		}
		return cast("large integers lose digits as floating point")
	case from.Family == FamilyFloat && (to.Family == FamilyInt || to.Family == FamilyDecimal),
		from.Family == FamilyDecimal && to.Family == FamilyFloat:
		return cast("values are rounded in the conversion")
	case from.Family == FamilyBool && (to.Family == FamilyInt || to.Family == FamilyBool):
		return TypeLoss{}
	case from.Family == FamilyTimestamp && to.Family == FamilyTimestamp:
		if to.Prec >= 0 && (from.Prec < 0 || to.Prec < from.Prec) {
			return round("fractional seconds beyond " + strconv.Itoa(to.Prec) + " digits are rounded away")
		}
		if strings.Contains(from.Base, "with time zone") || from.Base == "timestamptz" {
			if !strings.Contains(to.Base, "with time zone") && to.Base != "timestamptz" {
				return cast("the time zone offset is dropped")
			}
		}
		return TypeLoss{}
	case from.Family == FamilyTimestamp && (to.Family == FamilyDate || to.Family == FamilyTime):
		return cast("the time of day or the date is dropped")
	case from.Family == FamilyDate && to.Family == FamilyTimestamp:
		return TypeLoss{}
	case from.Family == FamilyJSON && to.Family == FamilyJSON:
		return TypeLoss{}
	case from.Family == FamilyBytes && to.Family == FamilyBytes:
		if to.Size > 0 && (from.Size == 0 || to.Size < from.Size) {
			return narrow("values longer than " + strconv.FormatInt(to.Size, 10) + " bytes do not fit")
		}
		return TypeLoss{}
	case to.Family == FamilyEnum:
		l := cast("values that are not enum values make the change fail")
		l.Refused = true
		return l
	case from.Family == to.Family && from.Family != FamilyOther:
		return TypeLoss{}
	}
	return cast("values that do not convert make the change fail or are changed")
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

// fitsInt reports whether every value of integer type from fits in to.
func fitsInt(from, to TypeShape) bool {
	switch {
	case from.Unsigned == to.Unsigned:
		return to.Size >= from.Size
	case from.Unsigned:
		return to.Size > from.Size
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
// (blob) holds 65,535 bytes, and going to a smaller one refuses (strict
// mode) the values that do not fit (longtext → text, text → tinytext). ok
// is false for any other pair, which CompareTypes judges (text on
// PostgreSQL and SQLite has no limit).
func textSizeLoss(from, to string) (TypeLoss, bool) {
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
			return TypeLoss{Narrowing: true, Why: "values longer than " + strconv.FormatInt(sizes[ti].bytes, 10) + " bytes do not fit", Refused: true}, true
		}
		return TypeLoss{}, true
	}
	return TypeLoss{}, false
}
