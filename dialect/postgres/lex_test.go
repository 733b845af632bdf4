package postgres

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/lextest"
)

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

// TestTokenizeGolden pins tokenize on the corpus's texts of up to 80
// bytes (what expressions are): testdata/lex.golden holds each text and
// its tokens.
func TestTokenizeGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range lextest.Corpus(t) {
		if len(s) > 80 {
			continue
		}
		fmt.Fprintf(&b, "%q\n", s)
		for _, tk := range tokenize(s) {
			fmt.Fprintf(&b, "\t%d %q\n", tk.kind, tk.text)
		}
	}
	lextest.Golden(t, "testdata/lex.golden", b.String(), *update)
}
