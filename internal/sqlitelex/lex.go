// Package sqlitelex tokenizes SQLite SQL: the CREATE TABLE and CREATE INDEX
// text that SQLite keeps in sqlite_master, which both the sqlite dialect
// (table rebuilds, normal forms) and the sqlite catalog reader parse.
package sqlitelex

import "strings"

// Kind is the kind of an SQL token.
type Kind int

// Token kinds.
const (
	Word   Kind = iota // bare word: keyword or unquoted identifier
	Quoted             // "ident", `ident` or [ident]
	String             // 'string'
	Number             // 12, 1.5e3, 0x1F
	Blob               // X'00ff'
	Punct              // ( ) , ; .
	Op                 // any other operator: + - * / || >= ...
)

// Token is one SQL token; Start and End are byte offsets into the source,
// so that expressions can be sliced out exactly as written.
type Token struct {
	Kind       Kind
	Text       string // raw text
	Start, End int
}

// Value returns an identifier's name: quotes removed for quoted identifiers
// and strings (SQLite accepts 'x' where a name is expected), raw otherwise.
func (t Token) Value() string {
	switch t.Kind {
	case Quoted:
		if t.Text[0] == '[' {
			return strings.TrimSuffix(t.Text[1:], "]")
		}
		return Unquote(t.Text)
	case String:
		return Unquote(t.Text)
	}
	return t.Text
}

// Is reports whether t is the bare keyword kw (upper case).
func (t Token) Is(kw string) bool {
	return t.Kind == Word && strings.EqualFold(t.Text, kw)
}

// Punct reports whether t is the punctuation p.
func (t Token) Punct(p string) bool {
	return t.Kind == Punct && t.Text == p
}

// Unquote strips the surrounding quote characters of s and undoubles inner
// ones; an unterminated quote keeps its text.
func Unquote(s string) string {
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

// Lex splits SQL text into tokens, dropping whitespace and comments
// (-- to end of line, /* ... */).
func Lex(s string) []Token {
	toks := make([]Token, 0, len(s)/4) // about one token per four bytes of SQL
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
			kind := Quoted
			if c == '\'' {
				kind = String
			}
			toks = append(toks, Token{Kind: kind, Text: s[start:i], Start: start, End: i})
			continue
		case c == '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				i = len(s)
			} else {
				i += end + 1
			}
			toks = append(toks, Token{Kind: Quoted, Text: s[start:i], Start: start, End: i})
			continue
		case (c == 'x' || c == 'X') && i+1 < len(s) && s[i+1] == '\'':
			i = scanQuoted(s, i+1, '\'')
			toks = append(toks, Token{Kind: Blob, Text: s[start:i], Start: start, End: i})
			continue
		case isDigit(c) || (c == '.' && i+1 < len(s) && isDigit(s[i+1])):
			i = scanNumber(s, i)
			toks = append(toks, Token{Kind: Number, Text: s[start:i], Start: start, End: i})
			continue
		case isWordStart(c):
			for i < len(s) && isWordPart(s[i]) {
				i++
			}
			toks = append(toks, Token{Kind: Word, Text: s[start:i], Start: start, End: i})
			continue
		case c == '(' || c == ')' || c == ',' || c == ';' || c == '.':
			i++
			toks = append(toks, Token{Kind: Punct, Text: s[start:i], Start: start, End: i})
			continue
		}
		i += opLen(s[i:])
		toks = append(toks, Token{Kind: Op, Text: s[start:i], Start: start, End: i})
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

// CloseParen returns the index of the Token closing the parenthesis at
// toks[open], or len(toks) when it is never closed.
func CloseParen(toks []Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].Punct("("):
			depth++
		case toks[i].Punct(")"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks)
}

// SplitTop splits toks on commas outside parentheses.
func SplitTop(toks []Token) [][]Token {
	var parts [][]Token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.Punct("("):
			depth++
		case t.Punct(")"):
			depth--
		case t.Punct(",") && depth == 0:
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	return append(parts, toks[start:])
}

// Span returns the source text covered by toks, as written.
func Span(src string, toks []Token) string {
	if len(toks) == 0 {
		return ""
	}
	return src[toks[0].Start:toks[len(toks)-1].End]
}
