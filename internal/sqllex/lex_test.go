package sqllex

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var (
	postgres = Rules{EStrings: true, DollarQuotes: true, NestedComments: true}
	mysql    = Rules{Backticks: true, DoubleQuotedStrings: true, BackslashEscapes: true, HashComments: true, DashCommentNeedsSpace: true, ExecutableComments: true}
	sqlite   = Rules{Backticks: true, Brackets: true}
)

// words renders statements as "kind:value" tokens, one statement a line.
func words(stmts [][]Token) string {
	var lines []string
	for _, st := range stmts {
		var parts []string
		for _, t := range st {
			k := map[Kind]string{Word: "w", Ident: "i", String: "s", Number: "n", Punct: "p", Op: "o"}[t.Kind]
			parts = append(parts, k+":"+t.Value)
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return strings.Join(lines, "\n")
}

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rules Rules
		sql   string
		want  string
	}{
		{"two statements", Rules{}, "DROP TABLE a; DELETE FROM b", "w:DROP w:TABLE w:a\nw:DELETE w:FROM w:b"},
		{"empty statements dropped", Rules{}, ";; SELECT 1 ;", "w:SELECT n:1"},
		{"semicolon in a string", Rules{}, "SELECT 'a;b'", "w:SELECT s:a;b"},
		{"doubled quote", Rules{}, "SELECT 'it''s'", "w:SELECT s:it's"},
		{"quoted identifier", Rules{}, `DROP TABLE "My ""T"""`, `w:DROP w:TABLE i:My "T"`},
		{"line comment", Rules{}, "SELECT 1 -- DROP TABLE x\n", "w:SELECT n:1"},
		{"block comment", Rules{}, "SELECT /* ; DROP TABLE x */ 1", "w:SELECT n:1"},
		{"postgres dollar quote", postgres, "DO $body$ BEGIN DROP TABLE x; END $body$", "w:DO s:$body$ BEGIN DROP TABLE x; END $body$"},
		{"postgres empty dollar tag", postgres, "SELECT $$a;b$$", "w:SELECT s:$$a;b$$"},
		{"postgres positional parameter", postgres, "SELECT $1", "w:SELECT o:$ n:1"},
		{"postgres E string", postgres, `SELECT E'a\';b'`, "w:SELECT s:a';b"},
		{"postgres nested comment", postgres, "SELECT /* a /* b */ DROP */ 1", "w:SELECT n:1"},
		{"unnested comment", Rules{}, "SELECT /* a /* b */ 1", "w:SELECT n:1"},
		{"mysql backtick", mysql, "DROP TABLE `a;b`", "w:DROP w:TABLE i:a;b"},
		{"mysql double quotes are strings", mysql, `SELECT "a;b"`, "w:SELECT s:a;b"},
		{"mysql backslash escape", mysql, `SELECT 'a\';DROP TABLE x'`, "w:SELECT s:a';DROP TABLE x"},
		{"mysql hash comment", mysql, "SELECT 1 # ; DROP TABLE x\n", "w:SELECT n:1"},
		{"mysql -- needs a space", mysql, "SELECT 1--1", "w:SELECT n:1 o:- o:- n:1"},
		{"mysql executable comment runs", mysql, "/*!40101 DROP TABLE x */", "w:DROP w:TABLE w:x"},
		{"mariadb executable comment runs", mysql, "/*M!100201 TRUNCATE t */; SELECT 1", "w:TRUNCATE w:t\nw:SELECT n:1"},
		{"sqlite brackets", sqlite, "DROP TABLE [a b]", "w:DROP w:TABLE i:a b"},
		{"qualified name", Rules{}, `DROP TABLE s."t"`, "w:DROP w:TABLE w:s p:. i:t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Split(tt.sql, tt.rules)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, words(got)); diff != "" {
				t.Errorf("Split(%q) (-want +got):\n%s", tt.sql, diff)
			}
		})
	}
}

func TestSplitUnterminated(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		rules Rules
		sql   string
	}{
		{Rules{}, "SELECT 'a"},
		{Rules{}, `DROP TABLE "a`},
		{Rules{}, "SELECT /* a"},
		{postgres, "SELECT $x$ a"},
		{postgres, "SELECT /* a /* b */"},
		{sqlite, "DROP TABLE [a"},
	} {
		if _, err := Split(c.sql, c.rules); !errors.Is(err, ErrUnterminated) {
			t.Errorf("Split(%q) error = %v, want ErrUnterminated", c.sql, err)
		}
	}
}
