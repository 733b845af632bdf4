package sqlite

import "strings"

// NormalizeExpr returns the canonical form of an SQL expression: comments
// and redundant parentheses (around the whole expression, or around a
// single token that is not a call's argument list) removed, keywords upper
// case, identifiers lower case and unquoted unless they need quotes
// (SQLite compares identifiers case-insensitively), <> written !=, ==
// written =, and one space between tokens except inside parentheses,
// before commas, around dots and between a function name and its "(".
// String literals are kept as written.
func (*Dialect) NormalizeExpr(expr string) string {
	return renderExpr(stripParens(lex(expr)))
}

// stripParens drops a trailing semicolon and parentheses that wrap the
// whole token list.
func stripParens(toks []token) []token {
	for len(toks) > 0 && toks[len(toks)-1].punct(";") {
		toks = toks[:len(toks)-1]
	}
	for len(toks) >= 2 && toks[0].punct("(") && closeParen(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// renderExpr writes toks in the canonical spacing and case.
func renderExpr(toks []token) string {
	// Drop parentheses around a single token unless they are a call's or
	// IN's argument list.
	var kept []token
	for i := 0; i < len(toks); i++ {
		if toks[i].punct("(") && i+2 < len(toks) && toks[i+2].punct(")") && !toks[i+1].punct("(") &&
			(i == 0 || !startsArgs(toks[i-1])) {
			kept = append(kept, toks[i+1])
			i += 2
			continue
		}
		kept = append(kept, toks[i])
	}
	var b strings.Builder
	var prev *token
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
func startsArgs(t token) bool {
	if t.kind == tkQuoted {
		return true
	}
	return t.kind == tkWord && (!keywords[strings.ToUpper(t.text)] || t.is("IN") || t.is("EXISTS"))
}

func renderToken(t token) string {
	switch t.kind {
	case tkWord:
		if keywords[strings.ToUpper(t.text)] {
			return strings.ToUpper(t.text)
		}
		return strings.ToLower(t.text)
	case tkQuoted:
		return quote(strings.ToLower(t.value()))
	case tkBlob:
		return "X" + t.text[1:]
	case tkOp:
		switch t.text {
		case "<>":
			return "!="
		case "==":
			return "="
		}
	}
	return t.text
}

// spaceBetween decides whether a space goes between prev and t; before
// holds the tokens already written, to tell a unary sign from a binary one.
func spaceBetween(prev, t token, before []token) bool {
	switch {
	case strings.HasSuffix(prev.text, "-") && strings.HasPrefix(t.text, "-"),
		strings.HasSuffix(prev.text, "/") && strings.HasPrefix(t.text, "*"):
		return true // "--" and "/*" would start a comment
	case prev.punct("(") || prev.punct("."):
		return false
	case t.punct(")") || t.punct(",") || t.punct("."):
		return false
	case t.punct("("):
		return !(prev.kind == tkWord && !keywords[strings.ToUpper(prev.text)]) && prev.kind != tkQuoted
	case prev.kind == tkOp && (prev.text == "-" || prev.text == "+"):
		// A sign right after an operator, "(", "," or a keyword is unary.
		n := len(before)
		if n < 2 {
			return false
		}
		p := before[n-2]
		unary := p.kind == tkOp || p.punct("(") || p.punct(",") ||
			(p.kind == tkWord && keywords[strings.ToUpper(p.text)])
		return !unary
	}
	return true
}

// mentions reports whether expr names the column col.
func mentions(expr, col string) bool {
	for _, t := range lex(expr) {
		if (t.kind == tkWord || t.kind == tkQuoted) && strings.EqualFold(t.value(), col) {
			return true
		}
	}
	return false
}
