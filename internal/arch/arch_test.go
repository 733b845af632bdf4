package arch

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"slices"
	"strings"
	"testing"
)

const mod = "github.com/retortdb/retort"

// allowed lists, per package (a prefix "x/" covers x's subpackages), the
// retort packages it may import. DESIGN.md's table, plus a documented
// extension: migrate (the runtime generated files import) also imports
// introspect — its Backend names the introspect.Inspector that reflects a
// table live for SQLite rebuilds. It imports no concrete dialect (see
// TestRuntimeLinksNoDialect) and nothing of autogenerate (see
// TestMigrateIsTheRuntime).
var allowed = map[string][]string{
	"model":       {},
	"load":        {"model", "internal/suggest"},
	"ops":         {"model"},
	"diff":        {"model", "ops", "dialect"},
	"rewriter":    {"model", "ops"},
	"render":      {"model", "ops"},
	"modelgen":    {"model"},
	"safety":      {"model", "ops", "dialect", "introspect"},
	"dialect":     {"model", "ops", "internal/sqllex"},
	"dialect/":    {"model", "ops", "dialect", "internal/sqllex", "internal/seqopt"},
	"introspect":  {"model"},
	"introspect/": {"model", "introspect"},
	// A catalog reader may ask its own database's dialect what it knows
	// (MySQL's spellings of the current time, SQLite's lexical rules);
	// never another's.
	"introspect/mysql":    {"model", "introspect", "dialect/mysql"},
	"introspect/sqlite":   {"model", "introspect", "dialect/sqlite", "internal/sqllex"},
	"introspect/postgres": {"model", "introspect", "internal/seqopt"},
	"migrate":             {"model", "ops", "dialect", "introspect"},
	"autogen":             {"model", "load", "ops", "dialect", "diff", "rewriter", "render", "safety", "introspect", "migrate", "internal/backend"},
	"internal/backend":    {"dialect", "dialect/", "introspect", "introspect/"},
	"internal/dburl":      {},
	"internal/sqllex":     {},
	"internal/seqopt":     {},
	"internal/suggest":    {},
	"internal/lextest":    {},
	"internal/testdb":     {"internal/dburl", "internal/sqllex"},
	"internal/opstest":    {"internal/backend", "dialect", "introspect", "model", "ops"},
	"internal/arch":       {},
	"internal/docs":       {},
	"internal/gomodtest":  {"ops"},
	"internal/converge":   {"cli"},
	"internal/faults":     {},
	"cli":                 {"*"},
	"cmd/":                {"*"},
	"bench":               {"*"},
	"bench/":              {"*"},
	"examples/":           {"*"},
}

// drivers may be imported only by internal/dburl (and so by cli and tests).
var drivers = []string{"github.com/jackc/pgx", "github.com/go-sql-driver/mysql", "modernc.org/sqlite"}

// noThirdParty packages import nothing outside the standard library and
// this module (model, whose allowed list is empty, imports only the
// standard library).
var noThirdParty = []string{"model", "load"}

// modelBannedDeps are standard packages model may not depend on even
// indirectly: reading Go source is load's job.
var modelBannedDeps = []string{"go/ast", "go/build", "go/parser", "go/token", "os/exec", "path/filepath"}

// modelBannedImports are standard packages model may not import: file I/O
// is load's job. (fmt depends on os, so os is checked here, not in deps.)
var modelBannedImports = []string{"io/fs", "io/ioutil", "os", "path/filepath"}

func TestImportArrows(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, mod+"/...")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list: %v\n%s", err, errb.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], mod), "/")
		for _, imp := range fields[1:] {
			for _, v := range violations(pkg, imp) {
				t.Error(v)
			}
		}
	}
}

// TestModelReadsNoSource: model neither depends on go/parser and its
// kin nor does file I/O, and migrate does not depend on go/parser either;
// struct loading lives in load.
func TestModelReadsNoSource(t *testing.T) {
	imports := goList(t, "-f", `{{join .Imports "\n"}}`, mod+"/model")
	deps := goList(t, "-deps", "-f", `{{.ImportPath}}`, mod+"/model")
	for _, v := range modelSourceViolations(imports, deps) {
		t.Error(v)
	}
	for _, d := range goList(t, "-deps", "-f", `{{.ImportPath}}`, mod+"/migrate") {
		if strings.HasPrefix(d, "go/") || d == mod+"/load" {
			t.Errorf("migrate depends on %s; the runtime does not read Go source", d)
		}
	}
}

// runtimeBanned are what an application that links migrate must not
// carry: the autogenerate pipeline (diff, rewriter, render, safety, the
// struct loader, autogen), Go source parsing and the code generator.
var runtimeBanned = []string{
	mod + "/diff", mod + "/rewriter", mod + "/render", mod + "/safety", mod + "/load", mod + "/autogen",
	"go/parser", "go/ast", "github.com/dave/jennifer/jen",
}

// TestMigrateIsTheRuntime: `go list -deps ./migrate` holds nothing of
// autogenerate; env.go's settings reach autogen through types migrate
// owns.
func TestMigrateIsTheRuntime(t *testing.T) {
	deps := goList(t, "-deps", "-f", `{{.ImportPath}}`, mod+"/migrate")
	if len(deps) < 5 || !slices.Contains(deps, mod+"/ops") {
		t.Fatalf("go list -deps migrate gave %d packages, without ops: %v", len(deps), deps)
	}
	for _, d := range deps {
		if slices.Contains(runtimeBanned, d) {
			t.Errorf("migrate depends on %s; the runtime an application links must not", d)
		}
	}
}

// goList runs go list with args and returns its output lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list: %v\n%s", err, errb.String())
	}
	return strings.Split(strings.TrimSpace(out.String()), "\n")
}

