package load

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// GORM's data types (schema.DataType): what its drivers map to SQL.
const (
	gormBool   = "bool"
	gormInt    = "int"
	gormUint   = "uint"
	gormFloat  = "float"
	gormString = "string"
	gormTime   = "time"
	gormBytes  = "bytes"
)

// isGORMKind reports whether s names one of GORM's data types.
func isGORMKind(s string) bool {
	switch s {
	case gormBool, gormInt, gormUint, gormFloat, gormString, gormTime, gormBytes:
		return true
	}
	return false
}

// gormType is what GORM's schema.Field knows of a column's type, and the
// field facts its drivers' DataTypeOf read.
type gormType struct {
	// kind is the field's DataType: one of GORM's kinds, or SQL (from
	// type: or GormDataType()); "" for none (a relation).
	kind string
	// gormKind is GORMDataType: the kind before type: replaced it.
	gormKind string
	// goKind is the reflect kind GORM's size and default rules read (the
	// value a driver.Valuer gives, else the field's own).
	goKind reflect.Kind
	// size, precision and scale are size:, precision:, scale: (size
	// defaults to the Go integer's or float's bits).
	size, precision, scale int
	// precisionTag: precision: is given (even as 0).
	precisionTag bool
	// typeTag is type:'s value as written.
	typeTag string
	// notNull, pk, autoInc, hasDefault and indexed are the field's NOT
	// NULL, primary key, auto-increment, default (default: or
	// autoIncrement) and index:/unique settings, as drivers read them.
	notNull, pk, autoInc, hasDefault, indexed bool
	// dbType is the GormDBDataType answer, when the hook gave one.
	dbType string
	// serializer: the field has serializer: (or json:).
	serializer bool
}

// gormDataTyper is GORM's GormDataTypeInterface: a custom type that names
// its data type (gorm.io/datatypes' JSON says "json", Date "date").
type gormDataTyper interface{ GormDataType() string }

// newGORMType reads a field's type as GORM's schema.ParseField does:
//
//   - a driver.Valuer without GormDataType() is typed by the value its zero
//     value's Value() returns, else by its first field (sql.NullString is
//     a string, gorm.DeletedAt a time);
//   - serializer: (or json:) makes a string;
//   - the Go kind gives bool, int, uint, float, string; time.Time (and
//     types convertible to it) time; []byte and [N]byte bytes;
//   - GormDataType() replaces that; type: replaces it again (a kind name,
//     any case, is that kind; anything else is SQL);
//   - size: defaults to the bits of an integer or float kind.
func newGORMType(t reflect.Type, g gormTag) gormType {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	gt := gormType{serializer: g.has("SERIALIZER")}
	vt := valueType(t)
	_, dataTyper := reflect.New(t).Interface().(gormDataTyper)
	if gt.serializer {
		gt.kind = gormString
	}
	gt.goKind = vt.Kind()
	switch vt.Kind() {
	case reflect.Bool:
		gt.kind = gormBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		gt.kind = gormInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		gt.kind = gormUint
	case reflect.Float32, reflect.Float64:
		gt.kind = gormFloat
	case reflect.String:
		gt.kind = gormString
	case reflect.Struct:
		if vt.ConvertibleTo(timeType) || vt.ConvertibleTo(reflect.PointerTo(timeType)) {
			gt.kind = gormTime
		}
	case reflect.Array, reflect.Slice:
		if vt.Elem() == reflect.TypeFor[uint8]() && gt.kind == "" {
			gt.kind = gormBytes
		}
	}
	if dataTyper {
		if name, ok := callGormDataType(t); ok {
			gt.kind = name
		}
	}
	gt.gormKind = gt.kind
	if g.has("TYPE") {
		gt.typeTag = g.val("TYPE")
		if low := strings.ToLower(gt.typeTag); isGORMKind(low) {
			gt.kind = low
		} else {
			gt.kind = gt.typeTag
		}
	}
	if g.has("SIZE") {
		n, err := strconv.Atoi(g.val("SIZE"))
		if err != nil {
			n = -1
		}
		gt.size = n
	}
	if g.has("PRECISION") {
		gt.precision, _ = strconv.Atoi(g.val("PRECISION"))
		gt.precisionTag = g.val("PRECISION") != ""
	}
	if g.has("SCALE") {
		gt.scale, _ = strconv.Atoi(g.val("SCALE"))
	}
	if gt.size == 0 {
		switch vt.Kind() {
		case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Float64:
			gt.size = 64
		case reflect.Int8, reflect.Uint8:
			gt.size = 8
		case reflect.Int16, reflect.Uint16:
			gt.size = 16
		case reflect.Int32, reflect.Uint32, reflect.Float32:
			gt.size = 32
		}
	}
	gt.notNull = g.truthy("NOT NULL")
	gt.hasDefault = g.has("DEFAULT") || g.truthy("AUTOINCREMENT")
	gt.indexed = g.val("INDEX") != "" || (g.has("INDEX") && !g.set["INDEX"].hasValue) ||
		g.val("UNIQUE") != "" || (g.has("UNIQUE") && !g.set["UNIQUE"].hasValue)
	return gt
}

