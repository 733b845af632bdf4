// Package lextest holds what the lexer tests share: a corpus of SQL texts
// (every string literal of the dialect, catalog reader, differ and
// convergence tests when the lexers became one) and the golden-file check
// each dialect pins its tokens with.
//
// # What it may import
//
// The standard library only.
package lextest

import (
	_ "embed"
	"os"
	"strconv"
	"strings"
	"testing"
)

//go:embed corpus.txt
var corpus string

// Corpus returns the SQL texts of the corpus, one Go-quoted string a line
// in corpus.txt.
func Corpus(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(corpus), "\n") {
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("lextest: corpus line %q: %v", line, err)
		}
		out = append(out, s)
	}
	return out
}

// Golden compares got with the file at path, after writing got there when
// update is set (a test's -update flag). It reports the first line that
// differs.
func Golden(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("lextest: %v (run the test with -update to write it)", err)
	}
	if string(want) == got {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			t.Fatalf("%s:%d: want %q, got %q (run with -update after review)", path, i+1, wl, gl)
		}
	}
}

// MaxLen is the longest corpus text the golden files hold (what
// expressions are; longer texts are whole scripts).
const MaxLen = 80

// Tokens checks the golden file at path against tokens's lines for each
// corpus text of up to [MaxLen] bytes: the text quoted, then each of its
// token lines indented by a tab.
func Tokens(t testing.TB, path string, update bool, tokens func(s string) []string) {
	t.Helper()
	var b strings.Builder
	for _, s := range Corpus(t) {
		if len(s) > MaxLen {
			continue
		}
		b.WriteString(strconv.Quote(s) + "\n")
		for _, l := range tokens(s) {
			b.WriteString("\t" + l + "\n")
		}
	}
	Golden(t, path, b.String(), update)
}
