package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/converge"
)

// goCorpus describes a corpus whose pairs are struct literals in Go test
// files: a literal that has a from key and a to key (string or []string
// of string literals) is one pair.
type goCorpus struct {
	// name is the corpus's name in pair ids and scores.
	name string
	// dialect the pairs run on.
	dialect converge.Dialect
	// glob finds the files under the checkout, relative to it.
	glob string
	// fromKeys and toKeys are the field names that hold the two schemas.
	fromKeys, toKeys []string
	// missingIsEmpty makes a literal with only one of the two keys a pair
	// from (or to) the empty schema; otherwise it is skipped, as the test
	// fills the missing side in with code the runner does not read.
	missingIsEmpty bool
	// preamble is put before both scripts of every pair.
	preamble string
	// loadCheck, when set, is a query run after a script loads; a pair
	// whose query prints anything but 0 is skipped (loadCheckWhy says why).
	loadCheck, loadCheckWhy string
	// skipKeys names fields whose presence (non-empty) makes the pair
	// inapplicable, with the reason.
	skipKeys map[string]string
}

// extractGo reads the pairs of a Go-literal corpus from a checkout.
func extractGo(c goCorpus, root string) ([]pair, error) {
	files, err := filepath.Glob(filepath.Join(root, c.glob))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("corpora: %s: no file matches %s under %s (is it the checkout's root?)", c.name, c.glob, root)
	}
	sort.Strings(files)
	var out []pair
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("corpora: %s: %w", c.name, err)
		}
		vars := fileVars(f)
		stem := strings.TrimSuffix(filepath.Base(path), ".go")
		for _, decl := range f.Decls {
			fn := "vars"
			if fd, ok := decl.(*ast.FuncDecl); ok {
				fn = fd.Name.Name
			}
			n := 0
			ast.Inspect(decl, func(node ast.Node) bool {
				lit, ok := node.(*ast.CompositeLit)
				if !ok {
					return true
				}
				fields := keyed(lit)
				from, hasFrom := firstKey(fields, c.fromKeys)
				to, hasTo := firstKey(fields, c.toKeys)
				if !hasFrom && !hasTo {
					return true
				}
				n++
				p := pair{corpus: c.name, dialect: c.dialect, loadCheck: c.loadCheck, loadCheckWhy: c.loadCheckWhy}
				name := fmt.Sprintf("%d", n)
				if e, ok := fields["name"]; ok {
					if s, ok := stringValue(e, vars); ok && s != "" {
						name = s
					}
				}
				p.id = c.name + "/" + stem + "/" + fn + "/" + slug(name)
				p.where = fmt.Sprintf("%s:%d", filepath.Base(path), fset.Position(lit.Pos()).Line)
				for key, why := range c.skipKeys {
					if _, ok := fields[key]; ok {
						p.skip = why
					}
				}
				var okFrom, okTo bool
				switch {
				case hasFrom:
					p.from, okFrom = scriptValue(from, vars)
				case c.missingIsEmpty:
					okFrom = true
				default:
					p.skip = "the test fills in the from side with code"
				}
				switch {
				case hasTo:
					p.to, okTo = scriptValue(to, vars)
				case c.missingIsEmpty:
					okTo = true
				default:
					p.skip = "the test fills in the to side with code"
				}
				if p.skip == "" && (!okFrom || !okTo) {
					p.skip = "a side is not a string literal"
				}
				if p.skip == "" {
					p.from, p.to = c.preamble+p.from, c.preamble+p.to
				}
				out = append(out, p)
				return false
			})
		}
	}
	return out, nil
}

// keyed returns a struct literal's fields by name ({} if it is not keyed).
func keyed(lit *ast.CompositeLit) map[string]ast.Expr {
	m := map[string]ast.Expr{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return map[string]ast.Expr{}
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			return map[string]ast.Expr{}
		}
		m[id.Name] = kv.Value
	}
	return m
}

func firstKey(m map[string]ast.Expr, keys []string) (ast.Expr, bool) {
	for _, k := range keys {
		if e, ok := m[k]; ok {
			return e, true
		}
	}
	return nil, false
}

// fileVars maps each name assigned exactly once in the file (var x = ...,
// x := ...) to its value, so a pair may name a shared list of statements.
func fileVars(f *ast.File) map[string]ast.Expr {
	count := map[string]int{}
	vals := map[string]ast.Expr{}
	add := func(id *ast.Ident, e ast.Expr) {
		count[id.Name]++
		vals[id.Name] = e
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					add(id, n.Values[i])
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						add(id, n.Rhs[i])
					}
				}
			}
		}
		return true
	})
	for k, c := range count {
		if c != 1 {
			delete(vals, k)
		}
	}
	return vals
}

// stringValue evaluates a string literal, a parenthesised one, a + of
// them, or a name assigned once to one.
func stringValue(e ast.Expr, vars map[string]ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return stringValue(e.X, vars)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringValue(e.X, vars)
		b, ok2 := stringValue(e.Y, vars)
		return a + b, ok1 && ok2
	case *ast.Ident:
		if v, ok := vars[e.Name]; ok {
			delete(vars, e.Name) // no cycles
			s, ok := stringValue(v, vars)
			vars[e.Name] = v
			return s, ok
		}
	}
	return "", false
}

// scriptValue turns a string or a []string of statements into one script,
// each statement ended by a semicolon.
func scriptValue(e ast.Expr, vars map[string]ast.Expr) (string, bool) {
	if id, ok := e.(*ast.Ident); ok {
		if id.Name == "nil" {
			return "", true
		}
		if v, ok := vars[id.Name]; ok {
			if lit, ok := v.(*ast.CompositeLit); ok {
				e = lit
			}
		}
	}
	var stmts []string
	if lit, ok := e.(*ast.CompositeLit); ok {
		for _, el := range lit.Elts {
			s, ok := stringValue(el, vars)
			if !ok {
				return "", false
			}
			stmts = append(stmts, s)
		}
	} else {
		s, ok := stringValue(e, vars)
		if !ok {
			return "", false
		}
		stmts = append(stmts, s)
	}
	var b strings.Builder
	for _, s := range stmts {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		b.WriteString(s)
		if !strings.HasSuffix(s, ";") {
			b.WriteString(";")
		}
		b.WriteString("\n")
	}
	return b.String(), true
}

// slug turns a test case's name into a part of a pair id.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
