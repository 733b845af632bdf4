package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
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
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("found %d env.go examples in README.md; the configuration section lost them", len(blocks))
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/app\n\ngo 1.24\n\nrequire github.com/retortdb/retort v0.0.0-00010101000000-000000000000\n\nreplace github.com/retortdb/retort => "+root+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", string(sum))
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
	cmd := exec.Command("go", "build", "-mod=mod", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the README's env.go examples do not compile (exampleN is the Nth block):\n%s", out.String())
	}
}