// modelSourceViolations returns what is wrong with model's direct imports
// and its whole dependency list.
func modelSourceViolations(imports, deps []string) []string {
	var bad []string
	for _, d := range deps {
		if slices.Contains(modelBannedDeps, d) {
			bad = append(bad, "model depends on "+d+"; reading Go source belongs in load")
		}
	}
	for _, imp := range imports {
		if slices.Contains(modelBannedImports, imp) {
			bad = append(bad, "model imports "+imp+"; file I/O belongs in load")
		}
	}
	return bad
}

func TestModelSourceViolations(t *testing.T) {
	if v := modelSourceViolations([]string{"strings", "fmt"}, []string{"strings", "fmt", "os", "io/fs"}); len(v) > 0 {
		t.Errorf("fmt's own dependency on os refused: %v", v)
	}
	for _, c := range []struct{ imports, deps []string }{
		{[]string{"os"}, []string{"os"}},
		{[]string{"path/filepath"}, []string{"path/filepath"}},
		{[]string{"example.com/x"}, []string{"example.com/x", "go/parser"}},
	} {
		if len(modelSourceViolations(c.imports, c.deps)) == 0 {
			t.Errorf("imports %v, deps %v allowed", c.imports, c.deps)
		}
	}
}

// violations returns what is wrong with pkg importing imp.
func violations(pkg, imp string) []string {
	rules, ok := rulesFor(pkg)
	if !ok {
		return []string{"package " + pkg + " has no entry in the import rules; add it to allowed in internal/arch/arch_test.go"}
	}
	var bad []string
	for _, d := range drivers {
		if strings.HasPrefix(imp, d) && pkg != "internal/dburl" {
			bad = append(bad, pkg+" imports the database driver "+imp+"; only internal/dburl (used by cli and tests) may")
		}
	}
	for _, s := range noThirdParty {
		if pkg == s && strings.Contains(strings.Split(imp, "/")[0], ".") && !strings.HasPrefix(imp, mod+"/") {
			bad = append(bad, pkg+" imports "+imp+"; it may import only the standard library and this module")
		}
	}
	if !strings.HasPrefix(imp, mod+"/") {
		return bad
	}
	target := strings.TrimPrefix(imp, mod+"/")
	if target == pkg || (len(rules) == 1 && rules[0] == "*") {
		return bad
	}
	for _, r := range rules {
		if r == target || (strings.HasSuffix(r, "/") && strings.HasPrefix(target, r)) {
			return bad
		}
	}
	return append(bad, fmt.Sprintf("%s imports %s, against the arrows of DESIGN.md (allowed: %v)", pkg, target, rules))
}

// rulesFor finds the rule for pkg: its own, else its nearest ancestor's "x/" rule.
func rulesFor(pkg string) ([]string, bool) {
	if r, ok := allowed[pkg]; ok {
		return r, true
	}
	for p := path.Dir(pkg); p != "."; p = path.Dir(p) {
		if r, ok := allowed[p+"/"]; ok {
			return r, true
		}
	}
	return nil, false
}

// TestViolationsCatchesBadArrows proves the rules reject what DESIGN.md forbids.
func TestViolationsCatchesBadArrows(t *testing.T) {
	bad := []struct{ pkg, imp string }{
		{"model", mod + "/ops"},
		{"model", "github.com/google/go-cmp/cmp"},
		{"model", mod + "/load"},
		{"load", "github.com/google/go-cmp/cmp"},
		{"load", mod + "/ops"},
		{"ops", mod + "/dialect"},
		{"diff", mod + "/dialect/postgres"},
		{"dialect/sqlite", mod + "/introspect/sqlite"},
		{"introspect/mysql", mod + "/dialect/postgres"},
		{"introspect/postgres", mod + "/dialect/mysql"},
		{"introspect/mysql", "github.com/go-sql-driver/mysql"},
		{"render", mod + "/migrate"},
		{"migrate", mod + "/diff"},
		{"migrate", mod + "/rewriter"},
		{"migrate", mod + "/safety"},
		{"migrate", mod + "/internal/backend"},
		{"migrate", mod + "/dialect/postgres"},
		{"unlisted", "fmt"},
	}
	for _, c := range bad {
		if len(violations(c.pkg, c.imp)) == 0 {
			t.Errorf("%s importing %s was allowed", c.pkg, c.imp)
		}
	}
	good := []struct{ pkg, imp string }{
		{"dialect/postgres", mod + "/dialect"},
		{"migrate", mod + "/dialect"},
		{"introspect/mysql", mod + "/dialect/mysql"},
		{"load", mod + "/model"},
		{"cli", mod + "/internal/dburl"},
		{"internal/dburl", "github.com/jackc/pgx/v5/stdlib"},
	}
	for _, c := range good {
		if v := violations(c.pkg, c.imp); len(v) > 0 {
			t.Errorf("%s importing %s refused: %v", c.pkg, c.imp, v)
		}
	}
}

// TestRuntimeLinksNoDialect: the runtime an application links (migrate)
// depends on no concrete dialect or catalog reader, so an application
// links only the ones it gives Env.Backend.
func TestRuntimeLinksNoDialect(t *testing.T) {
	deps := goList(t, "-deps", mod+"/migrate")
	if len(deps) < 10 {
		t.Fatalf("go list -deps migrate listed %d packages", len(deps))
	}
	for _, p := range deps {
		rel := strings.TrimPrefix(p, mod+"/")
		if strings.HasPrefix(rel, "dialect/") || strings.HasPrefix(rel, "introspect/") || rel == "internal/backend" {
			t.Errorf("migrate depends on %s: an application would link it whatever dialect it uses", rel)
		}
	}
}
