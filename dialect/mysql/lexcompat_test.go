package mysql

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tokenizer this package had before it read with internal/sqllex,
// kept to prove the new one gives the same tokens.

// tokenize splits an expression into tokens, normalising each.
func oldTokenize(s string) []token {
	s = unescapeClause(s)
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '`':
			j := i + 1
			var b strings.Builder
			for j < len(s) {
				if s[j] == '`' {
					if j+1 < len(s) && s[j+1] == '`' {
						b.WriteByte('`')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(s[j])
				j++
			}
			out = append(out, token{strings.ToLower(b.String()), tokWord})
			i = j + 1
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(s) {
				if s[j] == '\\' {
					j += 2
					continue
				}
				if s[j] == c {
					if j+1 < len(s) && s[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j > len(s)-1 {
				j = len(s) - 1
			}
			lit := quoteString(unquote(s[i : j+1]))
			// A charset introducer (_utf8mb4'x') does not change the value.
			if n := len(out); n > 0 && out[n-1].kind == tokWord && strings.HasPrefix(out[n-1].text, "_") {
				out = out[:n-1]
			}
			out = append(out, token{lit, tokString})
			i = j + 1
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (isWordByte(s[j]) || s[j] == '.') {
				j++
			}
			out = append(out, token{strings.ToLower(s[i:j]), tokNumber})
			i = j
		case isWordByte(c):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			w := strings.ToLower(s[i:j])
			out = append(out, token{w, tokWord})
			i = j
		case c == '(':
			out = append(out, token{"(", tokOpen})
			i++
		case c == ')':
			out = append(out, token{")", tokClose})
			i++
		case c == ',':
			out = append(out, token{",", tokComma})
			i++
		default:
			op := s[i : i+1]
			for _, m := range multiOps {
				if strings.HasPrefix(s[i:], m) {
					op = m
					break
				}
			}
			i += len(op)
			switch op {
			case "!=":
				op = "<>"
			case "&&":
				op = "and"
			case "||":
				op = "or"
			}
			out = append(out, token{op, tokOp})
		}
	}
	return out
}

// lexCorpus returns the SQL texts of internal/sqllex's corpus: every string
// literal of the dialect, catalog reader, differ and convergence tests.
func lexCorpus(t testing.TB) []string {
	f, err := os.Open("../../internal/sqllex/testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		s, err := strconv.Unquote(sc.Text())
		if err != nil {
			t.Fatalf("corpus line %q: %v", sc.Text(), err)
		}
		out = append(out, s)
	}
	return out
}

// oldMisread reports whether s holds what the old tokenizer read wrongly
// and sqllex reads as MySQL does: comments (# and /* */; it read them as
// operators and words), a $ starting a word, signed exponents (1e+5 is one
// number), backslashes outside strings, and an unterminated quote. No
// expression the server gives back holds any of them.
func oldMisread(s string) bool {
	for _, m := range []string{"-- ", "--\n", "#", "/*", "$", `\`, "e-", "e+", "E-", "E+"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return strings.HasSuffix(s, "--") || strings.Count(s, "`")%2 == 1 || strings.Count(s, `"`)%2 == 1 || strings.Count(s, "'")%2 == 1
}

func TestTokenizeCompat(t *testing.T) {
	t.Parallel()
	for _, s := range lexCorpus(t) {
		if oldMisread(s) {
			continue
		}
		if diff := cmp.Diff(oldTokenize(s), tokenize(s), cmp.AllowUnexported(token{})); diff != "" {
			t.Errorf("tokenize(%q) (-old +new):\n%s", s, diff)
		}
	}
}
