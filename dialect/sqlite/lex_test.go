package sqlite

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/lextest"
)

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

// TestLexGolden pins Lex on the corpus's texts of up to 80 bytes:
// testdata/lex.golden holds each text and its tokens (kind, offsets, text,
// value), as internal/sqlitelex gave them before Lex replaced it.
func TestLexGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range lextest.Corpus(t) {
		if len(s) > 80 {
			continue
		}
		fmt.Fprintf(&b, "%q\n", s)
		for _, tk := range Lex(s) {
			fmt.Fprintf(&b, "\t%d %d:%d %q %q\n", tk.Kind, tk.Start, tk.End, tk.Text, tk.Value)
		}
	}
	lextest.Golden(t, "testdata/lex.golden", b.String(), *update)
}
