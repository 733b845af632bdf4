package modelgen_test

import (
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/modelgen"
)

// awkward is a schema whose names collide, are Go keywords or start with
// digits, and which holds what the db tags cannot spell.
func awkward() model.Schema {
	return model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"happy", "it's ok"}}, {Name: "unused", Values: []string{"x"}}},
		Tables: []model.Table{
			{Name: "type", Columns: []model.Column{
				{Name: "func", Type: model.Type{SQL: "integer"}},
				{Name: "Func", Type: model.Type{SQL: "text"}, Nullable: true},
				{Name: "1st", Type: model.Type{SQL: "bytea"}, Nullable: true},
				{Name: "table_name", Type: model.Type{SQL: "text"}},
				{Name: "a,b", Type: model.Type{SQL: "text"}},
				{Name: "m", Type: model.Type{SQL: "mood", Enum: "mood"}},
				{Name: "m2", Type: model.Type{SQL: "mood", Enum: "mood"}, Nullable: true},
			}, PrimaryKey: model.PrimaryKey{Columns: []string{"table_name", "func"}},
				ForeignKeys: []model.ForeignKey{{Name: "fk_x", Columns: []string{"func"}, RefTable: "Type_", RefColumns: []string{"id"}, Deferrable: true}},
				Indexes: []model.Index{{Name: "ix odd", Parts: []model.IndexPart{{Column: "func"}}},
					{Name: `ix "odd"`, Parts: []model.IndexPart{{Column: "func"}}}},
			},
			{Name: "Type_", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true}}, PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}},
		},
	}
}

func TestGenerateNamesAndWarnings(t *testing.T) {
	res, err := modelgen.Generate(awkward(), modelgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Source)
	if _, err := parser.ParseFile(token.NewFileSet(), "models.go", res.Source, 0); err != nil {
		t.Fatalf("not Go: %v\n%s", err, src)
	}
	if diff := cmp.Diff([]string{"Type", "Type2"}, res.Models); diff != "" {
		t.Errorf("struct names (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		"Func *string", "Func2 int64", "C1st      []byte", "TableName2 string",
		`db:"1st,type=bytea,null"`,
		`enum=mood('happy', 'it''s ok')`, `db:"m2,enum=mood"`,
		// the key (table_name, func) is written in key order
		"TableName2 string",
		// a deferrable key keeps its deferrable
		"fk=fk_x(func) references Type_(id) deferrable",
		// a name that needs quotes is double-quoted
		`index=\"ix odd\"(func)`,
	} {
		if !strings.Contains(strings.Join(strings.Fields(src), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("source lacks %q:\n%s", want, src)
		}
	}
	if strings.Index(src, `db:"table_name,pk`) > strings.Index(src, `db:"func,pk`) {
		t.Errorf("primary key fields are not in key order:\n%s", src)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	for _, want := range []string{
		"type.a,b: the column name cannot be written",
		`type: index "ix \"odd\"": its name cannot be written in a db tag`,
		"type: column order: the primary key is (table_name, func)",
		"enum type unused is used by no column",
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no warning %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	s := awkward()
	a, err := modelgen.Generate(s, modelgen.Options{Package: "db"})
	if err != nil {
		t.Fatal(err)
	}
	s.Tables[0], s.Tables[1] = s.Tables[1], s.Tables[0]
	b, err := modelgen.Generate(s, modelgen.Options{Package: "db"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("table order changed the output:\n%s\n---\n%s", a.Source, b.Source)
	}
}

func TestGenerateBadPackage(t *testing.T) {
	for _, pkg := range []string{"my-models", "_", "1x"} {
		if _, err := modelgen.Generate(model.Schema{}, modelgen.Options{Package: pkg}); err == nil {
			t.Errorf("package %q accepted", pkg)
		}
	}
}
