package buncase

import (
	"database/sql"
	"encoding/json"
	"net"
	"time"

	"github.com/uptrace/bun"
)

// columnCases are bun's column settings: names, NULL, defaults, types by
// Go type and by type:, PostgreSQL arrays, custom and sql.Null* types,
// JSON, soft deletes and embedding.
func columnCases() []Case {
	return []Case{
		columnNameCase(), notNullCase(), nullZeroCase(), defaultCase(), typeTagCase(), bareVarcharCase(),
		goTypesCase(), timeCase(), sqlNullCase(), pointerCase(), customTypeCase(), jsonCase(),
		rawJSONCase(), softDeleteCase(), embedPrefixCase(), anonymousEmbedCase(), arrayCase(), networkCase(),
	}
}

func columnNameCase() Case {
	type Person struct {
		ID       int64  `bun:",pk,autoincrement"`
		FullName string `bun:"name_of_person"`
		HTTPCode int32
	}
	c := Case{Name: "column names", Models: []any{(*Person)(nil)}}
	{
		type Person struct {
			ID       int64  `bun:",pk,autoincrement"`
			FullName string `bun:"name_of_person"`
			HTTPCode int32
			UserIDs  string
		}
		c.Edit = []any{(*Person)(nil)}
	}
	return c
}

func notNullCase() Case {
	type Item struct {
		ID   int64  `bun:",pk,autoincrement"`
		Name string `bun:",notnull"`
		Note string
	}
	c := Case{Name: "notnull", Models: []any{(*Item)(nil)}}
	{
		type Item struct {
			ID   int64  `bun:",pk,autoincrement"`
			Name string `bun:",notnull"`
			Note string `bun:",notnull"`
		}
		c.Edit = []any{(*Item)(nil)}
	}
	return c
}

func nullZeroCase() Case {
	type Item struct {
		ID    int64  `bun:",pk,autoincrement"`
		Title string `bun:",nullzero"`
	}
	c := Case{Name: "nullzero", Models: []any{(*Item)(nil)}}
	{
		type Item struct {
			ID    int64  `bun:",pk,autoincrement"`
			Title string `bun:",nullzero,notnull"`
		}
		c.Edit = []any{(*Item)(nil)}
	}
	return c
}

func defaultCase() Case {
	type Ticket struct {
		ID     int64  `bun:",pk,autoincrement"`
		Status string `bun:",notnull,default:'new'"`
		Rank   int64  `bun:",default:0"`
		Open   bool   `bun:",notnull,default:true"`
	}
	c := Case{Name: "default", Models: []any{(*Ticket)(nil)}}
	{
		type Ticket struct {
			ID     int64  `bun:",pk,autoincrement"`
			Status string `bun:",notnull,default:'open'"`
			Rank   int64  `bun:",default:0"`
			Open   bool   `bun:",notnull,default:true"`
		}
		c.Edit = []any{(*Ticket)(nil)}
	}
	return c
}

func typeTagCase() Case {
	type Profile struct {
		ID    int64   `bun:",pk,autoincrement"`
		Bio   string  `bun:",type:varchar(100)"`
		Score float64 `bun:",type:numeric(10,2)"`
		Body  string  `bun:",type:text"`
	}
	c := Case{Name: "type:", Models: []any{(*Profile)(nil)}}
	{
		type Profile struct {
			ID    int64   `bun:",pk,autoincrement"`
			Bio   string  `bun:",type:varchar(200)"`
			Score float64 `bun:",type:numeric(10,2)"`
			Body  string  `bun:",type:text"`
		}
		c.Edit = []any{(*Profile)(nil)}
	}
	return c
}

func bareVarcharCase() Case {
	type Tag struct {
		ID   int64  `bun:",pk,autoincrement"`
		Name string `bun:",type:varchar,notnull"`
	}
	c := Case{Name: "type:varchar (no length)", Models: []any{(*Tag)(nil)}}
	{
		type Tag struct {
			ID   int64  `bun:",pk,autoincrement"`
			Name string `bun:",type:varchar(40),notnull"`
		}
		c.Edit = []any{(*Tag)(nil)}
	}
	return c
}

