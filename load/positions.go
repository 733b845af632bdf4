package load

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
)

// PositionFunc returns where a struct field (or, for fieldName "", the
// struct type itself) is declared: a file name and a 1-based line. pkgPath
// and typeName are as reflect reports them (reflect.Type.PkgPath and Name,
// without type arguments).
type PositionFunc func(pkgPath, typeName, fieldName string) (file string, line int, ok bool)

// posKey names one declaration.
type posKey struct{ pkg, typ, field string }

// filePos is one declaration's place.
type filePos struct {
	file string
	line int
}

// SourcePositions parses the Go files (test files included) of the given
// package directories with go/parser and returns a [PositionFunc] for the
// struct types they declare at top level and those types' fields. Files are
// named relative to the current directory when they lie below it
// ("models/user.go"), else by absolute path.
//
// A directory's import path comes from the nearest go.mod above it; files
// of an external test package (package x_test) get the import path plus
// "_test", as reflect reports it. When no go.mod is found, or the caller's
// import path is not among the parsed ones, a type is looked up by its
// package name instead, if that is unambiguous.
func SourcePositions(dirs ...string) (PositionFunc, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("load: source positions: %w", err)
	}
	byPath := map[posKey]filePos{}
	byName := map[posKey][]filePos{}
	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("load: source positions: %w", err)
		}
		files, err := parseDir(abs, true)
		var rd *readDirError
		if errors.Is(err, errNoGoFiles) || errors.As(err, &rd) {
			return nil, fmt.Errorf("load: source positions: no Go files in %s", dir)
		}
		if err != nil {
			return nil, fmt.Errorf("load: source positions: %w", err)
		}
		importPath := dirImportPath(abs)
		for _, f := range files {
			name := displayPath(cwd, f.path)
			pkgPath := importPath
			if pkgPath != "" && strings.HasSuffix(f.pkg, "_test") && f.test {
				pkgPath += "_test"
			}
			if f.pkg == "main" {
				pkgPath = "main"
			}
			add := func(typ, field string, line int) {
				fp := filePos{file: name, line: line}
				if pkgPath != "" {
					k := posKey{pkgPath, typ, field}
					if _, dup := byPath[k]; !dup {
						byPath[k] = fp
					}
				}
				k := posKey{f.pkg, typ, field}
				byName[k] = append(byName[k], fp)
			}
			collectPositions(f, add)
		}
	}
	return func(pkgPath, typeName, fieldName string) (string, int, bool) {
		if i := strings.IndexByte(typeName, '['); i >= 0 {
			typeName = typeName[:i]
		}
		if fp, ok := byPath[posKey{pkgPath, typeName, fieldName}]; ok {
			return fp.file, fp.line, true
		}
		if fps := byName[posKey{path.Base(pkgPath), typeName, fieldName}]; len(fps) == 1 {
			return fps[0].file, fps[0].line, true
		}
		return "", 0, false
	}, nil
}

// collectPositions reports every top-level type of f and the fields of its
// structs (the first declaration wins for a repeated name, such as several
// "_").
func collectPositions(f sourceFile, add func(typ, field string, line int)) {
	for _, td := range f.types {
		add(td.name, "", td.line)
		seen := map[string]bool{}
		for _, fld := range td.fields {
			if fld.name != "" && !seen[fld.name] {
				seen[fld.name] = true
				add(td.name, fld.name, fld.line)
			}
		}
	}
}

// displayPath names file relative to cwd when it lies below it.
func displayPath(cwd, file string) string {
	rel, err := filepath.Rel(cwd, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// dirImportPath derives a directory's import path from the nearest go.mod
// above it; "" when there is none.
func dirImportPath(abs string) string {
	for dir := abs; ; {
		if mod, ok := modulePath(filepath.Join(dir, "go.mod")); ok {
			rel, err := filepath.Rel(dir, abs)
			if err != nil {
				return ""
			}
			if rel == "." {
				return mod
			}
			return mod + "/" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// modulePath reads the module line of a go.mod file.
func modulePath(gomod string) (string, bool) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			mod := strings.TrimSpace(rest)
			if i := strings.Index(mod, "//"); i >= 0 {
				mod = strings.TrimSpace(mod[:i])
			}
			return strings.Trim(mod, `"`), mod != ""
		}
	}
	return "", false
}

// PackagePaths returns the import paths of the packages that declare the
// given models and the structs they embed, in first-seen order, for
// locating the directories to pass to [SourcePositions] (for example with
// go list). Values that are not structs are ignored.
func PackagePaths(models []any) []string {
	var paths []string
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		if p := t.PkgPath(); p != "" && !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
		for i := range t.NumField() {
			f := t.Field(i)
			et := f.Type
			for et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if f.Anonymous && et.Kind() == reflect.Struct && !isColumnStruct(et) {
				walk(et)
			}
		}
	}
	for _, m := range models {
		if m != nil {
			walk(reflect.TypeOf(m))
		}
	}
	return paths
}
