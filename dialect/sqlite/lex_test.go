package sqlite

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

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

// TestLexGolden pins Lex on the corpus's texts of up to 80 bytes: testdata/lex.golden
// holds each text and its tokens (kind, offsets, text, value), as
// internal/sqlitelex gave them before Lex replaced it.
func TestLexGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range lexCorpus(t) {
		if len(s) > 80 {
			continue
		}
		fmt.Fprintf(&b, "%q\n", s)
		for _, tk := range Lex(s) {
			fmt.Fprintf(&b, "\t%d %d:%d %q %q\n", tk.Kind, tk.Start, tk.End, tk.Text, tk.Value)
		}
	}
	const golden = "testdata/lex.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -run LexGolden -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("Lex on the corpus (-%s +got):\n%s", golden, diff)
	}
}
