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

// TypeSQL returns the SQL for t: t.SQL as written when set, else the enum's
// name, else PostgreSQL's type for the logical kind, spelled as format_type
// spells it (boolean, integer, character varying(n), timestamp with time
// zone, jsonb, numeric, ...). PostgreSQL has no unsigned integers, so
// t.Unsigned is ignored.
func (*Dialect) TypeSQL(t model.Type) string {
	if t.SQL != "" {
		return t.SQL
	}
	if t.Enum != "" {
		return enumTypeName(t.Enum)
	}
	switch t.Logical {
	case model.LogicalBool:
		return "boolean"
	case model.LogicalSmallInt:
		return "smallint"
	case model.LogicalInt:
		return "integer"
	case model.LogicalBigInt:
		return "bigint"
	case model.LogicalReal:
		return "real"
	case model.LogicalDouble:
		return "double precision"
	case model.LogicalString:
		if t.Size > 0 {
			return "character varying(" + strconv.Itoa(t.Size) + ")"
		}
		return "text"
	case model.LogicalBytes:
		return "bytea"
	case model.LogicalTimestamp:
		return "timestamp with time zone"
	case model.LogicalJSON:
		return "jsonb"
	case model.LogicalUUID:
		return "uuid"
	case model.LogicalDecimal:
		return "numeric"
	}
	return "text"
}

// enumTypeName quotes an enum type name unless it is already quoted or
// schema-qualified as written.
func enumTypeName(name string) string {
	if strings.ContainsAny(name, `".`) {
		return name
	}
	return quoteIdent(name)
}