func goTypesCase() Case {
	type Sample struct {
		ID  int64 `bun:",pk,autoincrement"`
		B   bool
		I8  int8
		I16 int16
		I32 int32
		I64 int64
		I   int
		U8  uint8
		U16 uint16
		U32 uint32
		U   uint
		F32 float32
		F64 float64
		S   string
		Raw []byte
	}
	c := Case{Name: "Go types", Models: []any{(*Sample)(nil)}}
	{
		type Sample struct {
			ID  int64 `bun:",pk,autoincrement"`
			B   bool
			I8  int8
			I16 int16
			I32 int64
			I64 int64
			I   int
			U8  uint8
			U16 uint16
			U32 uint32
			U   uint
			F32 float32
			F64 float64
			S   string
			Raw []byte
		}
		c.Edit = []any{(*Sample)(nil)}
		c.SameOn = []string{"sqlite"} // INTEGER either way
	}
	return c
}

func timeCase() Case {
	type Event struct {
		ID        int64     `bun:",pk,autoincrement"`
		At        time.Time `bun:",notnull"`
		CreatedAt time.Time `bun:",nullzero,notnull,default:current_timestamp"`
	}
	c := Case{Name: "time.Time", Models: []any{(*Event)(nil)}}
	{
		type Event struct {
			ID        int64     `bun:",pk,autoincrement"`
			At        time.Time `bun:",notnull"`
			CreatedAt time.Time `bun:",nullzero,notnull,default:current_timestamp"`
			UpdatedAt time.Time `bun:",nullzero"`
		}
		c.Edit = []any{(*Event)(nil)}
	}
	return c
}

func sqlNullCase() Case {
	type Row struct {
		ID int64 `bun:",pk,autoincrement"`
		S  sql.NullString
		I  sql.NullInt64
		B  sql.NullBool
		F  sql.NullFloat64
		T  sql.NullTime
		N  bun.NullTime
	}
	c := Case{Name: "sql.Null* and bun.NullTime", Models: []any{(*Row)(nil)}}
	{
		type Row struct {
			ID int64 `bun:",pk,autoincrement"`
			S  sql.NullString
			I  sql.NullInt64
			B  sql.NullBool
			F  sql.NullFloat64
			T  sql.NullTime `bun:",notnull"`
			N  bun.NullTime
		}
		c.Edit = []any{(*Row)(nil)}
	}
	return c
}

func pointerCase() Case {
	type Row struct {
		ID   int64 `bun:",pk,autoincrement"`
		Nick *string
		Age  *int32
	}
	c := Case{Name: "pointers", Models: []any{(*Row)(nil)}}
	{
		type Row struct {
			ID   int64 `bun:",pk,autoincrement"`
			Nick *string
			Age  *int64
		}
		c.Edit = []any{(*Row)(nil)}
		c.SameOn = []string{"sqlite"}
	}
	return c
}

// Level and Status are custom types: bun types them by their kind.
type (
	Level  int16
	Status string
)

func customTypeCase() Case {
	type Task struct {
		ID     int64  `bun:",pk,autoincrement"`
		Level  Level  `bun:",notnull"`
		Status Status `bun:",notnull"`
	}
	c := Case{Name: "custom types", Models: []any{(*Task)(nil)}}
	{
		type Task struct {
			ID     int64  `bun:",pk,autoincrement"`
			Level  Level  `bun:",notnull"`
			Status Status `bun:",notnull"`
			Prev   Status
		}
		c.Edit = []any{(*Task)(nil)}
	}
	return c
}

// Prefs is a struct stored whole (JSON on PostgreSQL).
type Prefs struct {
	Theme string
	Size  int
}

