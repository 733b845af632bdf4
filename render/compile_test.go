package render

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

// recorded is how the driver program prints one revision's ops.
type recorded struct {
	Upgrade   []encodedOp
	Downgrade []encodedOp
}

// encodedOp is one op with its Go type name.
type encodedOp struct {
	Type string
	Op   json.RawMessage
}

// encodeOps marshals list the way the driver program does.
func encodeOps(t *testing.T, list []ops.Op) []encodedOp {
	t.Helper()
	out := []encodedOp{}
	for _, o := range list {
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, encodedOp{Type: fmt.Sprintf("%T", o), Op: b})
	}
	return out
}

// driverMain records every revision of the migrations package and prints
// the ops as JSON, keyed by revision id.
const driverMain = `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"rendertest/migrations"
)

type encodedOp struct {
	Type string
	Op   any
}

type recorded struct {
	Upgrade   []encodedOp
	Downgrade []encodedOp
}

func encode(f func(*migrate.Op)) []encodedOp {
	var op migrate.Op
	f(&op)
	out := []encodedOp{}
	for _, o := range op.Ops() {
		out = append(out, encodedOp{Type: fmt.Sprintf("%T", o), Op: o})
	}
	return out
}

var _ ops.Op

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

// TestGoldensCompileAndRecord builds the golden revision files, and files
// rendered from random ops, into a migrations package, runs every Upgrade
// and Downgrade, and checks the recorded ops are exactly the ones each file
// was rendered from.
func TestGoldensCompileAndRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	t.Parallel()
	mod := gomodtest.New(t, "rendertest")
	write := mod.Write
	write("migrations/env.go", "package migrations\n\nimport \"github.com/retortdb/retort/migrate\"\n\nvar Env = &migrate.Env{Dialect: \"sqlite\"}\n")
	write("main.go", driverMain)
	cases := fileCases()
	for _, tc := range cases {
		src, err := os.ReadFile(filepath.Join("testdata", tc.name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		write("migrations/"+tc.name+".go", string(src))
	}
	for _, tc := range randomCases(30) {
		src, err := File(tc.rev, tc.up, tc.down)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		write("migrations/"+tc.name+".go", string(src))
		cases = append(cases, tc)
	}

	stdout, err := mod.Go("run", ".")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]recorded
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout)
	}
	for _, tc := range cases {
		want := recorded{Upgrade: encodeOps(t, tc.up), Downgrade: encodeOps(t, tc.down)}
		g, ok := got[tc.rev.ID]
		if !ok {
			t.Errorf("%s: revision %s was not registered", tc.name, tc.rev.ID)
			continue
		}
		if diff := cmp.Diff(jsonText(t, want), jsonText(t, g)); diff != "" {
			t.Errorf("%s: recorded ops differ from the rendered ones (-want +got):\n%s", tc.name, diff)
		}
	}
}

// jsonText returns r as indented JSON, one field a line, for readable diffs.
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
