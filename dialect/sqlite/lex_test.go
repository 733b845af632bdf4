package sqlite

import (
	"flag"
	"fmt"
	"testing"

	"github.com/retortdb/retort/internal/lextest"
)

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

// TestLexGolden pins Lex on the corpus's texts of up to 80 bytes:
// testdata/lex.golden holds each text and its tokens (kind, offsets, text,
// value), as internal/sqlitelex gave them before Lex replaced it.
func TestLexGolden(t *testing.T) {
	t.Parallel()
	lextest.Tokens(t, "testdata/lex.golden", *update, func(s string) []string {
		var lines []string
		for _, tk := range Lex(s) {
			lines = append(lines, fmt.Sprintf("%d %d:%d %q %q", tk.Kind, tk.Start, tk.End, tk.Text, tk.Value))
		}
		return lines
	})
}
