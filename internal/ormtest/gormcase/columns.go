package gormcase

import (
	"time"

	"gorm.io/gorm"
)

// columnCases are GORM's column settings: gorm.Model, embedding, names,
// sizes, types, NULL, defaults, comments, serializers, auto times,
// skipped and read-only fields.
func columnCases() []Case {
	return []Case{
		modelCase(), embeddedCase(), embeddedPrefixCase(), columnTagCase(), sizeStringCase(),
		sizeIntCase(), typeTagCase(), precisionCase(), notNullCase(), defaultCase(),
		commentCase(), serializerCase(), autoTimeIntCase(), autoTimeCase(), ignoredCase(),
		permissionCase(),
	}
}

func modelCase() Case {
	type Product struct {
		gorm.Model
		Code  string
		Price uint
	}
	c := Case{Name: "gorm.Model", Models: []any{&Product{}}}
	{
		type Product struct {
			gorm.Model
			Code  string
			Price uint
			Stock int
		}
		c.Edit = []any{&Product{}}
	}
	return c
}

// Audit is embedded anonymously (its fields are columns of the table).
type Audit struct {
	CreatedBy string
	UpdatedBy *string
}

// Audit2 is Audit with one more field.
type Audit2 struct {
	CreatedBy string
	UpdatedBy *string
	Reason    string `gorm:"size:40"`
}

func embeddedCase() Case {
	type Doc struct {
		ID uint
		Audit
		Title string
	}
	c := Case{Name: "embedded struct", Models: []any{&Doc{}}}
	{
		type Doc struct {
			ID uint
			Audit2
			Title string
		}
		c.Edit = []any{&Doc{}}
	}
	return c
}

// Address is embedded with a prefix.
type Address struct {
	Street string `gorm:"size:120"`
	City   string
	Zip    string `gorm:"column:postcode;size:10"`
}

func embeddedPrefixCase() Case {
	type Customer struct {
		ID   uint
		Home Address `gorm:"embedded;embeddedPrefix:home_"`
	}
	c := Case{Name: "embedded + embeddedPrefix", Models: []any{&Customer{}}}
	{
		type Customer struct {
			ID   uint
			Home Address `gorm:"embedded;embeddedPrefix:home_"`
			Work Address `gorm:"embedded;embeddedPrefix:work_"`
		}
		c.Edit = []any{&Customer{}}
	}
	return c
}

func columnTagCase() Case {
	type Person struct {
		ID       uint
		Name     string `gorm:"column:full_name"`
		UserIDs  string
		HTTPPort int
	}
	c := Case{Name: "column: and GORM's names", Models: []any{&Person{}}}
	{
		type Person struct {
			ID       uint
			Name     string `gorm:"column:full_name"`
			UserIDs  string
			HTTPPort int
			Nick     string `gorm:"column:nick_name;size:30"`
		}
		c.Edit = []any{&Person{}}
	}
	return c
}

func sizeStringCase() Case {
	type Tag struct {
		ID   uint
		Name string `gorm:"size:100"`
		Blob []byte `gorm:"size:64"`
	}
	c := Case{Name: "size: on strings and bytes", SameOn: []string{"sqlite"}, Models: []any{&Tag{}}}
	{
		type Tag struct {
			ID   uint
			Name string `gorm:"size:200"`
			Blob []byte `gorm:"size:64"`
		}
		c.Edit = []any{&Tag{}}
	}
	return c
}

func sizeIntCase() Case {
	type Counter struct {
		ID    uint
		Small int   `gorm:"size:16"`
		Mid   int64 `gorm:"size:32"`
		Tiny  uint  `gorm:"size:8"`
	}
	c := Case{Name: "size: on integers", SameOn: []string{"sqlite"}, Models: []any{&Counter{}}}
	{
		type Counter struct {
			ID    uint
			Small int   `gorm:"size:32"`
			Mid   int64 `gorm:"size:32"`
			Tiny  uint  `gorm:"size:8"`
		}
		c.Edit = []any{&Counter{}}
	}
	return c
}

func typeTagCase() Case {
	type Item struct {
		ID    uint
		Label string `gorm:"type:varchar(40)"`
		Count int32  `gorm:"type:int"`
		Flag  string `gorm:"type:bool"`
		Note  string `gorm:"type:text"`
	}
	c := Case{Name: "type: (SQL and GORM kinds)", Models: []any{&Item{}}}
	{
		type Item struct {
			ID    uint
			Label string `gorm:"type:varchar(80)"`
			Count int32  `gorm:"type:int"`
			Flag  string `gorm:"type:bool"`
			Note  string `gorm:"type:text"`
		}
		c.Edit = []any{&Item{}}
	}
	return c
}

func precisionCase() Case {
	type Price struct {
		ID     uint
		Amount float64 `gorm:"precision:10;scale:2"`
		Rate   float64 `gorm:"precision:8"`
		Ratio  float32
		Value  float64
	}
	c := Case{Name: "precision/scale and floats", SameOn: []string{"sqlite"}, Models: []any{&Price{}}}
	{
		type Price struct {
			ID     uint
			Amount float64 `gorm:"precision:12;scale:2"`
			Rate   float64 `gorm:"precision:8"`
			Ratio  float32
			Value  float64
		}
		c.Edit = []any{&Price{}}
	}
	return c
}

