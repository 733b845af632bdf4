package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/gomodtest"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// fieldMutation is one op with exactly one field changed from its base:
// path names the field ("CreateTable.Table.Uniques[0].Comment"), field
// its declaring type ("model.Unique.Comment").
type fieldMutation struct {
	path, field string
	op          ops.Op
}

// notAnOpField lists the fields no builder call records, and why; the
// walk leaves them alone.
var notAnOpField = map[string]string{
	// Canonical resolves every type to SQL before diff emits ops.
	"model.Type.Implied": "a comparison hint, resolved before ops exist",
	// Values of any Go type; bulkInsertCode and TestGoldensCompileAndRecord cover them.
	"ops.BulkInsert.Rows": "values of any Go type",
	// Reflected for inspect's output; models never pin one and CREATE
	// EXTENSION installs the server's default.
	"model.Extension.Version": "the installed version, not compared",
	// Set by the GORM loader for diff; diff clears it on every op it emits.
	"model.Index.MethodWrittenUnknown": "a comparison hint, never on an op",
}

// inexact reports why render must refuse m with ErrInexact, or "": the
// change makes the op something no revision states.
func inexact(m fieldMutation) string {
	switch {
	case m.field == "model.Table.RenamedFrom":
		return "a diff hint diff never leaves on an op"
	case strings.HasPrefix(m.path, "ValidateConstraint.") && m.field == "model.Check.NotValid",
		strings.HasPrefix(m.path, "ValidateConstraint.") && m.field == "model.ForeignKey.NotValid":
		return "a ValidateConstraint of a constraint that is valid already"
	case m.field == "model.Check.Column":
		return "a column-level check not named after its column"
	case m.field == "model.IndexPart.Expr":
		return "a key with both a column and an expression"
	case m.field == "model.Column.Name" && strings.HasPrefix(m.path, "AlterColumn."):
		return "an AlterColumn whose From and To name different columns"
	}
	return ""
}

// fieldBases are the ops the walk mutates, one per op type but Custom,
// every slice holding one element so every field of every struct is
// reached. Two tables: one whose constraints carry names of their own
// (table-level items), one named by convention (inline on the column), so
// each attribute is seen to move a constraint off its column.
func fieldBases() []ops.Op {
	own := model.Table{
		Schema: "app", Name: "t",
		Columns:     []model.Column{{Name: "a", Type: model.Type{SQL: "integer"}}},
		PrimaryKey:  model.PrimaryKey{Name: "t_pkey", Columns: []string{"a"}},
		Indexes:     []model.Index{{Name: "t_idx", Parts: []model.IndexPart{{Column: "a"}}}},
		Uniques:     []model.Unique{{Name: "t_key", Columns: []string{"a"}}},
		ForeignKeys: []model.ForeignKey{{Name: "t_fkey", Columns: []string{"a"}, RefTable: "r", RefColumns: []string{"id"}}},
		Checks:      []model.Check{{Name: "t_check", Expr: "a > 0"}},
		Excludes:    []model.Exclude{{Name: "t_excl", Def: "USING gist (a WITH =)"}},
		Options:     []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}},
	}
	conv := model.Table{
		Name:        "u",
		Columns:     []model.Column{{Name: "a", Type: model.Type{SQL: "integer"}}},
		PrimaryKey:  model.PrimaryKey{Name: model.PrimaryKeyName("u"), Columns: []string{"a"}},
		Uniques:     []model.Unique{{Name: model.UniqueName("u", "a"), Columns: []string{"a"}}},
		ForeignKeys: []model.ForeignKey{{Name: model.ForeignKeyName("u", []string{"a"}, "r"), Columns: []string{"a"}, RefTable: "r", RefColumns: []string{"id"}}},
		Checks:      []model.Check{{Name: model.CheckName("u", "a"), Expr: "a > 0"}},
	}
	c := model.Column{Name: "a", Type: model.Type{SQL: "integer"}, Nullable: true}
	ix := model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a"}}}
	pk := model.PrimaryKey{Name: "pk", Columns: []string{"a"}}
	uq := model.Unique{Name: "uq", Columns: []string{"a"}}
	fk := model.ForeignKey{Name: "fk", Columns: []string{"a"}, RefTable: "r", RefColumns: []string{"id"}}
	ck := model.Check{Name: "ck", Expr: "a > 0"}
	opt := []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}
	enum := model.Enum{Schema: "app", Name: "mood", Values: []string{"happy"}}
	x := model.Exclude{Name: "x", Def: "USING gist (a WITH =)"}
	ext := model.Extension{Name: "citext", Schema: "app"}
	return []ops.Op{
		ops.CreateTable{Table: own}, ops.DropTable{Table: own},
		ops.CreateTable{Table: conv}, ops.DropTable{Table: conv},
		ops.RenameTable{Schema: "app", From: "a", To: "b"},
		ops.AddColumn{Schema: "app", Table: "t", Column: c},
		ops.DropColumn{Schema: "app", Table: "t", Column: c},
		ops.AlterColumn{Schema: "app", Table: "t", From: c, To: c},
		ops.RenameColumn{Schema: "app", Table: "t", From: "a", To: "b"},
		ops.CreateIndex{Schema: "app", Table: "t", Index: ix}, ops.DropIndex{Schema: "app", Table: "t", Index: ix},
		ops.AddPrimaryKey{Schema: "app", Table: "t", PrimaryKey: pk}, ops.DropPrimaryKey{Schema: "app", Table: "t", PrimaryKey: pk},
		ops.AddUnique{Schema: "app", Table: "t", Unique: uq}, ops.DropUnique{Schema: "app", Table: "t", Unique: uq},
		ops.AddForeignKey{Schema: "app", Table: "t", ForeignKey: fk}, ops.DropForeignKey{Schema: "app", Table: "t", ForeignKey: fk},
		ops.AddCheck{Schema: "app", Table: "t", Check: ck}, ops.DropCheck{Schema: "app", Table: "t", Check: ck},
		ops.SetTableComment{Schema: "app", Table: "t", From: "a", To: "b"},
		ops.SetTableOptions{Schema: "app", Table: "t", From: opt, To: opt},
		ops.CreateEnum{Enum: enum}, ops.DropEnum{Enum: enum},
		ops.RenameEnum{Schema: "app", From: "a", To: "b"},
		ops.AddEnumValue{Schema: "app", Enum: "mood", Value: "sad"},
		ops.SetEnumComment{Schema: "app", Enum: "mood", From: "a", To: "b"},
		ops.ValidateConstraint{Schema: "app", Table: "t", Check: &model.Check{Name: "ck", Expr: "a > 0", NotValid: true}},
		ops.ValidateConstraint{Schema: "app", Table: "t", ForeignKey: &model.ForeignKey{Name: "fk", Columns: []string{"a"}, RefTable: "r", RefColumns: []string{"id"}, NotValid: true}},
		ops.AddExclude{Schema: "app", Table: "t", Exclude: x}, ops.DropExclude{Schema: "app", Table: "t", Exclude: x},
		ops.SetObjectComment{Schema: "app", Table: "t", Object: ops.CommentIndex, Name: "ix", From: "a", To: "b"},
		ops.CreateExtension{Extension: ext}, ops.DropExtension{Extension: ext},
		ops.Execute{SQL: "SELECT 1"},
		ops.BulkInsert{Schema: "app", Table: "t", Columns: []string{"a"}, Rows: [][]any{{int64(1)}}},
	}
}

