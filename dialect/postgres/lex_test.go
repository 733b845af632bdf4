package postgres

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

var update = flag.Bool("update", false, "rewrite testdata/lex.golden")

// TestTokenizeGolden pins tokenize on the corpus's texts of up to 80 bytes (what
// expressions are): testdata/lex.golden holds each text and its tokens.
func TestTokenizeGolden(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, s := range lexCorpus(t) {
		if len(s) > 80 {
			continue
		}
		fmt.Fprintf(&b, "%q\n", s)
		for _, tk := range tokenize(s) {
			fmt.Fprintf(&b, "\t%d %q\n", tk.kind, tk.text)
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
		t.Fatalf("%v (go test -run TokenizeGolden -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("tokenize on the corpus (-%s +got):\n%s", golden, diff)
	}
}
