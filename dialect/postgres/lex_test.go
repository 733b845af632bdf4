package postgres

import (
	"flag"
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/lextest"
)

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

// TestTokenizeGolden pins tokenize on the corpus's texts of up to 80
// bytes (what expressions are): testdata/lex.golden holds each text and
// its tokens.
func TestTokenizeGolden(t *testing.T) {
	t.Parallel()
	lextest.Tokens(t, "testdata/lex.golden", *update, func(s string) []string {
		var lines []string
		for _, tk := range tokenize(s) {
			lines = append(lines, fmt.Sprintf("%d %q", tk.kind, tk.text))
		}
		return lines
	})
}