// fieldMutations walks every field of base (through structs and slices)
// and returns one op per field, that field changed: strings and string
// lists gain text, booleans flip, numbers and enums step to another value.
// seen collects the fields walked, as "pkg.Type.Field".
func fieldMutations(t *testing.T, base ops.Op, seen map[string]bool) []fieldMutation {
	t.Helper()
	var out []fieldMutation
	typ := reflect.TypeOf(base)
	var walk func(v reflect.Value, path string, steps []int)
	walk = func(v reflect.Value, path string, steps []int) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				name := v.Type().String() + "." + f.Name
				seen[name] = true
				if _, skip := notAnOpField[name]; skip {
					continue
				}
				fv := v.Field(i)
				sub := append(append([]int(nil), steps...), i)
				if isLeaf(fv) {
					op := copyOp(t, base)
					mutateAt(reflect.ValueOf(op).Elem(), sub, f.Name)
					out = append(out, fieldMutation{path: path + "." + f.Name, field: name, op: reflect.ValueOf(op).Elem().Interface().(ops.Op)})
					continue
				}
				walk(fv, path+"."+f.Name, sub)
			}
		case reflect.Slice:
			for j := range v.Len() {
				walk(v.Index(j), fmt.Sprintf("%s[%d]", path, j), append(append([]int(nil), steps...), -1-j))
			}
		case reflect.Pointer:
			// mutateAt steps through pointers by itself.
			if !v.IsNil() {
				walk(v.Elem(), path, steps)
			}
		}
	}
	walk(reflect.ValueOf(base), strings.TrimPrefix(typ.String(), "ops."), nil)
	return out
}

// isLeaf reports whether the walk changes v as a whole.
func isLeaf(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Struct:
		return false
	case reflect.Pointer:
		return v.Type().Elem().Kind() != reflect.Struct
	case reflect.Slice:
		return v.Type().Elem().Kind() == reflect.String
	}
	return true
}

// copyOp returns a pointer to a deep copy of o.
func copyOp(t *testing.T, o ops.Op) any {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	p := reflect.New(reflect.TypeOf(o))
	if err := json.Unmarshal(b, p.Interface()); err != nil {
		t.Fatal(err)
	}
	return p.Interface()
}

