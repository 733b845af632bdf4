package sqlite

import "strings"

// This tokenizer is a copy of introspect/sqlite's: dialect and introspect
// may not import each other, and it is small. Keep the two in step.

// tokKind is the kind of an SQL token.
type tokKind int

const (
	tkWord   tokKind = iota // bare word: keyword or unquoted identifier
	tkQuoted                // "ident", `ident` or [ident]
	tkString                // 'string'
	tkNumber                // 12, 1.5e3, 0x1F
	tkBlob                  // X'00ff'
	tkPunct                 // ( ) , ; .
	tkOp                    // any other operator: + - * / || >= ...
)

// token is one SQL token; start and end are byte offsets into the source,
// so that expressions can be sliced out exactly as written.
type token struct {
	kind       tokKind
	text       string // raw text
	start, end int
}

// value returns an identifier's name: quotes removed for quoted identifiers
// and strings (SQLite accepts 'x' where a name is expected), raw otherwise.
func (t token) value() string {
	switch t.kind {
	case tkQuoted:
		if t.text[0] == '[' {
			return strings.TrimSuffix(t.text[1:], "]")
		}
		return unquote(t.text)
	case tkString:
		return unquote(t.text)
	}
	return t.text
}

// is reports whether t is the bare keyword kw (upper case).
func (t token) is(kw string) bool {
	return t.kind == tkWord && strings.EqualFold(t.text, kw)
}

// punct reports whether t is the punctuation p.
func (t token) punct(p string) bool {
	return t.kind == tkPunct && t.text == p
}

// unquote strips the surrounding quote characters of s and undoubles inner
// ones; an unterminated quote keeps its text.
func unquote(s string) string {
	if len(s) < 2 {
		return s
	}
	q := s[0]
	inner := s[1:]
	if inner[len(inner)-1] == q {
		inner = inner[:len(inner)-1]
	}
	return strings.ReplaceAll(inner, string([]byte{q, q}), string(q))
}

// lex splits SQL text into tokens, dropping whitespace and comments
// (-- to end of line, /* ... */).
func lex(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		c := s[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
			} else {
				i += 2 + end + 2
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			i = scanQuoted(s, i, c)
			kind := tkQuoted
			if c == '\'' {
				kind = tkString
			}
			toks = append(toks, token{kind: kind, text: s[start:i], start: start, end: i})
			continue
		case c == '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				i = len(s)
			} else {
				i += end + 1
			}
			toks = append(toks, token{kind: tkQuoted, text: s[start:i], start: start, end: i})
			continue
		case (c == 'x' || c == 'X') && i+1 < len(s) && s[i+1] == '\'':
			i = scanQuoted(s, i+1, '\'')
			toks = append(toks, token{kind: tkBlob, text: s[start:i], start: start, end: i})
			continue
		case isDigit(c) || (c == '.' && i+1 < len(s) && isDigit(s[i+1])):
			i = scanNumber(s, i)
			toks = append(toks, token{kind: tkNumber, text: s[start:i], start: start, end: i})
			continue
		case isWordStart(c):
			for i < len(s) && isWordPart(s[i]) {
				i++
			}
			toks = append(toks, token{kind: tkWord, text: s[start:i], start: start, end: i})
			continue
		case c == '(' || c == ')' || c == ',' || c == ';' || c == '.':
			i++
			toks = append(toks, token{kind: tkPunct, text: s[start:i], start: start, end: i})
			continue
		}
		i += opLen(s[i:])
		toks = append(toks, token{kind: tkOp, text: s[start:i], start: start, end: i})
	}
	return toks
}

// scanQuoted returns the offset just past the quoted text starting at i
// (a doubled quote character is an escaped one).
func scanQuoted(s string, i int, q byte) int {
	i++
	for i < len(s) {
		if s[i] == q {
			if i+1 < len(s) && s[i+1] == q {
				i += 2
				continue
			}
			return i + 1
		}
		i++
	}
	return len(s)
}

func scanNumber(s string, i int) int {
	if s[i] == '0' && i+1 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') {
		i += 2
		for i < len(s) && (isDigit(s[i]) || strings.IndexByte("abcdefABCDEF", s[i]) >= 0) {
			i++
		}
		return i
	}
	for i < len(s) && (isDigit(s[i]) || s[i] == '.' || s[i] == '_') {
		i++
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			i = j
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		}
	}
	return i
}

// opLen is the length of the operator at the start of s.
func opLen(s string) int {
	for _, op := range []string{"->>", "||", "<<", ">>", "<=", ">=", "==", "!=", "<>", "->"} {
		if strings.HasPrefix(s, op) {
			return len(op)
		}
	}
	return 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

func isWordPart(c byte) bool { return isWordStart(c) || isDigit(c) || c == '$' }

// closeParen returns the index of the token closing the parenthesis at
// toks[open], or len(toks) when it is never closed.
func closeParen(toks []token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].punct("("):
			depth++
		case toks[i].punct(")"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}

// splitTop splits toks on commas outside parentheses.
func splitTop(toks []token) [][]token {
	var parts [][]token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.punct("("):
			depth++
		case t.punct(")"):
			depth--
		case t.punct(",") && depth == 0:
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	return append(parts, toks[start:])
}

// span returns the source text covered by toks, as written.
func span(src string, toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	return src[toks[0].start:toks[len(toks)-1].end]
}
