package cli_test

import (
	"testing"

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
	Slug string `+"`"+`gorm:"uniq"`+"`"+`
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
