package render

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Level is a named int, Tag a named string: custom op fields may use them.
type (
	Level int8
	Tag   string
)

// Inner is a nested struct of a custom op.
type Inner struct {
	Name  string
	Tags  []Tag
	Next  *Inner
	Notes map[string][]string
}

// kindsOp has a field of every kind render writes.
type kindsOp struct {
	S       string
	Raw     string
	B       bool
	I       int
	I8      Level
	U       uint64
	F32     float32
	F64     float64
	List    []string
	Matrix  [][]int
	Arr     [2]string
	Map     map[string]int
	ByTag   map[Tag]Inner
	In      Inner
	Ptr     *Inner
	Nested  []Inner
	Model   model.Column
	Empty   []string
	hidden  int
	private func() //lint:ignore U1000 an unexported field left unset is skipped
}

func (kindsOp) Name() string                        { return "kinds" }
func (kindsOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type funcOp struct{ Run func() }

func (funcOp) Name() string                        { return "func" }
func (funcOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type chanOp struct{ In Inner2 }

// Inner2 holds a channel deep down.
type Inner2 struct{ C []chan int }

func (chanOp) Name() string                        { return "chan" }
func (chanOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type anyOp struct{ V any }

func (anyOp) Name() string                        { return "any" }
func (anyOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type intKeyOp struct{ M map[int]string }

func (intKeyOp) Name() string                        { return "intkey" }
func (intKeyOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type ptrStringOp struct{ P *string }

func (ptrStringOp) Name() string                        { return "ptrstring" }
func (ptrStringOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type anonOp struct{ A struct{ X int } }

func (anonOp) Name() string                        { return "anon" }
func (anonOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type floatOp struct{ F float64 }

func (floatOp) Name() string                        { return "float" }
func (floatOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type cycleOp struct{ In *Inner }

func (cycleOp) Name() string                        { return "cycle" }
func (cycleOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

type notStruct string

func (notStruct) Name() string                        { return "notstruct" }
func (notStruct) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

func TestCustomCode(t *testing.T) {
	t.Parallel()
	full := kindsOp{
		S: "a", Raw: `say "hi"`, B: true, I: -3, I8: 7, U: math.MaxUint64, F32: 0.1, F64: 2.5e-10,
		List: []string{"x", "y"}, Matrix: [][]int{{1}, nil, {}}, Arr: [2]string{"p", ""},
		Map:    map[string]int{"b": 2, "a": 1},
		ByTag:  map[Tag]Inner{"t": {Name: "n"}},
		In:     Inner{Name: "in", Tags: []Tag{"x"}, Notes: map[string][]string{"k": {"v"}}},
		Ptr:    &Inner{Name: "p", Next: &Inner{Name: "q"}},
		Nested: []Inner{{Name: "n1"}, {}},
		Model:  model.Column{Name: "c", Type: model.Type{SQL: "int"}, Identity: model.IdentityAlways},
		Empty:  []string{},
	}
	tests := []struct {
		name string
		op   ops.CustomOp
		want string
	}{
		{"zero value", kindsOp{}, "op.Custom(render.kindsOp{})"},
		{"pointer", &kindsOp{S: "a"}, `op.Custom(&render.kindsOp{S: "a"})`},
		{"every kind", full, `op.Custom(render.kindsOp{
	S:      "a",
	Raw:    ` + "`" + `say "hi"` + "`" + `,
	B:      true,
	I:      -3,
	I8:     7,
	U:      18446744073709551615,
	F32:    0.1,
	F64:    2.5e-10,
	List:   []string{"x", "y"},
	Matrix: [][]int{[]int{1}, nil, []int{}},
	Arr:    [2]string{"p", ""},
	Map: map[string]int{
		"a": 1,
		"b": 2,
	},
	ByTag: map[render.Tag]render.Inner{
		"t": render.Inner{Name: "n"},
	},
	In: render.Inner{
		Name: "in",
		Tags: []render.Tag{"x"},
		Notes: map[string][]string{
			"k": []string{"v"},
		},
	},
	Ptr: &render.Inner{
		Name: "p",
		Next: &render.Inner{Name: "q"},
	},
	Nested: []render.Inner{render.Inner{Name: "n1"}, render.Inner{}},
	Model: model.Column{
		Name:     "c",
		Type:     model.Type{SQL: "int"},
		Identity: 1,
	},
	Empty: []string{},
})`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := customCode(ops.Custom{Op: tt.op})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, fmt.Sprintf("%#v", c)); diff != "" {
				t.Errorf("customCode() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCustomCodeErrors(t *testing.T) {
	t.Parallel()
	loop := &Inner{Name: "a"}
	loop.Next = loop
	tests := []struct {
		name  string
		op    ops.CustomOp
		words string
	}{
		{"func field", funcOp{}, "render.funcOp.Run has kind func"},
		{"chan deep down", chanOp{}, "render.chanOp.In.C[] has kind chan"},
		{"interface field", anyOp{V: 1}, "render.anyOp.V has kind interface"},
		{"int map key", intKeyOp{}, "render.intKeyOp.M: map keys must be strings"},
		{"pointer to string", ptrStringOp{}, "render.ptrStringOp.P: a pointer to string"},
		{"anonymous struct", anonOp{}, "render.anonOp.A: anonymous struct types"},
		{"unexported and set", kindsOp{hidden: 1}, "render.kindsOp.hidden is unexported and set"},
		{"NaN", floatOp{F: math.NaN()}, "render.floatOp.F: NaN has no Go literal"},
		{"pointer cycle", cycleOp{In: loop}, "nested more than"},
		{"not a struct", notStruct("x"), "is a render.notStruct"},
		{"nil pointer", (*kindsOp)(nil), "nil pointer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := File(Revision{Header: ops.Header{ID: "x"}}, []ops.Op{ops.Custom{Op: tt.op}}, nil)
			if !errors.Is(err, ErrUnsupportedOp) {
				t.Fatalf("File() error = %v, want ErrUnsupportedOp", err)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("File() error = %q, want it to say %q", err, tt.words)
			}
		})
	}
	if _, err := File(Revision{Header: ops.Header{ID: "x"}}, []ops.Op{ops.Custom{}}, nil); !errors.Is(err, ErrUnsupportedOp) {
		t.Errorf("File(empty ops.Custom) error = %v, want ErrUnsupportedOp", err)
	}
}

func TestCustomImports(t *testing.T) {
	t.Parallel()
	list := []ops.Op{ops.Custom{Op: kindsOp{}}, ops.AddColumn{}, ops.Custom{Op: &cycleOp{}}}
	want := [][2]string{{"github.com/retortdb/retort/model", "model"}, {"github.com/retortdb/retort/render", "render"}}
	if diff := cmp.Diff(want, customImports(list)); diff != "" {
		t.Errorf("customImports() (-want +got):\n%s", diff)
	}
	src, err := File(Revision{Header: ops.Header{ID: "x"}, Package: "migrations"}, list[:1], nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "\t\"github.com/retortdb/retort/render\"\n") {
		t.Errorf("File() imports render with an alias or not at all:\n%s", src)
	}
}
