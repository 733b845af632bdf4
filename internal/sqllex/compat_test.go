package sqllex

import (
	"bufio"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/retortdb/retort/internal/sqlitelex"
)

// sqliteRules are SQLite's rules as dialect/sqlite gives them.
var sqliteRules = Rules{Backticks: true, Brackets: true, BlobLiterals: true,
	Operators: []string{"->>", "||", "<<", ">>", "<=", ">=", "==", "!=", "<>", "->"}}

// corpus returns the SQL texts of testdata/corpus.txt: every string literal
// of the dialect, catalog reader, differ and convergence tests.
func corpus(t testing.TB) []string {
	f, err := os.Open("testdata/corpus.txt")
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

// sqliteTokens returns what sqlitelex gave for s, as Tokens.
func sqliteTokens(s string) []Token {
	kinds := map[sqlitelex.Kind]Kind{sqlitelex.Word: Word, sqlitelex.Quoted: Ident, sqlitelex.String: String,
		sqlitelex.Number: Number, sqlitelex.Blob: Blob, sqlitelex.Punct: Punct, sqlitelex.Op: Op}
	var out []Token
	for _, o := range sqlitelex.Lex(s) {
		t := Token{Kind: kinds[o.Kind], Text: o.Text, Value: o.Value(), Start: o.Start, End: o.End}
		if o.Kind == sqlitelex.Blob || o.Kind == sqlitelex.Number || o.Kind == sqlitelex.Punct || o.Kind == sqlitelex.Op {
			t.Value = o.Text
		}
		out = append(out, t)
	}
	return out
}

// TestSQLiteCompat: with SQLite's rules, Lex gives the tokens
// internal/sqlitelex gave (kind, text, value, offsets) on the corpus.
func TestSQLiteCompat(t *testing.T) {
	t.Parallel()
	for _, s := range corpus(t) {
		if diff := cmp.Diff(sqliteTokens(s), Lex(s, sqliteRules), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Lex(%q) (-sqlitelex +sqllex):\n%s", s, diff)
		}
	}
}

func FuzzSQLiteCompat(f *testing.F) {
	for _, s := range corpus(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(sqliteTokens(s), Lex(s, sqliteRules), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Lex(%q) (-sqlitelex +sqllex):\n%s", s, diff)
		}
	})
}
