package sqllex

import (
	"errors"
	"strings"
)

// Rules are a dialect's lexical rules. The zero value is ANSI SQL:
// 'strings' with doubled quotes, "identifiers", -- and /* */ comments.
type Rules struct {
	// Backticks makes `x` a quoted identifier (MySQL, SQLite).
	Backticks bool
	// Brackets makes [x] a quoted identifier (SQLite).
	Brackets bool
	// DoubleQuotedStrings makes "x" a string instead of an identifier
	// (MySQL without ANSI_QUOTES).
	DoubleQuotedStrings bool
	// BackslashEscapes makes \ escape the next character inside strings
	// (MySQL without NO_BACKSLASH_ESCAPES).
	BackslashEscapes bool
	// EStrings makes E'...' a string with backslash escapes (PostgreSQL).
	EStrings bool
	// DollarQuotes makes $tag$...$tag$ a string (PostgreSQL).
	DollarQuotes bool
	// HashComments makes # start a comment to the end of the line (MySQL).
	HashComments bool
	// DashCommentNeedsSpace makes -- a comment only when followed by
	// whitespace or the end of the text (MySQL).
	DashCommentNeedsSpace bool
	// NestedComments lets /* */ comments nest (PostgreSQL).
	NestedComments bool
	// ExecutableComments reads the text of /*! ... */ and /*M! ... */ as
	// SQL, as MySQL and MariaDB run it (the version number after ! is
	// skipped).
	ExecutableComments bool
	// DigitIdentifiers makes a number followed by identifier characters
	// one Word (MySQL: an unquoted identifier may begin with a digit).
	DigitIdentifiers bool
	// BlobLiterals makes X'..' one Blob token (SQLite).
	BlobLiterals bool
	// OperatorChars, when set, makes a run of these characters one Op
	// token (PostgreSQL: "<=" and "->>" but also "~~*").
	OperatorChars string
	// Operators are operators of more than one character, longest first,
	// each read as one Op token (MySQL's "<=>", SQLite's "||").
	Operators []string
}

// Kind is the kind of a token.
type Kind int

// Token kinds.
const (
	// Word is a bare word: a keyword or an unquoted identifier.
	Word Kind = iota + 1
	// Ident is a quoted identifier.
	Ident
	// String is a string literal (quoted, E'', dollar-quoted).
	String
	// Number is a numeric literal.
	Number
	// Punct is one of ( ) , . ;
	Punct
	// Op is any other operator character sequence.
	Op
	// Blob is a blob literal, X'00ff' ([Rules].BlobLiterals).
	Blob
)

// Token is one token: its kind, its text as written, and for words and
// identifiers the name it denotes (quotes removed and undoubled).
type Token struct {
	Kind Kind
	Text string
	// Value is the identifier a Word or Ident names and the text a String
	// holds (quotes removed and undoubled); the Text otherwise.
	Value string
	// Start and End are the byte offsets of Text in the source, so that
	// an expression can be sliced out exactly as written ([Span]).
	Start, End int
}

// Is reports whether t is the bare keyword kw, case-insensitively.
func (t Token) Is(kw string) bool { return t.Kind == Word && strings.EqualFold(t.Text, kw) }

// IsPunct reports whether t is the punctuation p.
func (t Token) IsPunct(p string) bool { return t.Kind == Punct && t.Text == p }

// ErrUnterminated is returned for a string, quoted identifier or comment
// that does not end before the text does.
var ErrUnterminated = errors.New("sqllex: unterminated quote or comment")

