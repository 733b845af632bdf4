package render

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestEnvFileExcluding: structs over a table a listed model describes go
// to Exclude; with none, the file is EnvFile's.
func TestEnvFileExcluding(t *testing.T) {
	got, err := EnvFileExcluding("migrations", "sqlite", "example.com/app/models", []string{"User"}, []string{"UserView"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "env.go", got, 0); err != nil {
		t.Fatalf("not Go: %v\n%s", err, got)
	}
	if !strings.Contains(string(got), "Exclude: []any{\n\t\tmodels.UserView{},\n\t},") || !strings.Contains(string(got), "models.User{},") {
		t.Errorf("env.go lacks the Exclude list:\n%s", got)
	}
	plain, err := EnvFile("migrations", "sqlite", "example.com/app/models", []string{"User"})
	if err != nil {
		t.Fatal(err)
	}
	none, err := EnvFileExcluding("migrations", "sqlite", "example.com/app/models", []string{"User"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(plain) != string(none) || strings.Contains(string(plain), "Exclude") {
		t.Errorf("without exclusions the file changed:\n%s\n---\n%s", plain, none)
	}
}

// TestEnvORM: the ORM field names the GORM driver and bun dialect given,
// as model.ORMSettings, and is absent without them.
func TestEnvORM(t *testing.T) {
	got, err := Env(EnvSpec{Package: "migrations", Dialect: "mysql", ModelsImportPath: "example.com/app/models", Models: []string{"User"},
		GORMDriver: "gorm.io/driver/mysql", BunDialect: "github.com/uptrace/bun/dialect/mysqldialect"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "env.go", got, 0); err != nil {
		t.Fatalf("not Go: %v\n%s", err, got)
	}
	for _, want := range []string{
		`"github.com/retortdb/retort/model"`,
		`ORM: model.ORMSettings{`,
		`GORM: model.GORMSettings{Driver: "gorm.io/driver/mysql"},`,
		`Bun:  model.BunSettings{Dialect: "github.com/uptrace/bun/dialect/mysqldialect"},`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("env.go lacks %s:\n%s", want, got)
		}
	}
	plain, err := Env(EnvSpec{Package: "migrations", Dialect: "mysql"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "ORM") {
		t.Errorf("env.go without ORMs names one:\n%s", plain)
	}
}
