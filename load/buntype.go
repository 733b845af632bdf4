package load

import (
	"database/sql"
	"net"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/model"
)

// BunDialect names the bun dialect whose column types bun models get:
// each dialect maps a Go type to its own SQL when bun's CreateTable
// writes a column without type: (a string is VARCHAR on PostgreSQL and
// SQLite, VARCHAR(255) on MySQL; a time.Time TIMESTAMPTZ, DATETIME or
// TIMESTAMP).
type BunDialect int

// The bun dialects whose type mapping [Models] knows.
const (
	// BunNoDialect leaves the choice to retort's dialect: bun models get
	// dialect-neutral logical types, as db models do.
	BunNoDialect BunDialect = iota
	// BunPostgres is github.com/uptrace/bun/dialect/pgdialect.
	BunPostgres
	// BunMySQL is github.com/uptrace/bun/dialect/mysqldialect (MySQL and
	// MariaDB).
	BunMySQL
	// BunSQLite is github.com/uptrace/bun/dialect/sqlitedialect.
	BunSQLite
)

// bunDialectPaths are the dialects' import paths, by BunDialect.
var bunDialectPaths = [...]string{
	"",
	"github.com/uptrace/bun/dialect/pgdialect",
	"github.com/uptrace/bun/dialect/mysqldialect",
	"github.com/uptrace/bun/dialect/sqlitedialect",
}

// String returns the dialect's import path ("" for BunNoDialect).
func (d BunDialect) String() string {
	if d < 0 || int(d) >= len(bunDialectPaths) {
		return "BunDialect(?)"
	}
	return bunDialectPaths[d]
}

// ParseBunDialect reads a dialect's import path (see [BunDialect.String]).
func ParseBunDialect(path string) (BunDialect, bool) {
	path = strings.TrimSpace(path)
	for i, p := range bunDialectPaths {
		if p == path && p != "" {
			return BunDialect(i), true
		}
	}
	return BunNoDialect, false
}

// BunOptions are the bun settings that change what CreateTable creates.
// The zero value is no dialect (dialect-neutral types).
type BunOptions struct {
	// Dialect is the bun dialect the tables are created with; its type
	// mapping gives the column types (see [BunDialect]).
	Dialect BunDialect
	// VarcharLen is CreateTableQuery.Varchar(n): the length bun gives a
	// VARCHAR column without one; 0 is the dialect's default (255 on
	// MySQL, none elsewhere).
	VarcharLen int
}

// bun's SQL type names (github.com/uptrace/bun/dialect/sqltype).
const (
	bunBoolean  = "BOOLEAN"
	bunSmallInt = "SMALLINT"
	bunInteger  = "INTEGER"
	bunBigInt   = "BIGINT"
	bunReal     = "REAL"
	bunDouble   = "DOUBLE PRECISION"
	bunVarChar  = "VARCHAR"
	bunBlob     = "BLOB"
	bunTime     = "TIMESTAMP"
	bunJSON     = "JSON"
	bunJSONB    = "JSONB"
)

var (
	bunNullTypes = map[reflect.Type]string{
		reflect.TypeFor[time.Time]():       bunTime,
		reflect.TypeFor[sql.NullTime]():    bunTime,
		reflect.TypeFor[sql.NullBool]():    bunBoolean,
		reflect.TypeFor[sql.NullFloat64](): bunDouble,
		reflect.TypeFor[sql.NullInt64]():   bunBigInt,
		reflect.TypeFor[sql.NullString]():  bunVarChar,
		rawMessageType:                     bunJSON,
	}
	ipType    = reflect.TypeFor[net.IP]()
	ipNetType = reflect.TypeFor[net.IPNet]()
)

// bunDiscover is bun's schema.DiscoverSQLType: the dialect-neutral SQL
// type of a Go type, by its kind (maps, slices and structs are VARCHAR
// there; the dialects make them JSON or keep them).
func bunDiscover(t reflect.Type) string {
	if s, ok := bunNullTypes[t]; ok {
		return s
	}
	if t.PkgPath() == "github.com/uptrace/bun/schema" && t.Name() == "NullTime" {
		return bunTime
	}
	switch t.Kind() {
	case reflect.Bool:
		return bunBoolean
	case reflect.Int8, reflect.Int16, reflect.Uint8, reflect.Uint16:
		return bunSmallInt
	case reflect.Int32, reflect.Uint32:
		return bunInteger
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr:
		return bunBigInt
	case reflect.Float32:
		return bunReal
	case reflect.Float64:
		return bunDouble
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return bunBlob
		}
		return bunVarChar
	case reflect.Map, reflect.String, reflect.Struct:
		return bunVarChar
	}
	return ""
}

// bunPGType is pgdialect's type of a Go type (sqlType there).
func bunPGType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case reflect.TypeFor[sql.NullString]():
		return bunVarChar
	case ipType:
		return "INET"
	case ipNetType:
		return "CIDR"
	case rawMessageType:
		return bunJSONB
	}
	s := bunDiscover(t)
	if s == bunTime {
		s = "TIMESTAMPTZ"
	}
	switch t.Kind() {
	case reflect.Map, reflect.Struct:
		if s == bunVarChar {
			return bunJSONB
		}
	case reflect.Array, reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "BYTEA"
		}
		return bunJSONB
	}
	return s
}

// bunSQLType is the SQL type bun's dialect d gives a field with no type:
// (or, with array, PostgreSQL's array of the element type).
// "" means bun has no type for it.
func bunSQLType(t reflect.Type, d BunDialect, array bool) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch d {
	case BunPostgres:
		if array && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			return bunPGType(t.Elem()) + "[]"
		}
		if bunDiscover(t) == bunBlob {
			return "BYTEA"
		}
		return bunPGType(t)
	case BunMySQL:
		if s := bunDiscover(t); s != bunTime {
			return s
		}
		return "DATETIME"
	case BunSQLite:
		switch s := bunDiscover(t); s {
		case bunSmallInt, bunBigInt:
			return bunInteger
		default:
			return s
		}
	}
	return ""
}

// bunVarcharLen is the length CreateTable gives VARCHAR without one.
func (o BunOptions) bunVarcharLen() int {
	if o.VarcharLen > 0 {
		return o.VarcharLen
	}
	if o.Dialect == BunMySQL {
		return 255
	}
	return 0
}

// bunColumnType is the column type bun's CreateTable writes for a field:
// type: as written (VARCHAR without a length sized as CreateTable sizes
// it), else the dialect's mapping of the Go type, marked implied; with no
// dialect, the dialect-neutral type of [bunGoType].
func (o BunOptions) bunColumnType(t reflect.Type, typeTag string, array bool) (model.Type, error) {
	if typeTag != "" {
		return model.Type{SQL: o.sizeVarchar(typeTag)}, nil
	}
	if o.Dialect == BunNoDialect {
		return bunGoType(t)
	}
	s := bunSQLType(t, o.Dialect, array)
	if s == "" {
		return model.Type{}, bunNoType(t)
	}
	typ := model.Type{SQL: o.sizeVarchar(s), Implied: true}
	if l, err := bunGoType(t); err == nil {
		typ.Logical, typ.Unsigned = l.Logical, l.Unsigned
	}
	return typ, nil
}

// sizeVarchar gives a bare VARCHAR the length CreateTable writes.
func (o BunOptions) sizeVarchar(s string) string {
	if n := o.bunVarcharLen(); n > 0 && strings.EqualFold(strings.TrimSpace(s), bunVarChar) {
		return bunVarChar + "(" + strconv.Itoa(n) + ")"
	}
	return s
}