// valueType is the type GORM reads a field's kind from: for a
// driver.Valuer without GormDataType(), the type of the value its zero
// value's Value() returns, else its first field's (recursively, stopping
// at time.Time); otherwise t itself.
func valueType(t reflect.Type) reflect.Type {
	pv := reflect.New(t).Interface()
	if _, ok := pv.(gormDataTyper); ok {
		return t
	}
	v, ok := pv.(driver.Valuer)
	if !ok {
		return t
	}
	if val, ok := callValue(v); ok && val != nil {
		vt := reflect.TypeOf(val)
		for vt.Kind() == reflect.Pointer {
			vt = vt.Elem()
		}
		return firstFieldType(vt)
	}
	return firstFieldType(t)
}

// firstFieldType follows a struct (other than a time) to its first
// field's type, as GORM does for sql.NullString and its kin.
func firstFieldType(t reflect.Type) reflect.Type {
	seen := map[reflect.Type]bool{}
	for t.Kind() == reflect.Struct && !t.ConvertibleTo(timeType) && t.NumField() > 0 && !seen[t] {
		seen[t] = true
		t = t.Field(0).Type
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return t
}

// callValue calls Value() on a zero value; a panic or error is no value.
func callValue(v driver.Valuer) (val driver.Value, ok bool) {
	defer func() {
		if recover() != nil {
			val, ok = nil, false
		}
	}()
	val, err := v.Value()
	return val, err == nil
}

// callGormDataType calls GormDataType() on a zero value of t.
func callGormDataType(t reflect.Type) (name string, ok bool) {
	defer func() {
		if recover() != nil {
			name, ok = "", false
		}
	}()
	name = reflect.New(t).Interface().(gormDataTyper).GormDataType()
	return name, name != ""
}

// hasGormDBDataType reports whether t (or *t) has GORM's
// GormDBDataType(*gorm.DB, *schema.Field) string method.
func hasGormDBDataType(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	m, ok := reflect.PointerTo(t).MethodByName("GormDBDataType")
	return ok && m.Type.NumIn() == 3 && m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.String
}

// gormSQL is the SQL type GORM's driver d gives the field (its
// DataTypeOf, without AUTO_INCREMENT, serial or PRIMARY KEY, which retort
// keeps as the column's AutoIncrement), and whether it is the driver's
// choice for a Go kind (implied) rather than SQL the user wrote.
func (gt gormType) gormSQL(o GORMOptions) (sql string, implied bool) {
	if gt.dbType != "" {
		return gt.dbType, false
	}
	if !isGORMKind(gt.kind) {
		return gt.kind, false
	}
	switch o.Driver {
	case GORMPostgres:
		return gt.postgresSQL(), true
	case GORMMySQL:
		return gt.mysqlSQL(o), true
	case GORMSQLite:
		return gt.sqliteSQL(), true
	}
	return "", false
}

// postgresSQL is gorm.io/driver/postgres's DataTypeOf.
func (gt gormType) postgresSQL() string {
	switch gt.kind {
	case gormBool:
		return "boolean"
	case gormInt, gormUint:
		size := gt.size
		if gt.kind == gormUint {
			size++
		}
		switch {
		case size <= 16:
			return "smallint"
		case size <= 32:
			return "integer"
		}
		return "bigint"
	case gormFloat:
		if gt.precision > 0 {
			if gt.scale > 0 {
				return fmt.Sprintf("numeric(%d,%d)", gt.precision, gt.scale)
			}
			return fmt.Sprintf("numeric(%d)", gt.precision)
		}
		return "decimal"
	case gormString:
		if gt.size > 0 && gt.size <= 10485760 {
			return fmt.Sprintf("varchar(%d)", gt.size)
		}
		return "text"
	case gormTime:
		if gt.precision > 0 {
			return fmt.Sprintf("timestamptz(%d)", gt.precision)
		}
		return "timestamptz"
	}
	return "bytea"
}

// mysqlSQL is gorm.io/driver/mysql's DataTypeOf under o's driver settings.
func (gt gormType) mysqlSQL(o GORMOptions) string {
	switch gt.kind {
	case gormBool:
		return "boolean"
	case gormInt, gormUint:
		var s string
		switch {
		case gt.size <= 8:
			s = "tinyint"
		case gt.size <= 16:
			s = "smallint"
		case gt.size <= 24:
			s = "mediumint"
		case gt.size <= 32:
			s = "int"
		default:
			s = "bigint"
		}
		if gt.kind == gormUint {
			s += " unsigned"
		}
		return s
	case gormFloat:
		if gt.precision > 0 {
			return fmt.Sprintf("decimal(%d,%d)", gt.precision, gt.scale)
		}
		if gt.size <= 32 {
			return "float"
		}
		return "double"
	case gormString:
		size := gt.size
		if size == 0 {
			switch {
			case o.DefaultStringSize > 0:
				size = int(o.DefaultStringSize)
			case gt.pk || gt.hasDefault || gt.indexed:
				size = 191 // the longest utf8mb4 varchar an index takes whole
			}
		}
		switch {
		case size >= 65536 && size <= 1<<24:
			return "mediumtext"
		case size > 1<<24 || size <= 0:
			return "longtext"
		}
		return fmt.Sprintf("varchar(%d)", size)
	case gormTime:
		p := gt.precision
		if !o.DisableDatetimePrecision && p == 0 && !gt.precisionTag {
			p = 3
			if o.DefaultDatetimePrecision != nil {
				p = *o.DefaultDatetimePrecision
			}
		}
		if p > 0 {
			return fmt.Sprintf("datetime(%d)", p)
		}
		return "datetime"
	}
	switch {
	case gt.size > 0 && gt.size < 65536:
		return fmt.Sprintf("varbinary(%d)", gt.size)
	case gt.size >= 65536 && gt.size <= 1<<24:
		return "mediumblob"
	}
	return "longblob"
}

// sqliteSQL is github.com/glebarez/sqlite's DataTypeOf.
func (gt gormType) sqliteSQL() string {
	switch gt.kind {
	case gormBool:
		return "numeric"
	case gormInt, gormUint:
		return "integer"
	case gormFloat:
		return "real"
	case gormString:
		return "text"
	case gormTime:
		if gt.typeTag != "" {
			return gt.typeTag
		}
		return "datetime"
	}
	return "blob"
}

// logical is the dialect-neutral kind of a GORM type: the Go kind of an
// implied type, and the column type when no driver is set.
func (gt gormType) logical() model.Type {
	switch gt.kind {
	case gormBool:
		return model.Type{Logical: model.LogicalBool}
	case gormInt, gormUint:
		t := model.Type{Logical: model.LogicalBigInt, Unsigned: gt.kind == gormUint}
		switch {
		case gt.size <= 16:
			t.Logical = model.LogicalSmallInt
		case gt.size <= 32:
			t.Logical = model.LogicalInt
		}
		return t
	case gormFloat:
		if gt.size <= 32 {
			return model.Type{Logical: model.LogicalReal}
		}
		return model.Type{Logical: model.LogicalDouble}
	case gormString:
		if gt.size > 0 {
			return model.Type{Logical: model.LogicalString, Size: gt.size}
		}
		return model.Type{Logical: model.LogicalString}
	case gormTime:
		return model.Type{Logical: model.LogicalTimestamp}
	case gormBytes:
		return model.Type{Logical: model.LogicalBytes}
	}
	return model.Type{}
}

// gormTable is a table whose GORM column types are finished once every
// model and relation is read: a GORM model's, or a many2many join table's.
type gormTable struct {
	schema, name string
	gm           *gormModel
}

// finishGORMTypes sets the column types of the GORM tables: the SQL the
// configured driver gives each column (marked implied when it is the
// driver's choice for a Go kind), or without a driver a dialect-neutral
// type. With the SQLite driver an auto-increment integer column is
// "integer PRIMARY KEY AUTOINCREMENT", so it alone is the primary key.
func (l *loader) finishGORMTypes(s *model.Schema) {
	o := l.opts.GORM
	for _, gt := range l.gormTables {
		ti := slices.IndexFunc(s.Tables, func(t model.Table) bool { return t.Schema == gt.schema && t.Name == gt.name })
		if ti < 0 {
			continue
		}
		t := &s.Tables[ti]
		auto := ""
		for _, gc := range gt.gm.cols {
			ci := slices.IndexFunc(t.Columns, func(c model.Column) bool { return c.Name == gc.col })
			if ci < 0 {
				continue
			}
			c := &t.Columns[ci]
			if o.Driver == GORMNoDriver {
				c.Type = gc.fallback()
				continue
			}
			sql, implied := gc.gt.gormSQL(o)
			typ := model.Type{SQL: sql}
			if implied {
				lt := gc.gt.logical()
				typ.Logical, typ.Unsigned, typ.Implied = lt.Logical, lt.Unsigned, true
			}
			c.Type = typ
			if o.Driver == GORMSQLite && c.AutoIncrement && implied && (gc.gt.kind == gormInt || gc.gt.kind == gormUint) && auto == "" {
				auto = c.Name
			}
		}
		if auto != "" {
			t.PrimaryKey.Columns = []string{auto}
		}
	}
}

// fallback is a GORM column's dialect-neutral type, when no driver is set:
// the Go kind's logical type, SQL for type: and GormDataType() names
// (json is the logical json), text for serializer:, numeric(P,S) for a
// float with precision:.
func (gc *gormCol) fallback() model.Type {
	gt := gc.gt
	switch {
	case gt.dbType != "":
		return model.Type{SQL: gt.dbType}
	case gt.serializer && gt.kind == gormString:
		return model.Type{SQL: "text"}
	case gt.kind == gormFloat && gt.precision > 0:
		if gt.scale > 0 {
			return model.Type{SQL: fmt.Sprintf("numeric(%d,%d)", gt.precision, gt.scale)}
		}
		return model.Type{SQL: fmt.Sprintf("numeric(%d)", gt.precision)}
	case gc.jsonShape && gt.kind == gormBytes:
		return model.Type{Logical: model.LogicalJSON}
	case !isGORMKind(gt.kind):
		if strings.EqualFold(gt.kind, "json") {
			return model.Type{Logical: model.LogicalJSON}
		}
		return model.Type{SQL: gt.kind}
	case gt.kind == gormBytes && gt.size > 0:
		return model.Type{Logical: model.LogicalBytes, Size: gt.size}
	}
	return gt.logical()
}
