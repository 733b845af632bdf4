package load_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
)

// markerLine returns the 1-based line of file that ends with the comment
// "// @pos-" + name. Markers are assembled at run time so that the call
// sites in this file do not match themselves.
func markerLine(t *testing.T, file, name string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	marker := "// @pos-" + name
	sc := bufio.NewScanner(f)
	found := 0
	for n := 1; sc.Scan(); n++ {
		if strings.HasSuffix(strings.TrimSpace(sc.Text()), marker) {
			if found != 0 {
				t.Fatalf("marker %q twice in %s", marker, file)
			}
			found = n
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Fatalf("marker %q not in %s", marker, file)
	}
	return found
}

func TestSourcePositions(t *testing.T) {
	t.Parallel()
	const pkg = "github.com/retortdb/retort/load/testdata/models"
	user := filepath.ToSlash(filepath.Join("testdata", "models", "user.go"))
	team := filepath.ToSlash(filepath.Join("testdata", "models", "team.go"))
	pos, err := load.SourcePositions(filepath.Join("testdata", "models"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                 string
		pkg, typ, field      string
		wantFile, wantMarker string
		wantOK               bool
	}{
		{name: "type", pkg: pkg, typ: "User", wantFile: user, wantMarker: "user-type", wantOK: true},
		{name: "field", pkg: pkg, typ: "User", field: "Email", wantFile: user, wantMarker: "user-email", wantOK: true},
		{name: "first of two names", pkg: pkg, typ: "User", field: "Name", wantFile: user, wantMarker: "user-name-nick", wantOK: true},
		{name: "second of two names", pkg: pkg, typ: "User", field: "Nick", wantFile: user, wantMarker: "user-name-nick", wantOK: true},
		{name: "embedded field", pkg: pkg, typ: "User", field: "Timestamps", wantFile: user, wantMarker: "user-embedded", wantOK: true},
		{name: "mixin field", pkg: pkg, typ: "Timestamps", field: "CreatedAt", wantFile: user, wantMarker: "ts-created", wantOK: true},
		{name: "generic type with type arguments", pkg: pkg, typ: "Team[int64]", field: "ID", wantFile: team, wantMarker: "team-id", wantOK: true},
		{name: "blank field", pkg: pkg, typ: "Team", field: "_", wantFile: team, wantMarker: "team-blank", wantOK: true},
		{name: "by package name when the import path differs", pkg: "example.com/app/models", typ: "User", field: "Email", wantFile: user, wantMarker: "user-email", wantOK: true},
		{name: "unknown field", pkg: pkg, typ: "User", field: "Missing"},
		{name: "unknown type", pkg: pkg, typ: "Missing"},
		{name: "unknown package", pkg: "example.com/app/other", typ: "User", field: "Email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			file, line, ok := pos(tt.pkg, tt.typ, tt.field)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v (%s:%d)", ok, tt.wantOK, file, line)
			}
			if !ok {
				return
			}
			want := fmt.Sprintf("%s:%d", tt.wantFile, markerLine(t, tt.wantFile, tt.wantMarker))
			if diff := cmp.Diff(want, fmt.Sprintf("%s:%d", file, line)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestSourcePositionsErrors(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "x.go"), []byte("package x\ntype T struct {"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"no Go files": empty, "syntax error": broken} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := load.SourcePositions(dir); err == nil {
				t.Error("no error")
			}
		})
	}
}

// PosMixin is embedded by PosModel; its bad field is reported at its own
// declaration.
type PosMixin struct {
	Created time.Time `db:"created,bogus"` // @pos-mixin-created
}

// PosModel has problems whose positions the test checks.
type PosModel struct { // @pos-model-type
	ID    int64  `db:"id,pk"`
	Email string `db:"email,uniqe"` // @pos-model-email
	PosMixin
}

// PosEmpty has no columns; the error points at the type.
type PosEmpty struct{} // @pos-empty-type

func TestLoadPositions(t *testing.T) {
	t.Parallel()
	pos, err := load.SourcePositions(".")
	if err != nil {
		t.Fatal(err)
	}
	const file = "positions_test.go"
	_, err = load.Models([]any{PosModel{}, PosEmpty{}}, load.Options{Positions: pos})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		fmt.Sprintf(`load_test.PosModel.Email (%s:%d): unknown tag option "uniqe"; did you mean "unique"?`, file, markerLine(t, file, "model-email")),
		fmt.Sprintf(`load_test.PosModel.PosMixin.Created (%s:%d): unknown tag option "bogus"`, file, markerLine(t, file, "mixin-created")),
		fmt.Sprintf(`load_test.PosEmpty (%s:%d): no columns: load_test.PosEmpty has no exported fields that map to columns`, file, markerLine(t, file, "empty-type")),
	}
	if diff := cmp.Diff(want, messages(t, err)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var te *load.TagError
	if !errors.As(err, &te) || te.Pos == "" || te.Type != "load_test.PosModel" || te.Field != "Email" {
		t.Errorf("first TagError = %+v", te)
	}
}

func TestPackagePaths(t *testing.T) {
	t.Parallel()
	got := load.PackagePaths([]any{Post{}, &User{}, 3, nil, Team{}})
	want := []string{"github.com/retortdb/retort/load_test"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
