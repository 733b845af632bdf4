package postgres

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

func oldIsOpChar(c byte) bool { return strings.IndexByte("+-*/<>=~!@#%^&|`?", c) >= 0 }

func oldTokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'' || ((c == 'E' || c == 'e') && i+1 < len(s) && s[i+1] == '\''):
			j := i
			if c != '\'' {
				j++
			}
			j++
			for j < len(s) {
				if s[j] == '\\' && c != '\'' {
					j += 2
					continue
				}
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(s))
			toks = append(toks, token{tString, s[i:j]})
			i = j
		case c == '"':
			j := i + 1
			for j < len(s) {
				if s[j] == '"' {
					if j+1 < len(s) && s[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, len(s))
			name := strings.ReplaceAll(s[i+1:j-1], `""`, `"`)
			if q := quoteIdent(name); !strings.HasPrefix(q, `"`) {
				toks = append(toks, token{tWord, name})
			} else {
				toks = append(toks, token{tIdent, q})
			}
			i = j
		case c >= '0' && c <= '9' || (c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'):
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == 'e' || s[j] == 'E') {
				j++
			}
			toks = append(toks, token{tNumber, s[i:j]})
			i = j
		case c == ':' && i+1 < len(s) && s[i+1] == ':':
			toks = append(toks, token{tPunct, "::"})
			i += 2
		case strings.IndexByte("()[],.;:", c) >= 0:
			toks = append(toks, token{tPunct, string(c)})
			i++
		case oldIsOpChar(c):
			j := i
			for j < len(s) && oldIsOpChar(s[j]) {
				j++
			}
			op := s[i:j]
			switch op {
			case "!=":
				op = "<>"
			case "~~":
				toks = append(toks, token{tWord, "like"})
				i = j
				continue
			case "~~*":
				toks = append(toks, token{tWord, "ilike"})
				i = j
				continue
			case "!~~":
				toks = append(toks, token{tWord, "not"}, token{tWord, "like"})
				i = j
				continue
			case "!~~*":
				toks = append(toks, token{tWord, "not"}, token{tWord, "ilike"})
				i = j
				continue
			}
			toks = append(toks, token{tOp, op})
			i = j
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r'\"()[],.;:", rune(s[j])) && !oldIsOpChar(s[j]) {
				j++
			}
			if j == i {
				j++
			}
			toks = append(toks, token{tWord, strings.ToLower(s[i:j])})
			i = j
		}
	}
	return toks
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
// and sqllex reads as PostgreSQL does: comments (it read -- as an
// operator), $n parameters and $$ quotes (it read them as words), hex and
// signed-exponent numbers, backslashes outside E” strings, and an
// unterminated quoted identifier (it dropped its last character). No
// catalog expression holds any of them.
func oldMisread(s string) bool {
	for _, m := range []string{"--", "/*", "$", `\`, "0x", "0X", "e-", "e+", "E-", "E+"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return strings.Count(s, `"`)%2 == 1
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
