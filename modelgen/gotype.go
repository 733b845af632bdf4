package modelgen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
)

// goKind is the Go type a column's field gets.
type goKind int

// Go types of fields.
const (
	goString goKind = iota
	goBool
	goInt16
	goInt32
	goInt64
	goUint8
	goUint16
	goUint32
	goUint64
	goFloat64
	goBytes
	goTime
	goJSON
)

// kindOf chooses the Go type for a column type from its base name: the
// type= tag says the SQL exactly, so the Go type only has to hold the
// values. Types it does not know (arrays, geometry, network types,
// numerics, which must not lose digits) are strings.
func kindOf(t model.Type) goKind {
	if t.Enum != "" {
		return goString
	}
	base, args := model.SplitType(t.SQL)
	unsigned := strings.HasSuffix(base, " unsigned") || strings.Contains(base, " unsigned ")
	base = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(base, " unsigned", ""), " zerofill", ""))
	if strings.HasSuffix(base, "[]") || strings.HasPrefix(base, "_") {
		return goString
	}
	switch base {
	case "bool", "boolean":
		return goBool
	case "tinyint":
		if len(args) == 1 && args[0] == "1" && !unsigned {
			return goBool
		}
		if unsigned {
			return goUint8
		}
		return goInt16
	case "smallint", "int2", "smallserial", "serial2", "year":
		if unsigned {
			return goUint16
		}
		return goInt16
	case "int", "int4", "mediumint", "serial", "serial4":
		if unsigned {
			return goUint32
		}
		return goInt32
	case "integer", "bigint", "int8", "bigserial", "serial8":
		if unsigned {
			return goUint64
		}
		return goInt64
	case "real", "float", "float4", "float8", "double", "double precision":
		return goFloat64
	case "bytea", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "bit varying":
		return goBytes
	case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "datetime", "date":
		return goTime
	case "json", "jsonb":
		return goJSON
	}
	return goString
}

// isSlice reports whether the kind is a slice, whose nil is NULL without a
// pointer.
func (k goKind) isSlice() bool { return k == goBytes || k == goJSON }

// code is the Go type; nullable types are pointers, except slices.
func (k goKind) code(nullable bool) *jen.Statement {
	var c *jen.Statement
	switch k {
	case goBool:
		c = jen.Bool()
	case goInt16:
		c = jen.Int16()
	case goInt32:
		c = jen.Int32()
	case goInt64:
		c = jen.Int64()
	case goUint8:
		c = jen.Uint8()
	case goUint16:
		c = jen.Uint16()
	case goUint32:
		c = jen.Uint32()
	case goUint64:
		c = jen.Uint64()
	case goFloat64:
		c = jen.Float64()
	case goBytes:
		return jen.Index().Byte()
	case goJSON:
		return jen.Qual("encoding/json", "RawMessage")
	case goTime:
		c = jen.Qual("time", "Time")
	default:
		c = jen.String()
	}
	if nullable {
		return jen.Op("*").Add(c)
	}
	return c
}
