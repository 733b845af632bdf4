package modelgen

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
)

// DefaultPackage is the package name of the generated file when
// [Options.Package] is empty.
const DefaultPackage = "models"

// Options configures [Generate]; the zero value works.
type Options struct {
	// Package is the Go package name of the file; empty means "models".
	Package string
	// Header is a comment written above the package clause (what made the
	// file, from which database); empty writes none.
	Header string
}

// Warning is an attribute of the schema the db tag grammar cannot spell:
// the generated models do not hold it, so `retort check` against the
// source database may report it.
type Warning struct {
	// Table is the table's qualified name ("schema.name" or "name"); empty
	// for a schema-level object (an enum type).
	Table string
	// Column is the column's name; empty for a table-level attribute.
	Column string
	// Lost says what is not written and why.
	Lost string
}

// String renders the warning as "table.column: what is lost".
func (w Warning) String() string {
	where := w.Table
	if w.Column != "" {
		where += "." + w.Column
	}
	if where == "" {
		return w.Lost
	}
	return where + ": " + w.Lost
}

// Result is what [Generate] built.
type Result struct {
	// Source is the Go file: one struct per table, gofmt-clean.
	Source []byte
	// Models are the struct names, one per table in file order: what
	// env.go's Models lists.
	Models []string
	// Warnings name what the file does not hold, in file order.
	Warnings []Warning
}

// Generate writes one Go file holding a tagged struct per table of s,
// tables ordered by schema and name. It fails only on a package name that
// is not a Go identifier; attributes the tag grammar cannot spell are
// [Warning] values.
func Generate(s model.Schema, opts Options) (Result, error) {
	pkg := opts.Package
	if pkg == "" {
		pkg = DefaultPackage
	}
	if !token.IsIdentifier(pkg) || pkg == "_" {
		return Result{}, fmt.Errorf("modelgen: package name %q is not a Go identifier", pkg)
	}
	tables := slices.Clone(s.Tables)
	slices.SortFunc(tables, func(a, b model.Table) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	g := &generator{schema: s, declared: map[string]bool{}, extensions: extensionOptions(s)}
	f := jen.NewFile(pkg)
	if opts.Header != "" {
		f.HeaderComment(opts.Header)
	}
	f.PackageComment("// Package " + pkg + " holds the database's tables as retort models: one struct a\n" +
		"// table, its columns, keys, indexes and constraints written as db tags.")
	types := newNamer()
	var res Result
	for _, t := range tables {
		base := t.Name
		if t.Schema != "" {
			base = t.Schema + "_" + t.Name
		}
		name := types.take(exportedName(base, "T"))
		tg := &tableGen{g: g, t: t}
		tg.write(f, name)
		res.Models = append(res.Models, name)
		res.Warnings = append(res.Warnings, tg.warns...)
	}
	g.unusedEnums(&res)
	if len(g.extensions) > 0 {
		res.Warnings = append(res.Warnings, Warning{Lost: "the extensions (" + strings.Join(g.extensions, ", ") + ") are declared on a model, and there is no table to declare them on"})
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return Result{}, fmt.Errorf("modelgen: %w", err)
	}
	res.Source = buf.Bytes()
	return res, nil
}

// generator is the state of one Generate call shared by its tables.
type generator struct {
	schema model.Schema
	// declared holds the enum types an enum=NAME(values) tag already
	// declared, by qualified name.
	declared map[string]bool
	// extensions are the extension= options not written yet: the first
	// table's struct declares them.
	extensions []string
}

// unusedEnums reports enum types no column declares: a tag declares an
// enum on a column, so an enum no column uses cannot be written.
func (g *generator) unusedEnums(res *Result) {
	enums := slices.Clone(g.schema.Enums)
	slices.SortFunc(enums, func(a, b model.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	for _, e := range enums {
		if !g.declared[enumKey(e.Schema, e.Name)] {
			res.Warnings = append(res.Warnings, Warning{Lost: fmt.Sprintf("enum type %s is used by no column; a db tag declares an enum on a column that uses it, so it is not written", enumKey(e.Schema, e.Name))})
		}
	}
}

// enumKey is an enum's qualified name.
func enumKey(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// enumComment returns the comment of the enum with qualified name key.
func (g *generator) enumComment(key string) string {
	for _, e := range g.schema.Enums {
		if enumKey(e.Schema, e.Name) == key {
			return e.Comment
		}
	}
	return ""
}

// enumValues returns the values of the enum a column type names.
func (g *generator) enumValues(t model.Type, tableSchema string) ([]string, string, bool) {
	sch, name, ok := strings.Cut(t.Enum, ".")
	if !ok {
		sch, name = "", t.Enum
	}
	for _, cand := range []string{sch, tableSchema} {
		if e, ok := g.schema.Enum(cand, name); ok {
			return e.Values, enumKey(e.Schema, e.Name), true
		}
	}
	if len(t.EnumValues) > 0 {
		return t.EnumValues, t.Enum, true
	}
	return nil, "", false
}
