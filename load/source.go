package load

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// errNoGoFiles: a package directory holds no Go file to read; callers
// word it with their own prefix.
var errNoGoFiles = errors.New("no Go files")

// readDirError: parseDir could not list the directory. Its text is the
// underlying error's.
type readDirError struct{ err error }

func (e *readDirError) Error() string { return e.err.Error() }
func (e *readDirError) Unwrap() error { return e.err }

// sourceFile is what [SourcePositions] and [Discover] read of one Go file:
// its package clause and its top-level declarations. Both come from one
// walk, [readFile].
type sourceFile struct {
	path string // as joined from the directory given to parseDir
	pkg  string // the package clause's name
	test bool   // a _test.go file
	// types are the top-level type declarations, in source order.
	types []typeDecl
	// tableName are the receiver type names of the TableName methods
	// declared in the file ("" for a receiver with type parameters).
	tableName []string
	// tableNameLit maps a receiver type name to the string literal its
	// TableName method returns, when its body is just that return.
	tableNameLit map[string]string
}

// typeDecl is one top-level type declaration.
type typeDecl struct {
	name     string
	line     int
	isStruct bool
	// fields are a struct's fields, one per name (an embedded field is
	// one entry named after its type), in source order.
	fields []fieldDecl
}

// fieldDecl is one struct field.
type fieldDecl struct {
	// name is the field's name; for an embedded field, its type's name
	// ("" when the expression names none).
	name string
	line int
	// embedded: the field has no name of its own.
	embedded bool
	// typeArgs: the embedded type is instantiated (Box[int]).
	typeArgs bool
	// ormBase: the embedded type is gorm.Model or bun.BaseModel.
	ormBase bool
	// typ is the name of a named field's type, through pointers and
	// package qualifiers ("" when the expression names none).
	typ string
	// tag is the field's struct tag, unquoted ("" when it has none or it
	// does not unquote).
	tag reflect.StructTag
}

// parseDir parses the Go files of dir in name order, test files too when
// tests is set; errNoGoFiles when there are none. File paths are joined to
// dir as given, so errors name them the way the caller does.
func parseDir(dir string, tests bool) ([]sourceFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &readDirError{err}
	}
	fset := token.NewFileSet()
	var files []sourceFile
	for _, e := range entries {
		n := e.Name()
		isTest := strings.HasSuffix(n, "_test.go")
		if e.IsDir() || !strings.HasSuffix(n, ".go") || isTest && !tests {
			continue
		}
		path := filepath.Join(dir, n)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		sf := readFile(fset, f)
		sf.path, sf.test = path, isTest
		files = append(files, sf)
	}
	if len(files) == 0 {
		return nil, errNoGoFiles
	}
	return files, nil
}

// readFile is the one walk over a file's top-level declarations that
// positions and discovery share.
func readFile(fset *token.FileSet, f *ast.File) sourceFile {
	sf := sourceFile{pkg: f.Name.Name}
	line := func(p token.Pos) int { return fset.Position(p).Line }
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, spec := range d.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				td := typeDecl{name: ts.Name.Name, line: line(ts.Name.Pos())}
				if st, ok := ts.Type.(*ast.StructType); ok {
					td.isStruct = true
					for _, fld := range st.Fields.List {
						td.fields = append(td.fields, readField(fld, line)...)
					}
				}
				sf.types = append(sf.types, td)
			}
		case *ast.FuncDecl:
			if d.Recv != nil && d.Name.Name == "TableName" && len(d.Recv.List) == 1 {
				name, args := typeName(d.Recv.List[0].Type)
				if args {
					name = ""
				}
				sf.tableName = append(sf.tableName, name)
				if lit, ok := returnedString(d.Body); ok && name != "" {
					if sf.tableNameLit == nil {
						sf.tableNameLit = map[string]string{}
					}
					sf.tableNameLit[name] = lit
				}
			}
		}
	}
	return sf
}

// readField returns one entry per name of fld.
func readField(fld *ast.Field, line func(token.Pos) int) []fieldDecl {
	var tag reflect.StructTag
	if fld.Tag != nil {
		if s, err := strconv.Unquote(fld.Tag.Value); err == nil {
			tag = reflect.StructTag(s)
		}
	}
	if len(fld.Names) == 0 {
		name, args := typeName(fld.Type)
		return []fieldDecl{{name: name, line: line(fld.Type.Pos()), embedded: true, typeArgs: args, ormBase: isORMBase(fld.Type), tag: tag}}
	}
	out := make([]fieldDecl, 0, len(fld.Names))
	typ, _ := typeName(fld.Type)
	for _, id := range fld.Names {
		out = append(out, fieldDecl{name: id.Name, line: line(id.Pos()), typ: typ, tag: tag})
	}
	return out
}

// typeName is the name of the type a type expression names, through
// pointers and package qualifiers, and whether it carries type arguments.
func typeName(e ast.Expr) (name string, args bool) {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name, false
	case *ast.StarExpr:
		return typeName(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name, false
	case *ast.IndexExpr:
		n, _ := typeName(t.X)
		return n, true
	case *ast.IndexListExpr:
		n, _ := typeName(t.X)
		return n, true
	}
	return "", false
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
