package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	got, err := discoverModels(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := modelPackage{Name: "models", Models: []string{"Article", "Post", "User"}, Untagged: []string{"Plain"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
