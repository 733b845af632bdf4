package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/converge"
)

// TestExtractGo reads pairs from a Go test file written here: literals,
// + of literals, a name assigned once, lists, a missing side, a side the
// runner cannot evaluate, and a field that makes a pair inapplicable.
func TestExtractGo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "package x\n\nvar shared = []string{\"create table a (id int)\"}\n\n" +
		"func TestThings(t *testing.T) {\n\tcases := []struct{ name, from, to string; fromQ, toQ []string; roles []string }{\n" +
		"\t\t{name: \"One pair\", from: \"create table t (\" + \"id int)\", to: `create table t (id bigint);`},\n" +
		"\t\t{name: \"lists\", fromQ: shared, toQ: []string{\"create table a (id int)\", \"create table b (id int)\"}},\n" +
		"\t\t{name: \"only to\", to: \"create table c (id int)\"},\n" +
		"\t\t{name: \"computed\", from: fmt.Sprint(1), to: \"x\"},\n" +
		"\t\t{name: \"needs roles\", from: \"a\", to: \"b\", roles: []string{\"r\"}},\n" +
		"\t}\n\t_ = cases\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "things_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := goCorpus{name: "c", dialect: converge.SQLite, glob: "*_test.go",
		fromKeys: []string{"from", "fromQ"}, toKeys: []string{"to", "toQ"},
		skipKeys: map[string]string{"roles": "needs roles"}}
	got, err := extractGo(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ID, From, To, Skip string }
	var rows []row
	for _, p := range got {
		rows = append(rows, row{p.id, p.from, p.to, p.skip})
	}
	want := []row{
		{"c/things_test/TestThings/one-pair", "create table t (id int);\n", "create table t (id bigint);\n", ""},
		{"c/things_test/TestThings/lists", "create table a (id int);\n", "create table a (id int);\ncreate table b (id int);\n", ""},
		{"c/things_test/TestThings/only-to", "", "create table c (id int);\n", "the test fills in the from side with code"},
		{"c/things_test/TestThings/computed", "", "x;\n", "a side is not a string literal"},
		{"c/things_test/TestThings/needs-roles", "a;\n", "b;\n", "needs roles"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
}

// TestAtlasPairs reads successive cmpshow states, preferring the
// version's own file, and skips a script for another version.
func TestAtlasPairs(t *testing.T) {
	t.Parallel()
	ad := atlasDialect{dir: "d", dialect: converge.MySQL, version: "maria107", showIsSQL: true}
	script := "apply 1.hcl\ncmpshow users 1.sql\napply 2.hcl\ncmpshow users 2.sql\napply 1.hcl\ncmpshow users 1.sql\n" +
		"-- 1.hcl --\nx\n-- 1.sql --\nCREATE TABLE `users` (\n  `id` int\n)\n-- 2.sql --\nCREATE TABLE `users` (`id` bigint)\n" +
		"-- maria107/2.sql --\nCREATE TABLE `users` (`id` bigint(20))\nCREATE TABLE `x` (`id` int)\n"
	got := atlasPairs(ad, "s", script)
	if len(got) != 2 {
		t.Fatalf("got %d pairs, want 2 (1→2, 2→1)", len(got))
	}
	if want := "CREATE TABLE `users` (`id` bigint(20));\nCREATE TABLE `x` (`id` int);\n"; got[0].to != want {
		t.Errorf("state 2 = %q, want the maria107 file split into statements %q", got[0].to, want)
	}
	if got[1].from != got[0].to || got[1].to != got[0].from || got[0].skip != "" {
		t.Errorf("second pair should reverse the first: %+v", got)
	}
	other := atlasPairs(ad, "s", "only mysql8\n"+script)
	if len(other) == 0 || !strings.Contains(other[0].skip, "only on mysql8") {
		t.Errorf("a script for mysql8 only should be skipped: %+v", other)
	}
}

// TestDiffCategory names the clause of the first line that changed, and
// calls a diff that only moves lines "order only".
func TestDiffCategory(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ detail, want string }{
		{"after applying:\n--- A\n+++ B\n@@ -1 +1 @@\n   `i` int,\n-  KEY `b` (`b`),\n-  KEY `a` (`a`)\n+  KEY `a` (`a`),\n+  KEY `b` (`b`)\n--- retort exit 1, stdout:\n+x\n", "order only"},
		{"said equal:\n--- A\n+++ B\n@@ -1 +1 @@\n-    bar bigint,\n-    CONSTRAINT c CHECK ((bar > 0))\n+    bar bigint\n+ALTER TABLE public.t\n", "- CONSTRAINT CHECK"},
	} {
		if got := diffCategory(tc.detail); got != tc.want {
			t.Errorf("diffCategory(%q) = %q, want %q", tc.detail, got, tc.want)
		}
	}
	if got := unmodeledKinds("CREATE OR REPLACE VIEW v AS SELECT 1; create table t (id int) partition by range (id);"); !cmp.Equal(got, []string{"view", "partition"}) {
		t.Errorf("unmodeledKinds = %v", got)
	}
}
