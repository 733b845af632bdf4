package sqlite

import (
	"strings"

	"github.com/retortdb/retort/internal/sqlitelex"
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
	return renderExpr(stripParens(sqlitelex.Lex(expr)))
}

// stripParens drops a trailing semicolon and parentheses that wrap the
// whole token list.
func stripParens(toks []sqlitelex.Token) []sqlitelex.Token {
	for len(toks) > 0 && toks[len(toks)-1].Punct(";") {
		toks = toks[:len(toks)-1]
	}
	for len(toks) >= 2 && toks[0].Punct("(") && sqlitelex.CloseParen(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// renderExpr writes toks in the canonical spacing and case.
func renderExpr(toks []sqlitelex.Token) string {
	// Drop parentheses around a single token unless they are a call's or
	// IN's argument list.
	var kept []sqlitelex.Token
	for i := 0; i < len(toks); i++ {
		if toks[i].Punct("(") && i+2 < len(toks) && toks[i+2].Punct(")") && !toks[i+1].Punct("(") &&
			(i == 0 || !startsArgs(toks[i-1])) {
			kept = append(kept, toks[i+1])
			i += 2
			continue
		}
		kept = append(kept, toks[i])
	}
	var b strings.Builder
	var prev *sqlitelex.Token
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
func startsArgs(t sqlitelex.Token) bool {
	if t.Kind == sqlitelex.Quoted {
		return true
	}
	return t.Kind == sqlitelex.Word && (!keywords[strings.ToUpper(t.Text)] || t.Is("IN") || t.Is("EXISTS"))
}

func renderToken(t sqlitelex.Token) string {
	switch t.Kind {
	case sqlitelex.Word:
		if keywords[strings.ToUpper(t.Text)] {
			return strings.ToUpper(t.Text)
		}
		return strings.ToLower(t.Text)
	case sqlitelex.Quoted:
		return quoteIdent(strings.ToLower(t.Value()))
	case sqlitelex.Blob:
		return "X" + t.Text[1:]
	case sqlitelex.Op:
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
func spaceBetween(prev, t sqlitelex.Token, before []sqlitelex.Token) bool {
	switch {
	case strings.HasSuffix(prev.Text, "-") && strings.HasPrefix(t.Text, "-"),
		strings.HasSuffix(prev.Text, "/") && strings.HasPrefix(t.Text, "*"):
		return true // "--" and "/*" would start a comment
	case prev.Punct("(") || prev.Punct("."):
		return false
	case t.Punct(")") || t.Punct(",") || t.Punct("."):
		return false
	case t.Punct("("):
		return !(prev.Kind == sqlitelex.Word && !keywords[strings.ToUpper(prev.Text)]) && prev.Kind != sqlitelex.Quoted
	case prev.Kind == sqlitelex.Op && (prev.Text == "-" || prev.Text == "+"):
		// A sign right after an operator, "(", "," or a keyword is unary.
		n := len(before)
		if n < 2 {
			return false
		}
		p := before[n-2]
		unary := p.Kind == sqlitelex.Op || p.Punct("(") || p.Punct(",") ||
			(p.Kind == sqlitelex.Word && keywords[strings.ToUpper(p.Text)])
		return !unary
	}
	return true
}

// mentions reports whether expr names the column col.
func mentions(expr, col string) bool {
	for _, t := range sqlitelex.Lex(expr) {
		if (t.Kind == sqlitelex.Word || t.Kind == sqlitelex.Quoted) && strings.EqualFold(t.Value(), col) {
			return true
		}
	}
	return false
}
