package rewriter_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/gomodtest"
	"github.com/retortdb/retort/ops"
)

// encodeOps encodes list as the recorder prints it.
func encodeOps(t *testing.T, list []ops.Op) []gomodtest.EncodedOp {
	t.Helper()
	out, err := gomodtest.EncodeOps(list)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGoldensCompileAndRecord builds every file of the golden archives
// into one migrations package, runs each Upgrade and Downgrade, and checks
// the recorded ops are the rewritten ones each file was rendered from,
// custom ops included (with their own types).
func TestGoldensCompileAndRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	t.Parallel()
	mod := gomodtest.New(t, "rewritertest")
	write := func(name string, content []byte) { mod.Write(name, string(content)) }
	write("migrations/env.go", []byte("package migrations\n\nimport \"github.com/retortdb/retort/migrate\"\n\nvar Env = &migrate.Env{Dialect: \"postgres\"}\n"))

	want := map[string]gomodtest.Recorded{}
	for _, tc := range goldenCases() {
		data, err := os.ReadFile(filepath.Join("testdata", tc.name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		files := unarchive(data)
		gen := generate(t, tc)
		if len(files) != len(gen) {
			t.Fatalf("%s: golden has %d files, the case makes %d (run go test ./rewriter -update)", tc.name, len(files), len(gen))
		}
		for _, g := range gen {
			src, ok := files[g.name]
			if !ok {
				t.Fatalf("%s: golden has no %s (run go test ./rewriter -update)", tc.name, g.name)
			}
			write("migrations/"+g.name, src)
			want[g.script.ID] = gomodtest.Recorded{Upgrade: encodeOps(t, g.script.Upgrade), Downgrade: encodeOps(t, g.script.Downgrade)}
		}
	}

	got, err := mod.Record()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("recorded %d revisions, want %d", len(got), len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("revision %s was not registered", id)
			continue
		}
		if diff := gomodtest.Diff(w, g); diff != "" {
			t.Errorf("revision %s: recorded ops differ from the rendered ones (-want +got):\n%s", id, diff)
		}
	}
}
