package rewriter_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(file))
	dir := t.TempDir()
	write := func(name string, content []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module rewritertest\n\ngo 1.26\n\nrequire github.com/retortdb/retort v0.0.0\n\nreplace github.com/retortdb/retort => "+root+"\n"))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", sum)
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

	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.String())
	}
	var got map[string]recorded
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout.String())
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
