package autogen_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
)

// TestCheckNamesWhatItDoesNotCompare: on each dialect, a database that
// holds only a view agrees with an empty set of models (a view is not
// drift: check stays in sync, exit 0), and the report and its JSON
// document name the view as not compared.
func TestCheckNamesWhatItDoesNotCompare(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			if _, err := db.ExecContext(ctx, "CREATE VIEW answer AS SELECT 42 AS n"); err != nil {
				t.Fatal(err)
			}
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			rep, err := autogen.Check(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.InSync() {
				t.Errorf("a view alone is drift: %v", rep.Ops)
			}
			want := []autogen.ObjectDoc{{Kind: "view", Name: "answer"}}
			if diff := cmp.Diff(want, rep.Document().NotCompared); diff != "" {
				t.Errorf("not_compared (-want +got):\n%s", diff)
			}
		})
	}
}
