package gormserver

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/ormtest/gormcase"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
)

// Shelf and Book are read with env.go's GORM settings.
type (
	Shelf struct {
		ID    uint
		Label string
		Code  string `gorm:"index"`
	}
	Book struct {
		ID      uint
		ShelfID uint
		Shelf   Shelf
		Title   string
	}
)

// TestEnvORMSettings: env.go's ORM settings (the GORM driver, a table
// prefix and MySQL's default string size) reach autogenerate: `check`
// against the database GORM's AutoMigrate created with the same settings
// reports nothing, and without the settings it reports drift.
func TestEnvORMSettings(t *testing.T) {
	cases := []struct {
		dialect string
		open    func(t *testing.T) *sql.DB
		gorm    func(db *sql.DB, s gormcase.Settings) gorm.Dialector
		orm     model.GORMSettings
	}{
		{
			dialect: "postgres",
			open:    func(t *testing.T) *sql.DB { return testdb.Postgres(t).DB },
			gorm: func(db *sql.DB, _ gormcase.Settings) gorm.Dialector {
				return postgres.New(postgres.Config{Conn: db})
			},
			orm: model.GORMSettings{Driver: "gorm.io/driver/postgres", TablePrefix: "app_"},
		},
		{
			dialect: "mysql",
			open:    func(t *testing.T) *sql.DB { return testdb.MySQL(t).DB },
			gorm: func(db *sql.DB, s gormcase.Settings) gorm.Dialector {
				return mysql.New(mysql.Config{Conn: db, DefaultStringSize: s.DefaultStringSize})
			},
			orm: model.GORMSettings{Driver: "gorm.io/driver/mysql", TablePrefix: "app_", DefaultStringSize: 256},
		},
	}
	for _, c := range cases {
		t.Run(c.dialect, func(t *testing.T) {
			testdb.ServerURL(t, c.dialect)
			t.Parallel()
			ctx := context.Background()
			db := c.open(t)
			s := gormcase.Settings{TablePrefix: c.orm.TablePrefix, DefaultStringSize: c.orm.DefaultStringSize}
			if err := open(t, c.gorm(db, s), s).AutoMigrate(&Shelf{}, &Book{}); err != nil {
				t.Fatal(err)
			}
			adb, err := autogen.Open(ctx, db, c.dialect)
			if err != nil {
				t.Fatal(err)
			}
			models := []any{Shelf{}, Book{}}
			env := &migrate.Env{Dialect: c.dialect, Models: models, ModelFamily: model.FamilyGORM, ORM: model.ORMSettings{GORM: c.orm}}
			rep, err := autogen.Check(ctx, adb, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Ops) != 0 {
				t.Errorf("check with env.go's ORM settings reports %d ops, want 0:\n%s", len(rep.Ops), describe(rep))
			}
			bare := &migrate.Env{Dialect: c.dialect, Models: models, ModelFamily: model.FamilyGORM}
			rep, err = autogen.Check(ctx, adb, bare, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Ops) == 0 {
				t.Errorf("check without the settings reports no drift; the settings test proves nothing")
			}
		})
	}
}

// TestEnvORMSettingsUnknownDriver: a driver path retort does not know is
// an error naming env.go's field.
func TestEnvORMSettingsUnknownDriver(t *testing.T) {
	env := &migrate.Env{Models: []any{Shelf{}}, ModelFamily: model.FamilyGORM, ORM: model.ORMSettings{GORM: model.GORMSettings{Driver: "gorm.io/driver/oracle"}}}
	_, err := autogen.Load(context.Background(), env, autogen.Options{})
	if !errors.Is(err, load.ErrUnknownDriver) {
		t.Fatalf("got %v, want load.ErrUnknownDriver", err)
	}
}

func describe(r autogen.Report) string {
	var s string
	for _, op := range r.Ops {
		s += "  " + autogen.OpName(op) + "\n"
	}
	return s
}
