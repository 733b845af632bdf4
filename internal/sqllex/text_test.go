package sqllex

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rules Rules
		sql   string
		want  []string
	}{
		{"two statements", Rules{}, "DROP TABLE a;\n DELETE FROM b ;", []string{"DROP TABLE a", "DELETE FROM b"}},
		{"semicolon in a string", mysql, `INSERT INTO t VALUES ('a;b', "c;\"d"); SELECT 1`, []string{`INSERT INTO t VALUES ('a;b', "c;\"d")`, "SELECT 1"}},
		{"semicolon in comments", mysql, "SELECT 1 -- x; y\n; # z;\nSELECT /* ; */ 2", []string{"SELECT 1 -- x; y", "# z;\nSELECT /* ; */ 2"}},
		{"comment-only statement dropped", postgres, "SELECT 1; -- done\n", []string{"SELECT 1"}},
		{"executable comment kept whole", mysql, "CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */; SELECT 2", []string{"CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */", "SELECT 2"}},
		{"dollar quotes", postgres, "DO $$ BEGIN PERFORM 1; END $$; SELECT 3", []string{"DO $$ BEGIN PERFORM 1; END $$", "SELECT 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stmts, err := SplitText(tt.sql, tt.rules)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
