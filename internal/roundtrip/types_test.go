package roundtrip

import (
	"database/sql"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/load"
)

var update = flag.Bool("update", false, "rewrite testdata/types.md")

// DBTypes lists Go field types with db tags; the label tag is the row's
// first cell in the README's table.
type DBTypes struct {
	ID      int64           `db:"id,pk" label:"int, int64"`
	Bool    bool            `label:"bool"`
	I16     int16           `label:"int8, int16, uint8"`
	I32     int32           `label:"int32, uint16"`
	U64     uint64          `label:"uint32, uint, uint64"`
	F32     float32         `label:"float32"`
	F64     float64         `label:"float64"`
	Str     string          `label:"string"`
	Sized   string          `db:",size=255" label:"string with size=255 (gorm size:255)"`
	Bytes   []byte          `label:"[]byte"`
	Time    time.Time       `label:"time.Time, sql.NullTime, *time.Time"`
	Raw     json.RawMessage `label:"json.RawMessage"`
	UUID    [16]byte        `label:"[16]byte (uuid.UUID)"`
	NStr    sql.NullString  `label:"sql.NullString, *string (NULL allowed)"`
	Numeric float64         `db:",type=numeric(10,2)" label:"type=numeric(10,2) (any type=: verbatim)"`
	Enum    string          `db:",enum=mood(sad,happy)" label:"enum=mood(sad,happy)"`
}

// TypesModel stands in for gorm.Model in the types table.
type TypesModel struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

// GORMTypes lists what GORM's tags change.
type GORMTypes struct {
	TypesModel
	Tags  []string `gorm:"serializer:json" label:"gorm serializer:json"`
	Attrs JSON     `label:"gorm datatypes.JSON"`
	Price float64  `gorm:"precision:10;scale:2" label:"gorm precision:10;scale:2"`
	Small int      `gorm:"size:16" label:"gorm int with size:16"`
}

// BunTypes lists what bun's conventions change.
type BunTypes struct {
	ID   int64             `bun:",pk,autoincrement"`
	Meta map[string]string `bun:"meta" label:"bun map, slice or struct"`
}

// TestTypeTable renders the Go type → SQL table of the README from each
// dialect's TypeSQL, and compares it with testdata/types.md (go test
// -run TestTypeTable -update rewrites it).
func TestTypeTable(t *testing.T) {
	t.Parallel()
	dialects := []string{"sqlite", "postgres", "mysql"}
	var b strings.Builder
	b.WriteString("| Go field | SQLite | PostgreSQL | MySQL |\n|---|---|---|---|\n")
	rows := func(m any, skip int) {
		s, err := load.Models([]any{m}, load.Options{})
		if err != nil {
			t.Fatal(err)
		}
		cols := s.Tables[0].Columns
		labels := labels(reflect.TypeOf(m))
		for i, label := range labels {
			if label == "" {
				continue
			}
			c := cols[i+skip]
			b.WriteString("| " + label + " |")
			for _, d := range dialects {
				be, err := backend.Lookup(d)
				if err != nil {
					t.Fatal(err)
				}
				b.WriteString(" " + be.Dialect.TypeSQL(c.Type) + " |")
			}
			b.WriteString("\n")
		}
	}
	rows(DBTypes{}, 0)
	rows(GORMTypes{}, 4)
	rows(BunTypes{}, 0)
	got := b.String()
	path := filepath.Join("testdata", "types.md")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("types table is stale; run go test -run TestTypeTable -update (-want +got):\n%s", diff)
	}
}

// labels returns the label tag of each field of t that is not embedded.
func labels(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if f := t.Field(i); !f.Anonymous {
			out = append(out, f.Tag.Get("label"))
		}
	}
	return out
}
