package autogen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"testing"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
)

// TestHostileValuesRenderAsGoStrings renders revisions whose ops carry the
// hostile values (as a hand-edited or hand-written revision may) and
// parses the Go: each value must come back as one string literal, exactly,
// so that no value can add Go code to a migration file, and the file's
// own upgrade records the same ops again.
func TestHostileValuesRenderAsGoStrings(t *testing.T) {
	t.Parallel()
	for _, r := range hostileRevisions {
		for _, v := range hostileValues {
			rev := migrate.Revision{ID: "bad1", Message: "hostile " + v,
				Upgrade: func(op *migrate.Op) { r.upgrade(op, v) }}
			up, err := rev.Record(migrate.Up)
			if err != nil {
				t.Fatal(err)
			}
			src, err := render.File(render.Revision{Header: ops.Header{ID: "bad1", Message: "hostile " + v}}, up, nil)
			if err != nil {
				t.Fatalf("%s %q: %v", r.name, v, err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), "bad1.go", src, parser.ParseComments)
			if err != nil {
				t.Fatalf("%s %q: the rendered file does not parse: %v\n%s", r.name, v, err, src)
			}
			var lits []string
			ast.Inspect(f, func(n ast.Node) bool {
				if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
					if s, err := strconv.Unquote(b.Value); err == nil {
						lits = append(lits, s)
					}
				}
				return true
			})
			if !slices.Contains(lits, v) {
				t.Errorf("%s %q: no string literal holds the value exactly:\n%s", r.name, v, src)
			}
		}
	}
}
