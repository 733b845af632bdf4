package load

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/retortdb/retort/model"
)

var (
	timeType       = reflect.TypeFor[time.Time]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	valuerType     = reflect.TypeFor[driver.Valuer]()
)

// sqlNullTypes maps database/sql's Null types to their logical kind.
var sqlNullTypes = map[string]model.Logical{
	"NullString":  model.LogicalString,
	"NullInt64":   model.LogicalBigInt,
	"NullInt32":   model.LogicalInt,
	"NullInt16":   model.LogicalSmallInt,
	"NullByte":    model.LogicalSmallInt,
	"NullFloat64": model.LogicalDouble,
	"NullBool":    model.LogicalBool,
	"NullTime":    model.LogicalTimestamp,
}

// goNullable reports whether a field of Go type t may hold NULL: a pointer,
// or one of database/sql's Null types (sql.NullString, sql.Null[T], ...).
func goNullable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		return true
	}
	_, ok := sqlNull(t)
	return ok
}

// sqlNull returns the value type of a database/sql Null type: the type of
// the String field of sql.NullString, the V of sql.Null[T].
func sqlNull(t reflect.Type) (reflect.Type, bool) {
	if t.PkgPath() != "database/sql" || t.Kind() != reflect.Struct {
		return nil, false
	}
	name := t.Name()
	if strings.HasPrefix(name, "Null[") {
		if f, ok := t.FieldByName("V"); ok {
			return f.Type, true
		}
		return nil, false
	}
	if _, ok := sqlNullTypes[name]; ok && t.NumField() > 0 {
		return t.Field(0).Type, true
	}
	return nil, false
}

// goType maps a Go field type to a column type, by these rules (the first
// that matches wins):
//
//   - *T: T's type (the column is nullable; see goNullable);
//   - time.Time: timestamp; json.RawMessage: json;
//   - sql.NullString, NullInt64, NullInt32, NullInt16, NullByte,
//     NullFloat64, NullBool, NullTime: string, bigint, int, smallint,
//     smallint, double, bool, timestamp; sql.Null[T]: T's type;
//   - bool; int8, int16, uint8: smallint; int32, uint16: int; int, int64,
//     uint32, uint, uint64: bigint (unsigned kinds set Unsigned); float32:
//     real; float64: double; string; []byte: bytes; [16]byte: uuid — for
//     named types too, by their underlying kind;
//   - anything else (maps, other slices and arrays, structs, interfaces)
//     has no type of its own: the field needs type=.
func goType(t reflect.Type) (model.Type, error) {
	orig := t
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case timeType:
		return model.Type{Logical: model.LogicalTimestamp}, nil
	case rawMessageType:
		return model.Type{Logical: model.LogicalJSON}, nil
	}
	if t.PkgPath() == "database/sql" {
		if l, ok := sqlNullTypes[t.Name()]; ok {
			return model.Type{Logical: l}, nil
		}
		if v, ok := sqlNull(t); ok {
			return goType(v)
		}
	}
	switch t.Kind() {
	case reflect.Bool:
		return model.Type{Logical: model.LogicalBool}, nil
	case reflect.Int8, reflect.Int16:
		return model.Type{Logical: model.LogicalSmallInt}, nil
	case reflect.Uint8:
		return model.Type{Logical: model.LogicalSmallInt, Unsigned: true}, nil
	case reflect.Int32:
		return model.Type{Logical: model.LogicalInt}, nil
	case reflect.Uint16:
		return model.Type{Logical: model.LogicalInt, Unsigned: true}, nil
	case reflect.Int, reflect.Int64:
		return model.Type{Logical: model.LogicalBigInt}, nil
	case reflect.Uint32, reflect.Uint, reflect.Uint64:
		return model.Type{Logical: model.LogicalBigInt, Unsigned: true}, nil
	case reflect.Float32:
		return model.Type{Logical: model.LogicalReal}, nil
	case reflect.Float64:
		return model.Type{Logical: model.LogicalDouble}, nil
	case reflect.String:
		return model.Type{Logical: model.LogicalString}, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return model.Type{Logical: model.LogicalBytes}, nil
		}
	case reflect.Array:
		if t.Len() == 16 && t.Elem().Kind() == reflect.Uint8 {
			return model.Type{Logical: model.LogicalUUID}, nil
		}
	}
	switch t.Kind() {
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
		if t.Kind() == reflect.Struct && (t.Implements(valuerType) || reflect.PointerTo(t).Implements(valuerType)) {
			return model.Type{}, fmt.Errorf("%w %s (a driver.Valuer): add type= with the SQL type its values need", ErrNoType, orig)
		}
		return model.Type{}, fmt.Errorf("%w %s: add type=jsonb or type=json (or another SQL type)", ErrNoType, orig)
	}
	return model.Type{}, fmt.Errorf("%w %s: add type= with an SQL type, or skip the field with db:\"-\"", ErrNoType, orig)
}

// isIntegerType reports whether a column type is an integer kind: a
// logical integer, or SQL text naming one (int, bigint, integer, int8, ...).
func isIntegerType(t model.Type) bool {
	if t.SQL == "" {
		switch t.Logical {
		case model.LogicalSmallInt, model.LogicalInt, model.LogicalBigInt:
			return t.Enum == ""
		}
		return false
	}
	base, _ := model.SplitType(t.SQL)
	base = strings.TrimSuffix(strings.TrimSuffix(base, " unsigned"), " signed")
	switch base {
	case "int", "integer", "bigint", "smallint", "tinyint", "mediumint",
		"int2", "int4", "int8", "serial", "bigserial", "smallserial":
		return true
	}
	return false
}

// isColumnStruct reports whether a struct type is one value (a column) rather
// than a group of fields to flatten when embedded: time.Time, database/sql's
// Null types, and any struct implementing driver.Valuer.
func isColumnStruct(t reflect.Type) bool {
	if t == timeType {
		return true
	}
	if _, ok := sqlNull(t); ok {
		return true
	}
	return t.Implements(valuerType) || reflect.PointerTo(t).Implements(valuerType)
}
