package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"

	"github.com/retortdb/retort/model"
)

// Spec says what to generate.
type Spec struct {
	// Tables is the number of tables, t00000 to t<Tables-1>.
	Tables int
	// ChangeEvery, when above zero, adds a nullable column bio (text) to
	// every table i with i%ChangeEvery == ChangeEvery-1: the models a user
	// has edited since the database was last migrated.
	ChangeEvery int
}

// TablesPerFile is how many models [Spec.Models] writes per source file.
const TablesPerFile = 100

// TableName returns the name of table i: t00000, t00001, ...
func TableName(i int) string { return fmt.Sprintf("t%05d", i) }

// typeName returns the Go type of table i's model: T00000, ...
func typeName(i int) string { return fmt.Sprintf("T%05d", i) }

// hasFK reports whether table i has a foreign key to table i-1.
func hasFK(i int) bool { return i%2 == 1 }

// changed reports whether table i has the extra column.
func (s Spec) changed(i int) bool {
	return s.ChangeEvery > 0 && i%s.ChangeEvery == s.ChangeEvery-1
}

// Changes returns how many tables [Spec.ChangeEvery] changes.
func (s Spec) Changes() int {
	n := 0
	for i := range s.Tables {
		if s.changed(i) {
			n++
		}
	}
	return n
}

// field is one column as a Go field and as a model column.
type field struct {
	goName, goType, tag string
	col                 model.Column
}

