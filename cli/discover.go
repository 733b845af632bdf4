package cli

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// modelPackage is a Go package of tagged model structs, read from source.
type modelPackage struct {
	// Name is the package name ("models").
	Name string
	// Models are the exported struct types that look like models, sorted.
	Models []string
	// Untagged are the exported struct types that carry no tag at all and
	// are not only embedded into others (plain GORM structs), sorted.
	Untagged []string
}

// tagKeys are the struct-tag keys that mark a model field.
var tagKeys = []string{"db", "gorm", "bun"}

// discoverModels reads the package in dir and returns the struct types that
// carry db, gorm or bun tags and are not only embedded into other structs
// (mixins such as a TimestampMixin), unless they have a TableName method.
func discoverModels(dir string) (modelPackage, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return modelPackage{}, fmt.Errorf("models package: %w", err)
	}
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return modelPackage{}, fmt.Errorf("models package: %w", err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return modelPackage{}, fmt.Errorf("models package: no Go files in %s", dir)
	}
	tagged := map[string]bool{}
	structs := map[string]bool{}
	embedded := map[string]bool{}
	hasTableName := map[string]bool{}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					structs[ts.Name.Name] = true
					for _, field := range st.Fields.List {
						if len(field.Names) == 0 {
							if id := baseIdent(field.Type); id != "" {
								embedded[id] = true
							}
							if isORMBase(field.Type) {
								tagged[ts.Name.Name] = true
							}
						}
						if field.Tag != nil && hasModelTag(field.Tag.Value) {
							tagged[ts.Name.Name] = true
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && d.Name.Name == "TableName" && len(d.Recv.List) == 1 {
					hasTableName[baseIdent(d.Recv.List[0].Type)] = true
				}
			}
		}
	}
	// A struct that embeds a tagged mixin is a model even without tags of its own.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, field := range st.Fields.List {
					if len(field.Names) == 0 && tagged[baseIdent(field.Type)] && !embedded[ts.Name.Name] {
						tagged[ts.Name.Name] = true
					}
				}
			}
			return false
		})
	}
	var models []string
	for name := range tagged {
		if embedded[name] && !hasTableName[name] {
			continue
		}
		models = append(models, name)
	}
	sort.Strings(models)
	var untagged []string
	for name := range structs {
		if !tagged[name] && (!embedded[name] || hasTableName[name]) {
			untagged = append(untagged, name)
		}
	}
	sort.Strings(untagged)
	return modelPackage{Name: files[0].Name.Name, Models: models, Untagged: untagged}, nil
}

// isORMBase reports whether an embedded field is gorm.Model or
// bun.BaseModel: a GORM model often carries no tag of its own.
func isORMBase(e ast.Expr) bool {
	if st, ok := e.(*ast.StarExpr); ok {
		e = st.X
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && (pkg.Name == "gorm" && sel.Sel.Name == "Model" || pkg.Name == "bun" && sel.Sel.Name == "BaseModel")
}

func hasModelTag(lit string) bool {
	tag, err := strconv.Unquote(lit)
	if err != nil {
		return false
	}
	for _, k := range tagKeys {
		if v, ok := reflect.StructTag(tag).Lookup(k); ok && v != "-" {
			return true
		}
	}
	return false
}

func baseIdent(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return baseIdent(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name
	}
	return ""
}
