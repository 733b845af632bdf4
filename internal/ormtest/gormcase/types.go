package gormcase

import (
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// typeCases are Go types: integers, floats, bool, bytes, times, pointers,
// sql.Null*, json.RawMessage, 16-byte ids, named types, TableName(),
// GormDataType() and GormDBDataType().
func typeCases() []Case {
	return []Case{
		intsCase(), floatsBoolCase(), bytesTimesCase(), sqlNullCase(), rawUUIDCase(),
		namedTypesCase(), tableNameCase(), gormDataTypeCase(), gormDBDataTypeCase(),
	}
}

func intsCase() Case {
	type Numbers struct {
		ID  uint
		I   int
		I8  int8
		I16 int16
		I32 int32
		I64 int64
		U   uint
		U8  uint8
		U16 uint16
		U32 uint32
		U64 uint64
	}
	c := Case{Name: "Go integers", SameOn: []string{"sqlite"}, Models: []any{&Numbers{}}}
	{
		type Numbers struct {
			ID  uint
			I   int
			I8  int8
			I16 int32
			I32 int32
			I64 int64
			U   uint
			U8  uint16
			U16 uint16
			U32 uint32
			U64 uint64
		}
		c.Edit = []any{&Numbers{}}
	}
	return c
}

func floatsBoolCase() Case {
	type Measure struct {
		ID   uint
		F32  float32
		F64  float64
		On   bool
		Off  *bool
		Rate *float64
	}
	c := Case{Name: "floats and bool", SameOn: []string{"sqlite", "postgres"}, Models: []any{&Measure{}}}
	{
		type Measure struct {
			ID   uint
			F32  float64
			F64  float64
			On   bool
			Off  *bool
			Rate *float64
		}
		c.Edit = []any{&Measure{}}
	}
	return c
}

func bytesTimesCase() Case {
	type File struct {
		ID       uint
		Data     []byte
		Modified time.Time
		Seen     *time.Time
		Name     *string
		Size     *int64
	}
	c := Case{Name: "[]byte, time.Time, pointers", Models: []any{&File{}}}
	{
		type File struct {
			ID       uint
			Data     []byte
			Modified time.Time
			Seen     *time.Time
			Name     *string
			Size     *int64
			Checksum []byte `gorm:"size:32"`
		}
		c.Edit = []any{&File{}}
	}
	return c
}

func sqlNullCase() Case {
	type Nullable struct {
		ID uint
		S  sql.NullString
		I  sql.NullInt64
		I4 sql.NullInt32
		I2 sql.NullInt16
		B  sql.NullByte
		F  sql.NullFloat64
		T  sql.NullBool
		At sql.NullTime
		G  sql.Null[string]
	}
	c := Case{Name: "sql.Null types", SameOn: []string{"sqlite"}, Models: []any{&Nullable{}}}
	{
		type Nullable struct {
			ID uint
			S  sql.NullString
			I  sql.NullInt64
			I4 sql.NullInt64
			I2 sql.NullInt16
			B  sql.NullByte
			F  sql.NullFloat64
			T  sql.NullBool
			At sql.NullTime
			G  sql.Null[string]
		}
		c.Edit = []any{&Nullable{}}
	}
	return c
}

// UUID is a uuid.UUID-like [16]byte: a driver.Valuer that writes its
// string form, as github.com/google/uuid's does.
type UUID [16]byte

// Value writes the canonical text form.
func (u UUID) Value() (driver.Value, error) {
	h := hex.EncodeToString(u[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

func rawUUIDCase() Case {
	type Blob struct {
		ID     uint
		Doc    json.RawMessage
		Raw    [16]byte
		Public UUID
	}
	c := Case{Name: "json.RawMessage, [16]byte, uuid-like Valuer", SameOn: []string{"sqlite"}, Models: []any{&Blob{}}}
	{
		type Blob struct {
			ID     uint
			Doc    json.RawMessage
			Raw    [16]byte
			Public UUID `gorm:"size:36"`
		}
		c.Edit = []any{&Blob{}}
	}
	return c
}

// Status is a named string type.
type Status string

// Level is a named int16 type.
type Level int16

// Level2 is a named int32 type.
type Level2 int32

func namedTypesCase() Case {
	type Issue struct {
		ID     uint
		Status Status `gorm:"size:12;default:open"`
		Level  Level
	}
	c := Case{Name: "named types", SameOn: []string{"sqlite"}, Models: []any{&Issue{}}}
	{
		type Issue struct {
			ID     uint
			Status Status `gorm:"size:12;default:open"`
			Level  Level2
		}
		c.Edit = []any{&Issue{}}
	}
	return c
}

// Staff names its table.
type Staff struct {
	ID   uint
	Name string
}

// TableName is GORM's Tabler.
func (Staff) TableName() string { return "staff_members" }

// Staff2 is Staff with one more field.
type Staff2 struct {
	ID   uint
	Name string
	Desk string `gorm:"size:8"`
}

// TableName is GORM's Tabler (pointer receiver).
func (*Staff2) TableName() string { return "staff_members" }

func tableNameCase() Case {
	return Case{Name: "TableName()", Models: []any{&Staff{}}, Edit: []any{&Staff2{}}}
}

// Flags is stored as GORM's json data type (GormDataType).
type Flags map[string]bool

// GormDataType is GORM's GormDataTypeInterface.
func (Flags) GormDataType() string { return "json" }

// Day is a date (GormDataType "date").
type Day time.Time

// GormDataType is GORM's GormDataTypeInterface.
func (Day) GormDataType() string { return "date" }

func gormDataTypeCase() Case {
	type Calendar struct {
		ID    uint
		Flags Flags
		On    Day
	}
	c := Case{Name: "GormDataType()", Models: []any{&Calendar{}}}
	{
		type Calendar struct {
			ID    uint
			Flags Flags
			On    Day
			Off   Day
		}
		c.Edit = []any{&Calendar{}}
	}
	return c
}

// Doc is a JSON document whose SQL type depends on the dialect, as
// gorm.io/datatypes' JSON's does.
type Doc map[string]any

// GormDataType is GORM's GormDataTypeInterface.
func (Doc) GormDataType() string { return "json" }

// GormDBDataType is GORM's GormDBDataTypeInterface.
func (Doc) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Dialector.Name() {
	case "postgres":
		return "JSONB"
	case "mysql":
		return "JSON"
	}
	return "TEXT"
}

func gormDBDataTypeCase() Case {
	type Setting struct {
		ID   uint
		Data Doc
	}
	c := Case{Name: "GormDBDataType()", Models: []any{&Setting{}}}
	{
		type Setting struct {
			ID       uint
			Data     Doc
			Defaults Doc
		}
		c.Edit = []any{&Setting{}}
	}
	return c
}
