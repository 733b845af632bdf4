package autogen_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
)

type (
	// GormShelf is a GORM model (untagged; env.go says FamilyGORM).
	GormShelf struct {
		ID    uint
		Label string
	}
	// BunNote is a bun model.
	BunNote struct {
		ID   int64  `bun:",pk,autoincrement"`
		Body string `bun:",notnull"`
	}
)

// TestLoadORMSettings: env.go's ORM settings change what Load reads: the
// GORM driver's types and table prefix, bun's dialect types and varchar
// length; an unknown driver is an error naming the field.
func TestLoadORMSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name  string
		env   *migrate.Env
		table string
		types []string
	}{
		{"gorm defaults", &migrate.Env{Models: []any{GormShelf{}}, ModelFamily: model.FamilyGORM}, "gorm_shelves", []string{"", ""}},
		{"gorm mysql driver, prefix, string size", &migrate.Env{Models: []any{GormShelf{}}, ModelFamily: model.FamilyGORM,
			ORM: model.ORMSettings{GORM: model.GORMSettings{Driver: "gorm.io/driver/mysql", TablePrefix: "app_", DefaultStringSize: 256}}},
			"app_gorm_shelves", []string{"bigint unsigned", "varchar(256)"}},
		{"bun defaults", &migrate.Env{Models: []any{BunNote{}}}, "bun_notes", []string{"", ""}},
		{"bun mysql dialect, varchar length", &migrate.Env{Models: []any{BunNote{}},
			ORM: model.ORMSettings{Bun: model.BunSettings{Dialect: "github.com/uptrace/bun/dialect/mysqldialect", VarcharLen: 80}}},
			"bun_notes", []string{"BIGINT", "VARCHAR(80)"}},
	}
	for _, c := range cases {
		s, err := autogen.Load(ctx, c.env, autogen.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		tb := s.Tables[0]
		var types []string
		for _, col := range tb.Columns {
			types = append(types, col.Type.SQL)
		}
		if tb.Name != c.table {
			t.Errorf("%s: table %q, want %q", c.name, tb.Name, c.table)
		}
		if diff := cmp.Diff(c.types, types); diff != "" {
			t.Errorf("%s: column types (-want +got)\n%s", c.name, diff)
		}
	}
	bad := &migrate.Env{Models: []any{BunNote{}}, ORM: model.ORMSettings{Bun: model.BunSettings{Dialect: "github.com/uptrace/bun/dialect/mssqldialect"}}}
	if _, err := autogen.Load(ctx, bad, autogen.Options{}); !errors.Is(err, load.ErrUnknownDriver) {
		t.Errorf("unknown bun dialect: got %v, want load.ErrUnknownDriver", err)
	}
}