func notNullCase() Case {
	type Account struct {
		ID     uint
		Email  string    `gorm:"not null;size:120"`
		Age    int       `gorm:"not null"`
		Joined time.Time `gorm:"not null"`
		Bio    string
	}
	c := Case{Name: "not null", Models: []any{&Account{}}}
	{
		type Account struct {
			ID     uint
			Email  string    `gorm:"not null;size:120"`
			Age    int       `gorm:"not null"`
			Joined time.Time `gorm:"not null"`
			Bio    string    `gorm:"not null"`
		}
		c.Edit = []any{&Account{}}
	}
	return c
}

func defaultCase() Case {
	type Setting struct {
		ID      uint
		Status  string  `gorm:"size:20;default:active"`
		Quoted  string  `gorm:"size:20;default:'it''s'"`
		Retries int     `gorm:"default:3"`
		Hex     int     `gorm:"default:0x10"`
		Enabled bool    `gorm:"default:true"`
		Ratio   float64 `gorm:"default:1.5"`
		Label   string  `gorm:"size:20;default:null"`
	}
	c := Case{Name: "default:", Models: []any{&Setting{}}}
	{
		type Setting struct {
			ID      uint
			Status  string  `gorm:"size:20;default:pending"`
			Quoted  string  `gorm:"size:20;default:'it''s'"`
			Retries int     `gorm:"default:5"`
			Hex     int     `gorm:"default:0x10"`
			Enabled bool    `gorm:"default:false"`
			Ratio   float64 `gorm:"default:1.5"`
			Label   string  `gorm:"size:20;default:null"`
		}
		c.Edit = []any{&Setting{}}
	}
	return c
}

func commentCase() Case {
	type Note struct {
		ID   uint
		Body string `gorm:"comment:the note's text"`
	}
	c := Case{Name: "comment:", SameOn: []string{"sqlite"}, Models: []any{&Note{}}}
	{
		type Note struct {
			ID   uint
			Body string `gorm:"comment:the body"`
		}
		c.Edit = []any{&Note{}}
	}
	return c
}

func serializerCase() Case {
	type Profile struct {
		ID    uint
		Tags  []string       `gorm:"serializer:json"`
		Prefs map[string]int `gorm:"serializer:json"`
	}
	c := Case{Name: "serializer:json", Models: []any{&Profile{}}}
	{
		type Profile struct {
			ID    uint
			Tags  []string       `gorm:"serializer:json"`
			Prefs map[string]int `gorm:"serializer:json"`
			Extra []int          `gorm:"serializer:json"`
		}
		c.Edit = []any{&Profile{}}
	}
	return c
}

func autoTimeIntCase() Case {
	type Event struct {
		ID        uint
		CreatedAt int64 `gorm:"autoCreateTime"`
		UpdatedAt int   `gorm:"autoUpdateTime:milli"`
		SeenAt    int64 `gorm:"autoUpdateTime:nano"`
	}
	c := Case{Name: "autoCreateTime/autoUpdateTime (int)", Models: []any{&Event{}}}
	{
		type Event struct {
			ID        uint
			CreatedAt int64 `gorm:"autoCreateTime"`
			UpdatedAt int   `gorm:"autoUpdateTime:milli"`
			SeenAt    int64 `gorm:"autoUpdateTime:nano"`
			DoneAt    int64 `gorm:"autoCreateTime:milli"`
		}
		c.Edit = []any{&Event{}}
	}
	return c
}

func autoTimeCase() Case {
	type Visit struct {
		ID        uint
		CreatedAt time.Time
		UpdatedAt time.Time
		At        *time.Time `gorm:"autoCreateTime"`
	}
	c := Case{Name: "autoCreateTime/autoUpdateTime (time)", Models: []any{&Visit{}}}
	{
		type Visit struct {
			ID        uint
			CreatedAt time.Time
			UpdatedAt time.Time
			At        *time.Time `gorm:"autoCreateTime"`
			LeftAt    time.Time  `gorm:"autoUpdateTime"`
		}
		c.Edit = []any{&Visit{}}
	}
	return c
}

func ignoredCase() Case {
	type Cache struct {
		ID      uint
		Name    string
		Scratch string `gorm:"-"`
		Derived string `gorm:"-:migration"`
		Hidden  string `gorm:"-:all"`
		private string
	}
	_ = Cache{}.private
	c := Case{Name: "- fields", Models: []any{&Cache{}}}
	{
		type Cache struct {
			ID      uint
			Name    string
			Scratch string
			Derived string `gorm:"-:migration"`
			Hidden  string `gorm:"-:all"`
		}
		c.Edit = []any{&Cache{}}
	}
	return c
}

func permissionCase() Case {
	type Ledger struct {
		ID       uint
		ReadOnly string `gorm:"->"`
		Create   string `gorm:"<-:create"`
		NoRead   string `gorm:"->:false;<-:create"`
	}
	c := Case{Name: "-> and <- permissions", Models: []any{&Ledger{}}}
	{
		type Ledger struct {
			ID       uint
			ReadOnly string `gorm:"->"`
			Create   string `gorm:"<-:create"`
			NoRead   string `gorm:"->:false;<-:create"`
			Update   string `gorm:"<-:update;size:10"`
		}
		c.Edit = []any{&Ledger{}}
	}
	return c
}
