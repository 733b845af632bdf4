package gormserver

import (
	"context"
	"database/sql"
	"errors"
	"strings"
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

// Setting has a field whose type answers GormDBDataType per dialect
// (JSONB on PostgreSQL, JSON on MySQL), as gorm.io/datatypes' JSON does.
type Setting struct {
	ID   uint
	Data gormcase.Doc
}

// envDBDataType is the hook an env.go that imports GORM writes: a GORM
// handle that never connects (no ping, no version query, dry run), and
// the method called as GORM's migrator calls it.
func envDBDataType(t *testing.T, d gorm.Dialector) func(model.GORMField) (string, bool) {
	t.Helper()
	gdb, err := gorm.Open(d, &gorm.Config{DryRun: true, DisableAutomaticPing: true})
	if err != nil {
		t.Fatal(err)
	}
	return gormcase.DBDataType(gdb)
}

// TestEnvDBDataType: env.go's ORM.GORM.DBDataType hook reaches
// autogenerate, so a field typed by GormDBDataType compares equal with
// the column AutoMigrate created; without the hook the load warns and
// PostgreSQL reports the json/jsonb drift.
func TestEnvDBDataType(t *testing.T) {
	cases := []struct {
		dialect   string
		open      func(t *testing.T) *sql.DB
		gorm      func(db *sql.DB) gorm.Dialector
		offline   gorm.Dialector
		driver    string
		bareDrift bool
	}{
		{
			dialect:   "postgres",
			open:      func(t *testing.T) *sql.DB { return testdb.Postgres(t).DB },
			gorm:      func(db *sql.DB) gorm.Dialector { return postgres.New(postgres.Config{Conn: db}) },
			offline:   postgres.New(postgres.Config{DSN: "host=unused.invalid"}),
			driver:    "gorm.io/driver/postgres",
			bareDrift: true,
		},
		{
			dialect: "mysql",
			open:    func(t *testing.T) *sql.DB { return testdb.MySQL(t).DB },
			gorm:    func(db *sql.DB) gorm.Dialector { return mysql.New(mysql.Config{Conn: db}) },
			offline: mysql.New(mysql.Config{DSN: "unused@tcp(unused.invalid:3306)/x", SkipInitializeWithVersion: true}),
			driver:  "gorm.io/driver/mysql",
		},
	}
	for _, c := range cases {
		t.Run(c.dialect, func(t *testing.T) {
			testdb.ServerURL(t, c.dialect)
			t.Parallel()
			ctx := context.Background()
			db := c.open(t)
			if err := open(t, c.gorm(db), gormcase.Settings{}).AutoMigrate(&Setting{}); err != nil {
				t.Fatal(err)
			}
			adb, err := autogen.Open(ctx, db, c.dialect)
			if err != nil {
				t.Fatal(err)
			}
			models := []any{Setting{}}
			env := &migrate.Env{Dialect: c.dialect, Models: models, ModelFamily: model.FamilyGORM, ORM: model.ORMSettings{GORM: model.GORMSettings{
				Driver: c.driver, DBDataType: envDBDataType(t, c.offline),
			}}}
			rep, err := autogen.Check(ctx, adb, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Ops) != 0 {
				t.Errorf("check with env.go's DBDataType hook reports %d ops, want 0:\n%s", len(rep.Ops), describe(rep))
			}
			bare := &migrate.Env{Dialect: c.dialect, Models: models, ModelFamily: model.FamilyGORM, ORM: model.ORMSettings{GORM: model.GORMSettings{Driver: c.driver}}}
			res, err := load.Read(models, mustApply(t, bare.ORM))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "GormDBDataType") {
				t.Errorf("without the hook: warnings %v, want one naming GormDBDataType", res.Warnings)
			}
			rep, err = autogen.Check(ctx, adb, bare, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.bareDrift && len(rep.Ops) == 0 {
				t.Errorf("check without the hook reports no drift; the hook test proves nothing here")
			}
		})
	}
}

func mustApply(t *testing.T, s model.ORMSettings) load.Options {
	t.Helper()
	o, err := load.ApplySettings(load.Options{Family: model.FamilyGORM}, s)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
