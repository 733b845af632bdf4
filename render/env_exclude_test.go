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
