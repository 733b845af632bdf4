package arch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dialectNames are the dialect names (and spellings) that only the
// packages of namesAllowed may compare or switch on. Everyone else asks a
// dialect what it can do (the optional interfaces of package dialect).
var dialectNames = []string{"postgres", "postgresql", "mysql", "mariadb", "sqlite", "sqlite3"}

// ownNames lists, per per-dialect package that is not in namesAllowed,
// the names it may use: its own.
var ownNames = map[string][]string{
	"introspect/postgres": {"postgres", "postgresql"},
	"introspect/mysql":    {"mysql", "mariadb"},
	"introspect/sqlite":   {"sqlite", "sqlite3"},
}

// namesAllowed reports whether the package (or file, module-relative) may
// branch on any dialect name, and why.
func namesAllowed(pkg, file string) bool {
	switch {
	case pkg == "dialect", strings.HasPrefix(pkg, "dialect/"):
		return true // the dialects, and package dialect's names and aliases
	case pkg == "internal/backend", pkg == "internal/dburl":
		return true // the registry and the URL parser
	case pkg == "internal/testdb", pkg == "bench/internal/harness":
		return true // test helpers that make a database on each server
	case pkg == "internal/converge":
		return true // the convergence suite runs each server's own client and dumper
	case strings.HasPrefix(pkg, "examples/"):
		return true // user code: a custom op that supports one dialect names it
	}
	return false
}

// listedPackage is what go list says about one package.
type listedPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Export     string
	Standard   bool
}

// TestDialectNames fails on a dialect name compared or switched on outside
// the packages that may name dialects: ==, !=, a switch case,
// strings.EqualFold, HasPrefix, HasSuffix or Contains, or a map literal
// key. Names are found by value, through constants too
// (const pg = "postgres"; dialect.Postgres), with go/types. Test files are
// exempt.
func TestDialectNames(t *testing.T) {
	pkgs := listPackages(t)
	exports := map[string]string{}
	for _, p := range pkgs {
		if p.Export != "" {
			exports[p.ImportPath] = p.Export
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(f)
	})
	checked := 0
	for _, p := range pkgs {
		if p.Standard || !strings.HasPrefix(p.ImportPath, mod) || len(p.GoFiles) == 0 {
			continue
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, mod), "/")
		var files []*ast.File
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		found, err := nameComparisons(fset, imp, p.ImportPath, files)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		checked++
		for _, c := range found {
			file := rel + "/" + filepath.Base(c.pos.Filename)
			if namesAllowed(rel, file) || slices.Contains(ownNames[rel], c.name) {
				continue
			}
			t.Errorf("%s:%d: %s branches on the dialect name %q; only dialect/*, internal/backend and internal/dburl may: ask the dialect what it can do (an optional interface of package dialect)",
				file, c.pos.Line, c.how, c.name)
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d packages; go list found too few", checked)
	}
}

// listPackages lists the module's packages and their dependencies, with
// export data.
func listPackages(t *testing.T) []listedPackage {
	t.Helper()
	cmd := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Dir,GoFiles,Export,Standard", mod+"/...")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list: %v\n%s", err, errb.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(&out)
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// comparison is one place that branches on a dialect name.
type comparison struct {
	pos  token.Position
	how  string
	name string
}

// nameComparisons type-checks one package and returns where it branches
// on a dialect name.
func nameComparisons(fset *token.FileSet, imp types.Importer, path string, files []*ast.File) ([]comparison, error) {
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: imp}
	if _, err := conf.Check(path, fset, files, info); err != nil {
		return nil, err
	}
	name := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		s := strings.ToLower(constant.StringVal(tv.Value))
		return s, slices.Contains(dialectNames, s)
	}
	var out []comparison
	add := func(n ast.Node, how, s string) {
		out = append(out, comparison{pos: fset.Position(n.Pos()), how: how, name: s})
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					break
				}
				for _, e := range []ast.Expr{n.X, n.Y} {
					if s, ok := name(e); ok {
						add(n, "a comparison", s)
					}
				}
			case *ast.SwitchStmt:
				if n.Tag == nil {
					break
				}
				for _, st := range n.Body.List {
					for _, e := range st.(*ast.CaseClause).List {
						if s, ok := name(e); ok {
							add(e, "a switch case", s)
						}
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					break
				}
				fn, ok := info.Uses[sel.Sel].(*types.Func)
				if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
					break
				}
				switch fn.Name() {
				case "EqualFold", "HasPrefix", "HasSuffix", "Contains":
					for _, e := range n.Args {
						if s, ok := name(e); ok {
							add(n, "strings."+fn.Name(), s)
						}
					}
				}
			case *ast.CompositeLit:
				tv, ok := info.Types[n]
				if !ok {
					break
				}
				if _, ok := tv.Type.Underlying().(*types.Map); !ok {
					break
				}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if s, ok := name(kv.Key); ok {
							add(kv, "a map keyed by name", s)
						}
					}
				}
			}
			return true
		})
	}
	return out, nil
}

// TestNameComparisonsCatches proves the check finds each form of branching
// on a name, through constants, and leaves other uses of the words alone.
func TestNameComparisonsCatches(t *testing.T) {
	const src = `package p

import "strings"

type Name string

const pg = "postgres"
const My Name = "mysql"

func f(s string, n Name) (bool, string) {
	if s == "postgres" {
		return true, ""
	}
	if n != My {
		return false, ""
	}
	switch s {
	case "sqlite3", "other":
	}
	_ = strings.EqualFold(s, "MariaDB")
	_ = map[string]int{pg: 1}
	_ = s == pg
	label := "postgres"                 // not a comparison
	_ = s == "postgresx"                // not a name
	_ = []string{"sqlite"}              // not a lookup
	return s == label, "mysql"          // a variable, a value
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	found, err := nameComparisons(fset, importer.Default(), "p", []*ast.File{f})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range found {
		got = append(got, fmt.Sprintf("%d %s %s", c.pos.Line, c.how, c.name))
	}
	want := []string{
		"11 a comparison postgres",
		"14 a comparison mysql",
		"18 a switch case sqlite3",
		"20 strings.EqualFold mariadb",
		"21 a map keyed by name postgres",
		"22 a comparison postgres",
	}
	if !slices.Equal(got, want) {
		t.Errorf("found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