// fields returns table i's columns, in order.
func (s Spec) fields(i int) []field {
	parentTag := "parent_id"
	if hasFK(i) {
		parentTag += ",fk=" + TableName(i-1) + ".id,ondelete=cascade"
	}
	fs := []field{
		{"ID", "int64", "id,pk", model.Column{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true}},
		{"ParentID", "*int64", parentTag, model.Column{Name: "parent_id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true}},
		{"Name", "string", "name,type=varchar(100),default='',index", model.Column{Name: "name", Type: model.Type{SQL: "varchar(100)"}, Default: "''"}},
		{"Email", "string", "email,type=varchar(255),unique", model.Column{Name: "email", Type: model.Type{SQL: "varchar(255)"}}},
		{"Score", "int32", "score,default=0,check=(score >= 0)", model.Column{Name: "score", Type: model.Type{Logical: model.LogicalInt}, Default: "0"}},
		{"Price", "float64", "price,type=numeric(10,2),default=0", model.Column{Name: "price", Type: model.Type{SQL: "numeric(10,2)"}, Default: "0"}},
		{"Active", "bool", "active,default=true", model.Column{Name: "active", Type: model.Type{Logical: model.LogicalBool}, Default: "true"}},
		{"Note", "*string", "note,type=text", model.Column{Name: "note", Type: model.Type{SQL: "text"}, Nullable: true}},
		{"Payload", "[]byte", "payload,null", model.Column{Name: "payload", Type: model.Type{Logical: model.LogicalBytes}, Nullable: true}},
		{"CreatedAt", "time.Time", "created_at,default=CURRENT_TIMESTAMP", model.Column{Name: "created_at", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "CURRENT_TIMESTAMP"}},
		{"UpdatedAt", "*time.Time", "updated_at", model.Column{Name: "updated_at", Type: model.Type{Logical: model.LogicalTimestamp}, Nullable: true}},
	}
	if s.changed(i) {
		fs = append(fs, field{"Bio", "*string", "bio,type=text", model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true}})
	}
	return fs
}

// Table returns table i as [load.Models] reads its model.
func (s Spec) Table(i int) model.Table {
	name := TableName(i)
	t := model.Table{
		Name:       name,
		PrimaryKey: model.PrimaryKey{Name: model.PrimaryKeyName(name), Columns: []string{"id"}},
		Indexes:    []model.Index{{Name: model.IndexName(name, "name"), Parts: []model.IndexPart{{Column: "name"}}}},
		Uniques:    []model.Unique{{Name: model.UniqueName(name, "email"), Columns: []string{"email"}}},
		Checks:     []model.Check{{Name: model.CheckName(name, "score"), Expr: "score >= 0"}},
	}
	for _, f := range s.fields(i) {
		t.Columns = append(t.Columns, f.col)
	}
	if hasFK(i) {
		ref := TableName(i - 1)
		t.ForeignKeys = []model.ForeignKey{{
			Name:       model.ForeignKeyName(name, []string{"parent_id"}, ref),
			Columns:    []string{"parent_id"},
			RefTable:   ref,
			RefColumns: []string{"id"},
			OnDelete:   model.Cascade,
		}}
	}
	return t
}

// Schema returns the whole schema, tables in order.
func (s Spec) Schema() model.Schema {
	out := model.Schema{Tables: make([]model.Table, s.Tables)}
	for i := range s.Tables {
		out.Tables[i] = s.Table(i)
	}
	return out
}

// File is one generated source file.
type File struct {
	// Name is the file name, e.g. "models_000.go".
	Name string
	// Src is gofmt-clean Go source.
	Src []byte
}

// Models returns the schema as a Go package named pkg: one tagged struct
// with a TableName method per table, [TablesPerFile] to a file, files in
// order.
func (s Spec) Models(pkg string) ([]File, error) {
	var files []File
	for start := 0; start < s.Tables || (start == 0 && s.Tables == 0); start += TablesPerFile {
		end := min(start+TablesPerFile, s.Tables)
		var b bytes.Buffer
		fmt.Fprintf(&b, "// Code generated by retort's bench/internal/gen; DO NOT EDIT.\n\npackage %s\n\n", pkg)
		if end > start {
			b.WriteString("import \"time\"\n")
		}
		for i := start; i < end; i++ {
			s.writeModel(&b, i)
		}
		src, err := format.Source(b.Bytes())
		if err != nil {
			return nil, fmt.Errorf("gen: format %s: %w", pkg, err)
		}
		files = append(files, File{Name: fmt.Sprintf("models_%03d.go", start/TablesPerFile), Src: src})
		if s.Tables == 0 {
			break
		}
	}
	return files, nil
}

func (s Spec) writeModel(b *bytes.Buffer, i int) {
	tn := typeName(i)
	fmt.Fprintf(b, "\n// %s is table %s.\ntype %s struct {\n", tn, TableName(i), tn)
	for _, f := range s.fields(i) {
		fmt.Fprintf(b, "\t%s %s `db:%q`\n", f.goName, f.goType, f.tag)
	}
	fmt.Fprintf(b, "}\n\n// TableName names the table.\nfunc (%s) TableName() string { return %q }\n", tn, TableName(i))
}

// ListFile returns a file of package pkg declaring All, every model in
// order as a []any, for programs that load the models themselves.
func (s Spec) ListFile(pkg string) (File, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by retort's bench/internal/gen; DO NOT EDIT.\n\npackage %s\n\n// All lists every model, in table order.\nvar All = []any{\n", pkg)
	for i := range s.Tables {
		fmt.Fprintf(&b, "\t%s{},\n", typeName(i))
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return File{}, fmt.Errorf("gen: format %s: %w", pkg, err)
	}
	return File{Name: "all.go", Src: src}, nil
}

// ModelList returns the Go expressions listing every model of package
// name pkg, as env.go's Models holds them: "models.T00000{}", ...
func (s Spec) ModelList(pkg string) []string {
	out := make([]string, s.Tables)
	for i := range out {
		out[i] = pkg + "." + typeName(i) + "{}"
	}
	return out
}

// TypeNames returns the Go type names of the models, in order.
func (s Spec) TypeNames() []string {
	out := make([]string, s.Tables)
	for i := range out {
		out[i] = typeName(i)
	}
	return out
}

// String describes the spec: "1000 tables, 10 changed".
func (s Spec) String() string {
	var parts []string
	parts = append(parts, fmt.Sprintf("%d tables", s.Tables))
	if n := s.Changes(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d changed", n))
	}
	return strings.Join(parts, ", ")
}
