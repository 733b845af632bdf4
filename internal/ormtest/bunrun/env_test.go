package bunrun

import (
	"context"
	"database/sql"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
)

// Author and Article are bun models autogenerate reads with env.go's bun
// settings.
type (
	Author struct {
		bun.BaseModel `bun:"table:authors"`
		ID            int64  `bun:",pk,autoincrement"`
		Name          string `bun:",notnull"`
		Email         string `bun:",unique"`
	}
	Article struct {
		ID       int64   `bun:",pk,autoincrement"`
		AuthorID int64   `bun:",notnull"`
		Author   *Author `bun:"rel:belongs-to,join:author_id=id,on_delete:CASCADE"`
		Title    string  `bun:",type:varchar"`
		Tags     map[string]string
	}
)

// TestEnvBunSettings: env.go's ORM.Bun (the dialect's import path and a
// varchar length) reaches autogenerate: `check` against the database
// bun's CreateTable made (with Varchar(100)) reports nothing, and
// without the settings it reports drift.
func TestEnvBunSettings(t *testing.T) {
	eachBunDialect(t, func(t *testing.T, c bunDialect) {
		ctx := context.Background()
		db := c.open(t)
		bdb := bun.NewDB(db, c.bun)
		for _, m := range []any{(*Author)(nil), (*Article)(nil)} {
			if _, err := bdb.NewCreateTable().Model(m).WithForeignKeys().Varchar(100).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		adb, err := autogen.Open(ctx, db, c.dialect)
		if err != nil {
			t.Fatal(err)
		}
		models := []any{Author{}, Article{}}
		env := &migrate.Env{Dialect: c.dialect, Models: models, ORM: model.ORMSettings{Bun: model.BunSettings{Dialect: c.path, VarcharLen: 100}}}
		rep, err := autogen.Check(ctx, adb, env, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range rep.Ops {
			t.Errorf("with env.go's bun settings, check reports %s", autogen.OpName(op))
		}
		rep, err = autogen.Check(ctx, adb, &migrate.Env{Dialect: c.dialect, Models: models}, autogen.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Ops) == 0 {
			t.Errorf("without the settings check reports no drift; the test proves nothing")
		}
	})
}

// bunDialect is one dialect under test: retort's name for it, the import
// path of bun's dialect (env.go's ORM.Bun.Dialect), a fresh database, and
// bun's dialect.
type bunDialect struct {
	dialect, path string
	open          func(t *testing.T) *sql.DB
	bun           schema.Dialect
}

// eachBunDialect runs f as a parallel subtest on SQLite, PostgreSQL and
// MySQL/MariaDB (the servers skipped without their URL, failed under CI).
func eachBunDialect(t *testing.T, f func(t *testing.T, c bunDialect)) {
	for _, c := range []bunDialect{
		{"sqlite", "github.com/uptrace/bun/dialect/sqlitedialect", func(t *testing.T) *sql.DB { return testdb.SQLite(t).DB }, sqlitedialect.New()},
		{"postgres", "github.com/uptrace/bun/dialect/pgdialect", func(t *testing.T) *sql.DB { return testdb.Postgres(t).DB }, pgdialect.New()},
		{"mysql", "github.com/uptrace/bun/dialect/mysqldialect", func(t *testing.T) *sql.DB { return testdb.MySQL(t).DB }, mysqldialect.New()},
	} {
		t.Run(c.dialect, func(t *testing.T) {
			if c.dialect != "sqlite" {
				testdb.ServerURL(t, c.dialect)
			}
			t.Parallel()
			f(t, c)
		})
	}
}
