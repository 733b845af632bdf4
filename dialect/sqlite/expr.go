package sqlite

import (
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
)

// NormalizeExpr returns the canonical form of an SQL expression: comments
// and redundant parentheses (around the whole expression, or around a
// single token that is not a call's argument list) removed, keywords upper
// case, identifiers lower case and unquoted unless they need quotes
// (SQLite compares identifiers case-insensitively), <> written !=, ==
// written =, and one space between tokens except inside parentheses,
// before commas, around dots and between a function name and its "(".
// String literals are kept as written.
func (*Dialect) NormalizeExpr(expr string) string {
	return renderExpr(stripParens(Lex(expr)))
}

// stripParens drops a trailing semicolon and parentheses that wrap the
// whole token list.
func stripParens(toks []sqllex.Token) []sqllex.Token {
	for len(toks) > 0 && toks[len(toks)-1].IsPunct(";") {
		toks = toks[:len(toks)-1]
	}
	for len(toks) >= 2 && toks[0].IsPunct("(") && sqllex.CloseParen(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// renderExpr writes toks in the canonical spacing and case.
func renderExpr(toks []sqllex.Token) string {
	// Drop parentheses around a single token unless they are a call's or
	// IN's argument list.
	var kept []sqllex.Token
	for i := 0; i < len(toks); i++ {
		if toks[i].IsPunct("(") && i+2 < len(toks) && toks[i+2].IsPunct(")") && !toks[i+1].IsPunct("(") &&
			(i == 0 || !startsArgs(toks[i-1])) {
			kept = append(kept, toks[i+1])
			i += 2
			continue
		}
		kept = append(kept, toks[i])
	}
	var b strings.Builder
	var prev *sqllex.Token
	for i := range kept {
		t := kept[i]
		if prev != nil && spaceBetween(*prev, t, kept[:i]) {
			b.WriteByte(' ')
		}
		b.WriteString(renderToken(t))
		prev = &kept[i]
	}
	return b.String()
}

// startsArgs reports whether a "(" after t opens an argument list: after a
// function name or IN.
func startsArgs(t sqllex.Token) bool {
	if t.Kind == sqllex.Ident {
		return true
	}
	return t.Kind == sqllex.Word && (!keywords[strings.ToUpper(t.Text)] || t.Is("IN") || t.Is("EXISTS"))
}

func renderToken(t sqllex.Token) string {
	switch t.Kind {
	case sqllex.Word:
		if keywords[strings.ToUpper(t.Text)] {
			return strings.ToUpper(t.Text)
		}
		return strings.ToLower(t.Text)
	case sqllex.Ident:
		return quoteIdent(strings.ToLower(t.Value))
	case sqllex.Blob:
		return "X" + t.Text[1:]
	case sqllex.Op:
		switch t.Text {
		case "<>":
			return "!="
		case "==":
			return "="
		}
	}
	return t.Text
}

// spaceBetween decides whether a space goes between prev and t; before
// holds the tokens already written, to tell a unary sign from a binary one.
func spaceBetween(prev, t sqllex.Token, before []sqllex.Token) bool {
	switch {
	case strings.HasSuffix(prev.Text, "-") && strings.HasPrefix(t.Text, "-"),
		strings.HasSuffix(prev.Text, "/") && strings.HasPrefix(t.Text, "*"):
		return true // "--" and "/*" would start a comment
	case prev.IsPunct("(") || prev.IsPunct("."):
		return false
	case t.IsPunct(")") || t.IsPunct(",") || t.IsPunct("."):
		return false
	case t.IsPunct("("):
		return !(prev.Kind == sqllex.Word && !keywords[strings.ToUpper(prev.Text)]) && prev.Kind != sqllex.Ident
	case prev.Kind == sqllex.Op && (prev.Text == "-" || prev.Text == "+"):
		// A sign right after an operator, "(", "," or a keyword is unary.
		n := len(before)
		if n < 2 {
			return false
		}
		p := before[n-2]
		unary := p.Kind == sqllex.Op || p.IsPunct("(") || p.IsPunct(",") ||
			(p.Kind == sqllex.Word && keywords[strings.ToUpper(p.Text)])
		return !unary
	}
	return true
}

// mentions reports whether expr names the column col.
func mentions(expr, col string) bool {
	for _, t := range Lex(expr) {
		if (t.Kind == sqllex.Word || t.Kind == sqllex.Ident) && strings.EqualFold(t.Value, col) {
			return true
		}
	}
	return false
}