func jsonCase() Case {
	type Account struct {
		ID    int64 `bun:",pk,autoincrement"`
		Meta  map[string]any
		Prefs Prefs
		Tags  []string
	}
	c := Case{Name: "maps, structs, slices", Models: []any{(*Account)(nil)}}
	{
		type Account struct {
			ID    int64 `bun:",pk,autoincrement"`
			Meta  map[string]any
			Prefs Prefs
			Tags  []string
			More  *Prefs
		}
		c.Edit = []any{(*Account)(nil)}
	}
	return c
}

func rawJSONCase() Case {
	type Doc struct {
		ID   int64 `bun:",pk,autoincrement"`
		Body json.RawMessage
	}
	c := Case{Name: "json.RawMessage", Models: []any{(*Doc)(nil)}}
	{
		type Doc struct {
			ID   int64           `bun:",pk,autoincrement"`
			Body json.RawMessage `bun:",notnull"`
		}
		c.Edit = []any{(*Doc)(nil)}
	}
	return c
}

func softDeleteCase() Case {
	type Note struct {
		ID        int64     `bun:",pk,autoincrement"`
		Text      string    `bun:",notnull"`
		DeletedAt time.Time `bun:",soft_delete,nullzero"`
	}
	c := Case{Name: "soft_delete", Models: []any{(*Note)(nil)}}
	{
		type Note struct {
			ID        int64     `bun:",pk,autoincrement"`
			Text      string    `bun:",notnull"`
			DeletedAt time.Time `bun:",soft_delete,nullzero"`
			DeletedBy *int64
		}
		c.Edit = []any{(*Note)(nil)}
	}
	return c
}

// Address is embedded with a prefix.
type Address struct {
	Street string
	City   string `bun:",notnull"`
}

// Address2 is Address with one more field.
type Address2 struct {
	Street string
	City   string `bun:",notnull"`
	Zip    string `bun:",type:varchar(10)"`
}

func embedPrefixCase() Case {
	type Shop struct {
		ID   int64   `bun:",pk,autoincrement"`
		Home Address `bun:"embed:home_"`
	}
	c := Case{Name: "embed:prefix", Models: []any{(*Shop)(nil)}}
	{
		type Shop struct {
			ID   int64    `bun:",pk,autoincrement"`
			Home Address2 `bun:"embed:home_"`
		}
		c.Edit = []any{(*Shop)(nil)}
	}
	return c
}

// Timestamps is embedded anonymously.
type Timestamps struct {
	CreatedAt time.Time `bun:",nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:",nullzero"`
}

func anonymousEmbedCase() Case {
	type Page struct {
		ID int64 `bun:",pk,autoincrement"`
		Timestamps
	}
	c := Case{Name: "anonymous embedded struct", Models: []any{(*Page)(nil)}}
	{
		type Page struct {
			ID int64 `bun:",pk,autoincrement"`
			Timestamps
			Slug string `bun:",unique"`
		}
		c.Edit = []any{(*Page)(nil)}
	}
	return c
}

func arrayCase() Case {
	type Post struct {
		ID   int64    `bun:",pk,autoincrement"`
		Tags []string `bun:",array"`
	}
	c := Case{Name: "array", Dialects: []string{"postgres"}, Models: []any{(*Post)(nil)}}
	{
		type Post struct {
			ID     int64    `bun:",pk,autoincrement"`
			Tags   []string `bun:",array"`
			Scores []int64  `bun:",array"`
		}
		c.Edit = []any{(*Post)(nil)}
	}
	return c
}

func networkCase() Case {
	type Host struct {
		ID  int64 `bun:",pk,autoincrement"`
		IP  net.IP
		Net net.IPNet
	}
	c := Case{Name: "net.IP, net.IPNet", Models: []any{(*Host)(nil)}}
	{
		type Host struct {
			ID  int64 `bun:",pk,autoincrement"`
			IP  net.IP
			Net net.IPNet `bun:",notnull"`
		}
		c.Edit = []any{(*Host)(nil)}
	}
	return c
}
