package dialect

import "github.com/retortdb/retort/internal/sqllex"

// ExprName is a name an SQL expression holds: an identifier or a bare
// word, as written.
type ExprName struct {
	// Name is the name as written, without its quotes.
	Name string
	// Quoted marks a quoted identifier; a bare word is not (a dialect
	// that folds names folds it).
	Quoted bool
}

// ExprNames returns the identifiers and bare words of expr, lexed by d's
// rules ([SQLLexer]), in order: the names an expression may refer to (a
// function's name among them).
func ExprNames(d Dialect, expr string) []ExprName {
	var out []ExprName
	for _, t := range sqllex.Lex(expr, lexRules(d)) {
		switch t.Kind {
		case sqllex.Word:
			out = append(out, ExprName{Name: t.Value})
		case sqllex.Ident:
			out = append(out, ExprName{Name: t.Value, Quoted: true})
		}
	}
	return out
}
