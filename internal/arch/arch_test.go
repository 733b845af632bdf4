package arch

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"strings"
	"testing"
)

const mod = "github.com/retortdb/retort"

// allowed lists, per package (a prefix "x/" covers x's subpackages), the
// retort packages it may import. DESIGN.md's table, plus two documented
// extensions: migrate (the runtime generated files import) also imports
// diff, rewriter and introspect — it holds the comparer options and
// rewriters of env.go, and reflects a table live for SQLite rebuilds — and
// internal/backend, which maps a dialect name to its implementations.
var allowed = map[string][]string{
	"model":              {},
	"ops":                {"model"},
	"diff":               {"model", "ops", "dialect"},
	"rewriter":           {"model", "ops"},
	"render":             {"model", "ops"},
	"safety":             {"model", "ops", "dialect", "introspect"},
	"dialect":            {"model", "ops"},
	"dialect/":           {"model", "ops", "dialect", "internal/sqlitelex"},
	"introspect":         {"model"},
	"introspect/":        {"model", "introspect", "internal/sqlitelex"},
	"migrate":            {"model", "ops", "dialect", "diff", "rewriter", "introspect", "internal/backend"},
	"autogen":            {"model", "ops", "dialect", "diff", "rewriter", "render", "safety", "introspect", "migrate", "internal/backend"},
	"internal/backend":   {"dialect", "dialect/", "introspect", "introspect/"},
	"internal/dburl":     {},
	"internal/sqlitelex": {},
	"internal/testdb":    {"internal/dburl"},
	"internal/opstest":   {"internal/backend", "dialect", "introspect", "model", "ops"},
	"internal/arch":      {},
	"internal/docs":      {},
	"internal/gomodtest": {"ops"},
	"cli":                {"*"},
	"cmd/":               {"*"},
	"bench":              {"*"},
	"bench/":             {"*"},
	"examples/":          {"*"},
}

// drivers may be imported only by internal/dburl (and so by cli and tests).
var drivers = []string{"github.com/jackc/pgx", "github.com/go-sql-driver/mysql", "modernc.org/sqlite"}

// stdlibOnly packages import nothing outside the standard library.
var stdlibOnly = []string{"model"}

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
	for _, s := range stdlibOnly {
		if pkg == s && strings.Contains(strings.Split(imp, "/")[0], ".") {
			bad = append(bad, pkg+" imports "+imp+"; it may import only the standard library")
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
		{"ops", mod + "/dialect"},
		{"diff", mod + "/dialect/postgres"},
		{"dialect/sqlite", mod + "/introspect/sqlite"},
		{"introspect/mysql", "github.com/go-sql-driver/mysql"},
		{"render", mod + "/migrate"},
		{"unlisted", "fmt"},
	}
	for _, c := range bad {
		if len(violations(c.pkg, c.imp)) == 0 {
			t.Errorf("%s importing %s was allowed", c.pkg, c.imp)
		}
	}
	good := []struct{ pkg, imp string }{
		{"dialect/postgres", mod + "/dialect"},
		{"migrate", mod + "/internal/backend"},
		{"cli", mod + "/internal/dburl"},
		{"internal/dburl", "github.com/jackc/pgx/v5/stdlib"},
	}
	for _, c := range good {
		if v := violations(c.pkg, c.imp); len(v) > 0 {
			t.Errorf("%s importing %s refused: %v", c.pkg, c.imp, v)
		}
	}
}
