package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
)

const plainGORMModels = `package models

import "time"

// Category has no tags at all: GORM's conventions name everything.
type Category struct {
	ID        uint
	Name      string
	CreatedAt time.Time
}
`

// labelModel is tagged; GORM ignores its uniq: a warning, not an error.
const labelModel = `package models

type Label struct {
	ID   uint
	Slug string ` + "`" + `gorm:"uniq"` + "`" + `
}
`

const plainGORMEnv = `package migrations

import (
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"

	models "example.com/shop/models"
)

var Env = &migrate.Env{
	Dialect:     "sqlite",
	Models:      []any{models.Category{}, models.Label{}},
	ModelFamily: model.FamilyGORM,
}
`

// TestCLIModelFamily: with ModelFamily set to GORM, a struct with no tags
// becomes GORM's table (plural name, snake_case columns, NULL allowed but
// for the key), and the database converges.
func TestCLIModelFamily(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.SQLite(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", plainGORMModels)
	out := m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	wantContains(t, out, "models.Category", "model.FamilyGORM")
	m.write("migrations/env.go", plainGORMEnv)
	m.write("models/label.go", labelModel)
	out = m.run(0, "revision", "--autogenerate", "-m", "categories")
	wantContains(t, out, "create table categories")
	// What GORM ignores is named with the field's file:line and a fix.
	wantContains(t, out, "warning: models.Label.Slug (models/label.go:5)", `"uniq"`, `"unique"`)
	m.run(0, "upgrade", "head")
	out = m.run(0, "check")
	wantContains(t, out, "warning: models.Label.Slug (models/label.go:5)")
	exec1(t, db.DB, "INSERT INTO categories (name, created_at) VALUES (NULL, NULL)")
	if n := count(t, db.DB, "SELECT count(*) FROM categories WHERE id = 1"); n != 1 {
		t.Errorf("the GORM key did not number the row")
	}
}

const gormTaggedModels = `package models

import "time"

// Note is tagged for GORM: init names the GORM driver in env.go.
type Note struct {
	ID        uint   ` + "`" + `gorm:"primaryKey"` + "`" + `
	Title     string ` + "`" + `gorm:"size:80;not null"` + "`" + `
	Body      string
	CreatedAt time.Time
}
`

// TestCLIInitNamesGORMDriver: init over GORM-tagged models writes env.go's
// ORM field with the dialect's GORM driver, so autogenerate writes the
// types GORM's AutoMigrate does on MySQL (longtext, datetime(3)), and the
// database converges.
func TestCLIInitNamesGORMDriver(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.MySQL(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", gormTaggedModels)
	out := m.run(0, "init", "--dialect", "mysql", "--models", "./models")
	wantContains(t, out, "models.Note", "env.go's ORM names gorm.io/driver/mysql")
	env, err := os.ReadFile(filepath.Join(m.dir, "migrations", "env.go"))
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, string(env), `Driver: "gorm.io/driver/mysql"`)
	m.run(0, "revision", "--autogenerate", "-m", "notes")
	m.run(0, "upgrade", "head")
	m.run(0, "check")
	got := map[string]string{}
	rows, err := db.DB.Query("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'notes'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, ty string
		if err := rows.Scan(&c, &ty); err != nil {
			t.Fatal(err)
		}
		got[c] = ty
	}
	want := map[string]string{"id": "bigint(20) unsigned", "title": "varchar(80)", "body": "longtext", "created_at": "datetime(3)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("notes' columns (information_schema) differ from GORM's types (-want +got):\n%s", diff)
	}
}
