package sqllex

import (
	"testing"

	"github.com/retortdb/retort/internal/lextest"
)

// FuzzLex: under every rule set, Lex never fails, its tokens are the
// source text at their offsets, in order and apart, and Split of a text
// Lex reads without an unterminated token gives the same tokens.
func FuzzLex(f *testing.F) {
	for _, s := range lextest.Corpus(f) {
		f.Add(s)
	}
	sets := []Rules{{}, postgres, mysql, sqlite,
		{OperatorChars: "+-*/<>=~!@#%^&|`?", Operators: []string{"::"}},
		{BlobLiterals: true, DigitIdentifiers: true, Operators: []string{"<=>", "||"}}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range sets {
			end := 0
			var all []Token
			for _, tk := range Lex(s, r) {
				if tk.Start < end || tk.End <= tk.Start || s[tk.Start:tk.End] != tk.Text {
					t.Fatalf("Lex(%q, %+v): token %+v is not the text at its offsets after %d", s, r, tk, end)
				}
				end = tk.End
				all = append(all, tk)
			}
			stmts, err := Split(s, r)
			if err != nil {
				continue
			}
			var flat []Token
			for _, st := range stmts {
				flat = append(flat, st...)
			}
			i := 0
			for _, tk := range all {
				if tk.IsPunct(";") {
					continue
				}
				if i >= len(flat) || flat[i] != tk {
					t.Fatalf("Split(%q, %+v) and Lex differ at token %d: %+v", s, r, i, tk)
				}
				i++
			}
			if i != len(flat) {
				t.Fatalf("Split(%q, %+v) gave %d tokens, Lex %d", s, r, len(flat), i)
			}
		}
	})
}