// Split lexes sql with rules r and splits it into statements on ; outside
// quotes and comments. Empty statements are left out. Comments and
// whitespace are dropped.
func Split(sql string, r Rules) ([][]Token, error) {
	l := lexer{s: sql, r: r}
	var out [][]Token
	var cur []Token
	for {
		t, ok, err := l.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if t.IsPunct(";") {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// Lex splits sql into tokens with rules r, dropping whitespace and
// comments. Unlike [Split] it never fails: an unterminated quote or
// comment runs to the end of the text (a quoted token then holds the rest
// of it). Catalog text and expressions are read with it.
func Lex(sql string, r Rules) []Token {
	l := lexer{s: sql, r: r, lenient: true}
	toks := make([]Token, 0, len(sql)/4) // about one token per four bytes of SQL
	for {
		t, ok, _ := l.next()
		if !ok {
			return toks
		}
		toks = append(toks, t)
	}
}

// lexer walks one text.
type lexer struct {
	s string
	i int
	r Rules
	// exec counts the executable comments open, whose */ ends nothing.
	exec int
	// lenient lets an unterminated quote or comment run to the end.
	lenient bool
}

// next returns the next token with its offsets; ok is false at the end.
func (l *lexer) next() (Token, bool, error) {
	t, ok, err := l.scan()
	if ok {
		t.Start, t.End = l.i-len(t.Text), l.i
	}
	return t, ok, err
}

// unterminated ends a quote or comment that runs past the text: an error,
// or in lenient mode the rest of the text.
func (l *lexer) unterminated() error {
	if !l.lenient {
		return ErrUnterminated
	}
	l.i = len(l.s)
	return nil
}

// scan returns the next token; ok is false at the end.
func (l *lexer) scan() (Token, bool, error) {
	s := l.s
	for l.i < len(s) {
		c := s[l.i]
		start := l.i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			l.i++
			continue
		case c == '-' && strings.HasPrefix(s[l.i:], "--") && (!l.r.DashCommentNeedsSpace || l.i+2 >= len(s) || isSpace(s[l.i+2])),
			c == '#' && l.r.HashComments:
			for l.i < len(s) && s[l.i] != '\n' {
				l.i++
			}
			continue
		case c == '*' && l.exec > 0 && strings.HasPrefix(s[l.i:], "*/"):
			l.exec--
			l.i += 2
			continue
		case c == '/' && strings.HasPrefix(s[l.i:], "/*"):
			if l.r.ExecutableComments {
				if rest, ok := executable(s[l.i+2:]); ok {
					l.i = len(s) - len(rest)
					l.exec++
					continue
				}
			}
			if err := l.skipComment(); err != nil {
				return Token{}, false, err
			}
			continue
		case c == '\'':
			return l.quoted(start, '\'', String, l.r.BackslashEscapes)
		case (c == 'e' || c == 'E') && l.r.EStrings && l.i+1 < len(s) && s[l.i+1] == '\'':
			l.i++
			return l.quoted(start, '\'', String, true)
		case c == '"':
			if l.r.DoubleQuotedStrings {
				return l.quoted(start, '"', String, l.r.BackslashEscapes)
			}
			return l.quoted(start, '"', Ident, false)
		case c == '`' && l.r.Backticks:
			return l.quoted(start, '`', Ident, false)
		case c == '[' && l.r.Brackets:
			end := strings.IndexByte(s[l.i:], ']')
			if end < 0 {
				if err := l.unterminated(); err != nil {
					return Token{}, false, err
				}
				return Token{Kind: Ident, Text: s[start:], Value: s[start+1:]}, true, nil
			}
			l.i += end + 1
			return Token{Kind: Ident, Text: s[start:l.i], Value: s[start+1 : l.i-1]}, true, nil
		case c == '$' && l.r.DollarQuotes:
			if tag, ok := dollarTag(s[l.i:]); ok {
				end := strings.Index(s[l.i+len(tag):], tag)
				if end < 0 {
					if err := l.unterminated(); err != nil {
						return Token{}, false, err
					}
				} else {
					l.i += len(tag) + end + len(tag)
				}
				return Token{Kind: String, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
			}
		case (c == 'x' || c == 'X') && l.r.BlobLiterals && l.i+1 < len(s) && s[l.i+1] == '\'':
			l.i++
			t, ok, err := l.quoted(start, '\'', Blob, false)
			t.Value = t.Text
			return t, ok, err
		case isDigit(c) || (c == '.' && l.i+1 < len(s) && isDigit(s[l.i+1])):
			l.i = scanNumber(s, l.i)
			if l.r.DigitIdentifiers && l.i < len(s) && (isWordPart(s[l.i]) || s[l.i] == '$') && isDigit(c) {
				for l.i < len(s) && (isWordPart(s[l.i]) || s[l.i] == '$') {
					l.i++
				}
				return Token{Kind: Word, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
			}
			return Token{Kind: Number, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
		case isWordStart(c):
			for l.i < len(s) && (isWordPart(s[l.i]) || s[l.i] == '$') {
				l.i++
			}
			return Token{Kind: Word, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
		case c == '(' || c == ')' || c == ',' || c == ';' || c == '.':
			l.i++
			return Token{Kind: Punct, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
		}
		l.i += l.opLen()
		return Token{Kind: Op, Text: s[start:l.i], Value: s[start:l.i]}, true, nil
	}
	return Token{}, false, nil
}

// opLen is the length of the operator at l.i: a run of OperatorChars, one
// of Operators, else one character.
func (l *lexer) opLen() int {
	s := l.s[l.i:]
	if l.r.OperatorChars != "" && strings.IndexByte(l.r.OperatorChars, s[0]) >= 0 {
		n := 1
		for n < len(s) && strings.IndexByte(l.r.OperatorChars, s[n]) >= 0 {
			n++
		}
		return n
	}
	for _, op := range l.r.Operators {
		if strings.HasPrefix(s, op) {
			return len(op)
		}
	}
	return 1
}

// scanNumber returns the offset just past the number at i: 0x hex digits,
// or digits with a point, _ separators and an exponent.
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

// quoted reads a token quoted by q from start (l.i is at the opening
// quote); a doubled quote is an escaped one, and with backslash so is \x.
func (l *lexer) quoted(start int, q byte, kind Kind, backslash bool) (Token, bool, error) {
	s := l.s
	l.i++
	var b strings.Builder
	for l.i < len(s) {
		c := s[l.i]
		switch {
		case backslash && c == '\\' && l.i+1 < len(s):
			b.WriteByte(s[l.i+1])
			l.i += 2
			continue
		case c == q && l.i+1 < len(s) && s[l.i+1] == q:
			b.WriteByte(q)
			l.i += 2
			continue
		case c == q:
			l.i++
			return Token{Kind: kind, Text: s[start:l.i], Value: b.String()}, true, nil
		}
		b.WriteByte(c)
		l.i++
	}
	if err := l.unterminated(); err != nil {
		return Token{}, false, err
	}
	if len(s)-start == 1 {
		return Token{Kind: kind, Text: s[start:], Value: s[start:]}, true, nil // a lone quote
	}
	return Token{Kind: kind, Text: s[start:], Value: b.String()}, true, nil
}

// skipComment skips a /* */ comment at l.i, nested when the rules say so.
func (l *lexer) skipComment() error {
	s := l.s
	depth := 0
	for l.i < len(s) {
		switch {
		case strings.HasPrefix(s[l.i:], "/*") && (depth == 0 || l.r.NestedComments):
			depth++
			l.i += 2
		case strings.HasPrefix(s[l.i:], "*/"):
			depth--
			l.i += 2
			if depth == 0 {
				return nil
			}
		default:
			l.i++
		}
	}
	return l.unterminated()
}

// executable reports whether a comment body (after "/*") starts an
// executable comment ("!", "!40101 ", "M!100201 ") and returns the text
// after its marker and version.
func executable(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "!"):
		s = s[1:]
	case strings.HasPrefix(s, "M!"):
		s = s[2:]
	default:
		return "", false
	}
	for len(s) > 0 && isDigit(s[0]) {
		s = s[1:]
	}
	return s, true
}

// dollarTag returns the $tag$ that opens a dollar-quoted string at the
// start of s ("$$" or "$name$").
func dollarTag(s string) (string, bool) {
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '$':
			return s[:i+1], true
		case !(isWordPart(c)) || (i == 1 && isDigit(c)):
			return "", false
		}
	}
	return "", false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

func isWordPart(c byte) bool { return isWordStart(c) || isDigit(c) }
