package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/internal/gomodtest"
)

// fixtureSrc is a custom op package with a field of every kind render
// writes. It is written into the test module, since a revision file
// cannot import a type declared in a _test.go file.
const fixtureSrc = `package fixture

import "github.com/retortdb/retort/ops"

type (
	Level int8
	Tag   string
)

type Inner struct {
	Name  string
	Tags  []Tag
	Next  *Inner
	Notes map[string][]string
}

type Kinds struct {
	S      string
	Raw    string
	B      bool
	I      int
	I8     Level
	U      uint64
	F32    float32
	F64    float64
	List   []string
	Matrix [][]int
	Arr    [2]string
	Map    map[string]int
	ByTag  map[Tag]Inner
	In     Inner
	Ptr    *Inner
	Nested []Inner
	Empty  []string
	hidden int
}

func (*Kinds) Name() string                          { return "kinds" }
func (k *Kinds) ReverseCustom() (ops.CustomOp, bool) { return k, true }

// Plain has value receivers: it renders without &.
type Plain struct{ A string }

func (Plain) Name() string                          { return "plain" }
func (p Plain) ReverseCustom() (ops.CustomOp, bool) { return p, true }
`

// genMain renders a revision file of fixture ops into migrations/ and
// prints the ops as JSON, in the encoding of recordMain.
const genMain = `package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
	"rendertest/fixture"
)

type encodedOp struct {
	Type string
	Op   any
}

func encode(list []ops.Op) []encodedOp {
	out := []encodedOp{}
	for _, o := range list {
		out = append(out, encodedOp{Type: fmt.Sprintf("%T/%T", o, o.(ops.Custom).Op), Op: o})
	}
	return out
}

func main() {
	up := []ops.Op{
		ops.Custom{Op: &fixture.Kinds{
			S: "a", Raw: "say \"hi\"\nbye", B: true, I: -3, I8: -7, U: math.MaxUint64, F32: 0.1, F64: 2.5e-10,
			List: []string{"x", "y"}, Matrix: [][]int{{1}, nil, {}}, Arr: [2]string{"p", ""},
			Map:    map[string]int{"b": 2, "a": 1},
			ByTag:  map[fixture.Tag]fixture.Inner{"t": {Name: "n", Tags: []fixture.Tag{"u"}}},
			In:     fixture.Inner{Name: "in", Notes: map[string][]string{"k": {"v"}, "e": {}}},
			Ptr:    &fixture.Inner{Name: "p", Next: &fixture.Inner{Name: "q"}},
			Nested: []fixture.Inner{{Name: "n1"}, {}},
			Empty:  []string{},
		}},
		ops.Custom{Op: fixture.Plain{A: "x"}},
	}
	down := []ops.Op{ops.Custom{Op: &fixture.Kinds{}}, ops.Custom{Op: fixture.Plain{}}}
	src, err := render.File(render.Revision{Header: ops.Header{ID: "k1", Message: "kinds"}}, up, down)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("migrations/k1_kinds.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, _ := json.Marshal(map[string]any{"Upgrade": encode(up), "Downgrade": encode(down)})
	os.Stdout.Write(b)
}
`

// recordMain records the revision and prints its ops like genMain.
const recordMain = `package main

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

func encode(f func(*migrate.Op)) []encodedOp {
	var op migrate.Op
	f(&op)
	out := []encodedOp{}
	for _, o := range op.Ops() {
		out = append(out, encodedOp{Type: fmt.Sprintf("%T/%T", o, o.(ops.Custom).Op), Op: o})
	}
	return out
}

func main() {
	r := migrations.Env.Revisions()[0]
	b, _ := json.Marshal(map[string]any{"Upgrade": encode(r.Upgrade), "Downgrade": encode(r.Downgrade)})
	os.Stdout.Write(b)
}
`

// TestCustomKindsCompile renders custom ops with a field of every
// supported kind from a package of their own, compiles the file, records
// it, and checks the ops come back equal (types included).
func TestCustomKindsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two Go programs")
	}
	t.Parallel()
	mod := gomodtest.New(t, "rendertest")
	write := mod.Write
	write("fixture/fixture.go", fixtureSrc)
	write("gen/main.go", genMain)
	write("migrations/env.go", "package migrations\n\nimport \"github.com/retortdb/retort/migrate\"\n\nvar Env = &migrate.Env{Dialect: \"sqlite\"}\n")
	write("main.go", recordMain)
	run := func(pkg string) []byte {
		t.Helper()
		out, err := mod.Go("run", pkg)
		if err != nil {
			src, _ := os.ReadFile(filepath.Join(mod.Dir, "migrations", "k1_kinds.go"))
			t.Fatalf("%v\n%s", err, src)
		}
		return out
	}
	want := run("./gen")
	got := run(".")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		src, _ := os.ReadFile(filepath.Join(mod.Dir, "migrations", "k1_kinds.go"))
		t.Errorf("recorded ops differ from the rendered ones (-want +got):\n%s\n%s", diff, src)
	}
}