// mutateAt follows steps (field indexes, and -1-i for slice element i)
// from v and changes the value there.
func mutateAt(v reflect.Value, steps []int, field string) {
	parent := v
	for _, s := range steps {
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		parent = v
		if s < 0 {
			v = v.Index(-1 - s)
		} else {
			v = v.Field(s)
		}
	}
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			v.SetString("x_" + strings.ToLower(field))
		} else {
			v.SetString(v.String() + "_x")
		}
	case reflect.Bool:
		v.SetBool(!v.Bool())
		// Serial implies AutoIncrement (model.Column.Serial).
		if c, ok := parent.Addr().Interface().(*model.Column); ok && field == "Serial" && c.Serial {
			c.AutoIncrement = true
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Type() == reflect.TypeFor[ops.CommentedObject]() {
			v.SetUint(v.Uint()%2 + 1) // index <-> constraint
			break
		}
		v.SetUint(v.Uint() + 7)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := map[reflect.Type]int64{
			reflect.TypeFor[model.Identity](): 3, reflect.TypeFor[model.ReferenceAction](): 5,
			reflect.TypeFor[model.NullsOrder](): 3, reflect.TypeFor[model.Logical](): 13,
		}[v.Type()]
		if n == 0 {
			v.SetInt(v.Int() + 7)
		} else {
			v.SetInt((v.Int() + 1) % n)
		}
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.ValueOf("x_"+strings.ToLower(field))))
	default:
		panic(fmt.Sprintf("mutateAt: %s: no mutation for a %s", field, v.Type()))
	}
}

// structFields lists "pkg.Type.Field" for every field of every struct
// type reachable from t.
func structFields(t reflect.Type, out map[string]bool) {
	switch t.Kind() {
	case reflect.Struct:
		for f := range t.Fields() {
			name := t.String() + "." + f.Name
			if out[name] {
				return
			}
			out[name] = true
			structFields(f.Type, out)
		}
	case reflect.Slice, reflect.Pointer:
		structFields(t.Elem(), out)
	}
}

// TestEveryFieldRoundTrips changes each field of every op type, and of
// every model struct an op carries, one at a time, renders the op,
// compiles and runs the file, and checks the builder calls record the op
// back exactly. A field added later that render does not write fails it,
// as does one the walk does not reach.
func TestEveryFieldRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	t.Parallel()
	seen := map[string]bool{}
	want := map[string]bool{}
	// One revision per mutation: a file decides some of its style (inline
	// foreign keys) once for all its ops.
	var cases []fileCase
	var paths []string
	based := map[reflect.Type]bool{}
	for _, base := range fieldBases() {
		based[reflect.TypeOf(base)] = true
	}
	for _, op := range ops.All() {
		if _, custom := op.(ops.Custom); !custom && !based[reflect.TypeOf(op)] {
			t.Errorf("%T: no base op of this type; give fieldBases one", op)
		}
	}
	for _, base := range fieldBases() {
		structFields(reflect.TypeOf(base), want)
		for _, m := range fieldMutations(t, base, seen) {
			_, err := File(Revision{Header: ops.Header{ID: "x"}}, []ops.Op{m.op}, nil)
			if why := inexact(m); why != "" {
				if !errors.Is(err, ErrInexact) {
					t.Errorf("%s: File() error = %v, want ErrInexact (%s)", m.path, err, why)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", m.path, err)
				continue
			}
			id := fmt.Sprintf("field%03d", len(cases))
			cases = append(cases, fileCase{name: id, rev: Revision{Header: ops.Header{ID: id, Message: m.path}, CreateDate: created}, up: []ops.Op{m.op}})
			paths = append(paths, m.path)
		}
	}
	for name := range want {
		if _, ok := notAnOpField[name]; !ok && !seen[name] {
			t.Errorf("%s: no base op reaches the field; give fieldBases an element that holds it", name)
		}
	}

	mod := gomodtest.New(t, "everyfield")
	mod.Write("migrations/env.go", "package migrations\n\nimport \"github.com/retortdb/retort/migrate\"\n\nvar Env = &migrate.Env{Dialect: \"postgres\"}\n")
	for _, tc := range cases {
		src, err := File(tc.rev, tc.up, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		mod.Write("migrations/"+tc.name+".go", string(src))
	}
	got, err := mod.Record()
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range cases {
		want := gomodtest.Recorded{Upgrade: encodeOps(t, tc.up), Downgrade: encodeOps(t, nil)}
		if diff := gomodtest.Diff(want, got[tc.rev.ID]); diff != "" {
			t.Errorf("%s: the field does not survive render and re-recording (-want +got):\n%s", paths[i], diff)
		}
	}
}
