package sqlite_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
)

// FuzzNormalize checks that the normal forms never panic and are fixed
// points: normalizing a normal form changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"qty >= 0", "(a <> b) AND (c == -1)", `lower("Email") IS NOT NULL`, "x IN ('a', 'b''c')",
		"CAST(x AS INTEGER) + -(1)", "((0))", "'0'", "+1.50", "TRUE", "current_timestamp", "datetime('now', 'localtime')",
		"X'00ff'", "a.b", "count(*) > 0", "- - 1", "NOT (a)", "((a) + (b))",
	} {
		f.Add(s, "INTEGER")
		f.Add(s, "TEXT")
	}
	d := sqlite.New()
	f.Fuzz(func(t *testing.T, s, typ string) {
		n := d.NormalizeExpr(s)
		if again := d.NormalizeExpr(n); again != n {
			t.Errorf("NormalizeExpr(%q) = %q, but NormalizeExpr(%q) = %q", s, n, n, again)
		}
		col := model.Column{Type: model.Type{SQL: typ}, Default: s}
		nd := d.NormalizeDefault(col)
		col.Default = nd
		if again := d.NormalizeDefault(col); again != nd {
			t.Errorf("NormalizeDefault(%q on %s) = %q, but again %q", s, typ, nd, again)
		}
		_ = d.NormalizeType(typ)
		_ = d.QuoteIdent(s)
	})
}
