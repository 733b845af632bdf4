package bench_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/bench/internal/gen"
	"github.com/retortdb/retort/bench/internal/harness"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/ops"
)

// openDB opens a fresh database for a test or benchmark, skipping when the
// dialect's server is not configured (failing under CI, as testdb does).
func openDB(tb testing.TB, dialect string) *harness.DB {
	tb.Helper()
	if dialect != "sqlite" {
		testdb.ServerURL(tb, dialect) // skips, or fails under CI
	}
	d, err := harness.Open(context.Background(), dialect, tb.TempDir())
	if errors.Is(err, harness.ErrNoServer) {
		tb.Skip(err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := d.Close(); err != nil {
			tb.Error(err)
		}
	})
	return d
}

// TestGeneratedSchema creates a small generated schema on each dialect and
// checks what the benchmarks rely on: it reflects back equal to the
// models, the changed models give one AddColumn per changed table, and
// reflection issues as many queries for 20 tables as for 3.
func TestGeneratedSchema(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			var counts []int
			for _, n := range []int{3, 20} {
				db := openDB(t, d)
				spec := gen.Spec{Tables: n}
				if _, err := harness.Create(ctx, db, spec.Schema()); err != nil {
					t.Fatal(err)
				}
				p := &harness.Pipeline{DB: db, Target: spec.Schema()}
				cur, err := p.Reflect(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(cur.Tables) != n {
					t.Fatalf("reflected %d tables, want %d", len(cur.Tables), n)
				}
				list, err := p.Compare(ctx, cur)
				if err != nil {
					t.Fatal(err)
				}
				for _, op := range list {
					t.Errorf("created database differs from the models: %s", ops.Describe(op))
				}
				changed := gen.Spec{Tables: n, ChangeEvery: 7}
				p.Target = changed.Schema()
				if list, err = p.Compare(ctx, cur); err != nil {
					t.Fatal(err)
				}
				if len(list) != changed.Changes() {
					t.Errorf("changed models: %d ops, want %d", len(list), changed.Changes())
				}
				for _, op := range list {
					if _, ok := op.(ops.AddColumn); !ok {
						t.Errorf("changed models: unexpected op %s", ops.Describe(op))
					}
				}
				f, err := p.Revision(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(f.Script.Upgrade) != changed.Changes() || n > 6 && !strings.Contains(string(f.Source), `op.AddColumn("`+gen.TableName(6)+`", op.Column("bio"`) {
					t.Errorf("autogen.Revision: %d ops, want %d; file:\n%s", len(f.Script.Upgrade), changed.Changes(), f.Source)
				}
				queries, err := p.Record(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := harness.Replay(ctx, db.DB, queries, false); err != nil {
					t.Fatal(err)
				}
				counts = append(counts, len(queries))
			}
			if counts[0] != counts[1] {
				t.Errorf("catalog queries: %d for 3 tables, %d for 20; want a constant number", counts[0], counts[1])
			}
		})
	}
}
