package docs

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/gomodtest"
)

// TestREADMELayoutNamesEveryPackage: the Layout section of the README names
// every package of the module (a subpackage may be named beside its parent,
// as in "`dialect` (+ `sqlite`, ...)"), so the table cannot go stale.
func TestREADMELayoutNamesEveryPackage(t *testing.T) {
	t.Parallel()
	root := gomodtest.Root()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, layout, ok := strings.Cut(string(readme), "\n## Layout\n")
	if !ok {
		t.Fatal("README.md has no ## Layout section")
	}
	layout, _, _ = strings.Cut(layout, "\n## ")
	cmd := exec.Command("go", "list", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	named := func(p string) bool { return strings.Contains(layout, "`"+p+"`") }
	for _, pkg := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, "github.com/retortdb/retort"), "/")
		top, _, _ := strings.Cut(rel, "/")
		switch {
		case top == "bench" || top == "examples" || top == "cmd":
			if !named(top) && !named(top+"/retort") {
				t.Errorf("README's Layout section does not name %s", top)
			}
		case named(rel), named(path.Dir(rel)) && named(path.Base(rel)):
		default:
			t.Errorf("README's Layout section does not name package %s", rel)
		}
	}
	if !named("internal/ormtest") {
		t.Error("README's Layout section does not name internal/ormtest (a module of its own)")
	}
}
