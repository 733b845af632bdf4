package docs

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/gomodtest"
)

var (
	goBlock   = regexp.MustCompile("(?s)```go\n(package migrations\n.*?)```")
	modelRefs = regexp.MustCompile(`models\.([A-Z]\w*)\{\}`)
)

// TestREADMEEnvExamplesCompile builds every complete env.go of the README
// (each ```go block that starts with "package migrations") in a module of
// its own that points at this checkout, with a stub models package.
func TestREADMEEnvExamplesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	readme, err := os.ReadFile(filepath.Join(gomodtest.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("found %d env.go examples in README.md; the configuration section lost them", len(blocks))
	}
	mod := gomodtest.New(t, "example.com/app")
	write := mod.Write
	var types []string
	for i, b := range blocks {
		write(fmt.Sprintf("example%d/env.go", i+1), strings.Replace(b[1], "package migrations", fmt.Sprintf("package example%d", i+1), 1))
		for _, m := range modelRefs.FindAllStringSubmatch(b[1], -1) {
			types = append(types, m[1])
		}
	}
	slices.Sort(types)
	var models strings.Builder
	models.WriteString("// Package models stands in for the README's models.\npackage models\n")
	for _, name := range slices.Compact(types) {
		fmt.Fprintf(&models, "\n// %s is a model.\ntype %s struct {\n\tID int64 `db:\"id,pk\"`\n}\n", name, name)
	}
	write("models/models.go", models.String())
	if _, err := mod.Go("build", "./..."); err != nil {
		t.Fatalf("the README's env.go examples do not compile (exampleN is the Nth block):\n%v", err)
	}
}
