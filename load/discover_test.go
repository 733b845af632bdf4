package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
)

// TestDiscoverORMModels: structs that embed gorm.Model or bun.BaseModel are
// models even when none of their own fields carries a tag.
func TestDiscoverORMModels(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `package models

import (
	"github.com/uptrace/bun"
	"gorm.io/gorm"
)

type User struct {
	gorm.Model
	Name string
}

type Post struct {
	*gorm.Model
	Title string
}

type Article struct {
	bun.BaseModel
	Title string
}

type Plain struct {
	Name string
}
`
	if err := os.WriteFile(filepath.Join(dir, "models.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := load.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := load.Package{Name: "models", Models: []string{"Article", "Post", "User"}, Untagged: []string{"Plain"}, GORM: true, Bun: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestDiscoverMixins: a tagged struct only ever embedded is a mixin, not a
// model, unless it has a TableName method; a struct whose only tags come
// from an embedded mixin is a model; test files, unexported types and
// types declared inside functions are not read.
func TestDiscoverMixins(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"models.go": `package models

type Timestamps struct {
	CreatedAt int64 ` + "`db:\"created_at\"`" + `
}

type Named struct {
	Name string ` + "`db:\"name\"`" + `
}

func (Named) TableName() string { return "named" }

type User struct {
	ID int64 ` + "`db:\"id,pk\"`" + `
	Timestamps
}

type Audit struct {
	*Timestamps
	Note string
}

type Tagless struct {
	Named
}

type Skipped struct {
	X int ` + "`db:\"-\"`" + `
}

type hidden struct {
	ID int64 ` + "`db:\"id\"`" + `
}

func local() {
	type Inner struct{ Timestamps }
}
`,
		"models_test.go": `package models

type OnlyInTests struct {
	ID int64 ` + "`db:\"id\"`" + `
}
`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := load.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := load.Package{
		Name:     "models",
		Models:   []string{"Audit", "Named", "Tagless", "User"},
		Untagged: []string{"Skipped"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestDiscoverErrors(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "x.go"), []byte("package x\ntype T struct {"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"no Go files": empty, "syntax error": broken, "missing": filepath.Join(empty, "nope")} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := load.Discover(dir)
			if err == nil || !strings.HasPrefix(err.Error(), "models package: ") {
				t.Errorf("error = %v, want one starting %q", err, "models package: ")
			}
		})
	}
}

// TestDiscoverTablesOnly: a struct only flattened into others by GORM's
// embedded setting or bun's embed: is not a model; a second struct whose
// source names a table an earlier model names is listed in SameTable.
func TestDiscoverTablesOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "package models\n\n" +
		"type Audit struct {\n\tCreatedBy string `gorm:\"column:created_by\"`\n}\n\n" +
		"type Stamp struct {\n\tAt int64 `bun:\"at\"`\n}\n\n" +
		"type User struct {\n\tID    int64 `gorm:\"primaryKey\"`\n\tAudit Audit `gorm:\"embedded;embeddedPrefix:audit_\"`\n}\n\n" +
		"func (User) TableName() string { return \"users\" }\n\n" +
		"type Post struct {\n\tID    int64 `bun:\"id,pk\"`\n\tStamp Stamp `bun:\"embed:stamp_\"`\n}\n\n" +
		"type UserView struct {\n\tID int64 `gorm:\"primaryKey\"`\n}\n\n" +
		"func (UserView) TableName() string { return \"users\" }\n\n" +
		"type Account struct {\n\t_  struct{} `db:\",table=accounts\"`\n\tID int64 `db:\"id,pk\"`\n}\n\n" +
		"type AccountRow struct {\n\t_  struct{} `db:\",table=accounts\"`\n\tID int64 `db:\"id,pk\"`\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "models.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := load.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := load.Package{Name: "models", Models: []string{"Account", "AccountRow", "Post", "User", "UserView"},
		SameTable: []load.SameTable{{Name: "UserView", Of: "User", Table: "users"}, {Name: "AccountRow", Of: "Account", Table: "accounts"}},
		GORM:      true, Bun: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
