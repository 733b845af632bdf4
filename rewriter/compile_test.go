package rewriter_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/gomodtest"
	"github.com/retortdb/retort/ops"
)

// encodedOp is one op with its Go type; a custom op's type includes the
// type of the op inside.
type encodedOp struct {
	Type string
	Op   json.RawMessage
}

type recorded struct {
	Upgrade   []encodedOp
	Downgrade []encodedOp
}

func typeOf(o ops.Op) string {
	if c, ok := o.(ops.Custom); ok {
		return fmt.Sprintf("%T/%T", o, c.Op)
	}
	return fmt.Sprintf("%T", o)
}

func encodeOps(t *testing.T, list []ops.Op) []encodedOp {
	t.Helper()
	out := []encodedOp{}
	for _, o := range list {
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, encodedOp{Type: typeOf(o), Op: b})
	}
	return out
}

// driverMain records every revision of the migrations package and prints
// the ops as JSON, keyed by revision id, with the same encoding.
const driverMain = `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"rewritertest/migrations"
)

type encodedOp struct {
	Type string
	Op   any
}

type recorded struct {
	Upgrade   []encodedOp
	Downgrade []encodedOp
}

func typeOf(o ops.Op) string {
	if c, ok := o.(ops.Custom); ok {
		return fmt.Sprintf("%T/%T", o, c.Op)
	}
	return fmt.Sprintf("%T", o)
}

func encode(f func(*migrate.Op)) []encodedOp {
	var op migrate.Op
	f(&op)
	out := []encodedOp{}
	for _, o := range op.Ops() {
		out = append(out, encodedOp{Type: typeOf(o), Op: o})
	}
	return out
}

func main() {
	all := map[string]recorded{}
	for _, r := range migrations.Env.Revisions() {
		all[r.ID] = recorded{Upgrade: encode(r.Upgrade), Downgrade: encode(r.Downgrade)}
	}
	b, err := json.Marshal(all)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(b)
}
`

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
	write("main.go", []byte(driverMain))

	want := map[string]recorded{}
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
			want[g.script.ID] = recorded{Upgrade: encodeOps(t, g.script.Upgrade), Downgrade: encodeOps(t, g.script.Downgrade)}
		}
	}

	stdout, err := mod.Go("run", ".")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]recorded
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout)
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
		if diff := cmp.Diff(jsonText(t, w), jsonText(t, g)); diff != "" {
			t.Errorf("revision %s: recorded ops differ from the rendered ones (-want +got):\n%s", id, diff)
		}
	}
}

// jsonText returns r as indented JSON, for readable diffs.
func jsonText(t *testing.T, r recorded) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
