package bench_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/retortdb/retort/bench/internal/gen"
	"github.com/retortdb/retort/bench/internal/harness"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
)

var sizesFlag = flag.String("sizes", "100,1000,5000", "comma-separated table counts the benchmarks run at")

// changeEvery is how often the benchmark models differ from the database:
// one table in a hundred gains a column.
const changeEvery = 100

// fixture is one created database, shared by every benchmark of its
// dialect and size.
type fixture struct {
	db      *harness.DB
	p       *harness.Pipeline
	current model.Schema
	queries []harness.Query
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
	closers    []func() error
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, c := range closers {
		if err := c(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

func sizes(b *testing.B) []int {
	var out []int
	for _, f := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("-sizes: bad size %q", f)
		}
		out = append(out, n)
	}
	return out
}

// getFixture creates (once) the database of n generated tables.
func getFixture(b *testing.B, dialect string, n int) *fixture {
	b.Helper()
	key := fmt.Sprintf("%s/%d", dialect, n)
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[key]; ok {
		return f
	}
	if dialect != "sqlite" {
		testdb.ServerURL(b, dialect)
	}
	dir, err := os.MkdirTemp("", "retort-bench-")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	db, err := harness.Open(ctx, dialect, dir)
	if err != nil {
		b.Fatal(err)
	}
	closers = append(closers, func() error { defer os.RemoveAll(dir); return db.Close() })
	if _, err := harness.Create(ctx, db, gen.Spec{Tables: n}.Schema()); err != nil {
		b.Fatal(err)
	}
	f := &fixture{db: db, p: &harness.Pipeline{DB: db, Target: gen.Spec{Tables: n, ChangeEvery: changeEvery}.Schema()}}
	if f.current, err = f.p.Reflect(ctx); err != nil {
		b.Fatal(err)
	}
	if f.queries, err = f.p.Record(ctx); err != nil {
		b.Fatal(err)
	}
	fixtures[key] = f
	return f
}

// each runs fn as a sub-benchmark per dialect and size: sqlite/100, ...
func each(b *testing.B, fn func(b *testing.B, f *fixture, n int)) {
	for _, d := range testdb.Dialects() {
		for _, n := range sizes(b) {
			b.Run(fmt.Sprintf("%s/%d", d, n), func(b *testing.B) {
				f := getFixture(b, d, n)
				b.ReportAllocs()
				fn(b, f, n)
			})
		}
	}
}

// BenchmarkReflect reads the whole generated database, as autogenerate does.
func BenchmarkReflect(b *testing.B) {
	each(b, func(b *testing.B, f *fixture, n int) {
		for b.Loop() {
			s, err := f.p.Reflect(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			if len(s.Tables) != n {
				b.Fatalf("%d tables", len(s.Tables))
			}
		}
		b.ReportMetric(float64(len(f.queries)), "queries/op")
	})
}

// BenchmarkFloor runs Reflect's catalog queries alone, one after another,
// reading every row as raw bytes: what Reflect cannot go below.
func BenchmarkFloor(b *testing.B) {
	each(b, func(b *testing.B, f *fixture, n int) {
		for b.Loop() {
			if _, err := harness.Replay(b.Context(), f.db.DB, f.queries, false); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(f.queries)), "queries/op")
	})
}

// BenchmarkCompare compares the reflected database with models that add a
// column to one table in a hundred.
func BenchmarkCompare(b *testing.B) {
	each(b, func(b *testing.B, f *fixture, n int) {
		for b.Loop() {
			list, err := f.p.Compare(b.Context(), f.current)
			if err != nil {
				b.Fatal(err)
			}
			if len(list) != n/changeEvery {
				b.Fatalf("%d ops, want %d", len(list), n/changeEvery)
			}
		}
	})
}

// BenchmarkRender renders the first revision of the generated models: every
// table, index and constraint created, and dropped in the downgrade.
func BenchmarkRender(b *testing.B) {
	each(b, func(b *testing.B, f *fixture, n int) {
		up, down, err := f.p.InitialOps(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := harness.Render(up, down); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRevision runs `retort revision --autogenerate` in process
// through autogen.Revision, but for loading Go models (the generated
// schema stands for them): reflect, compare, reverse, analyse, render.
func BenchmarkRevision(b *testing.B) {
	each(b, func(b *testing.B, f *fixture, n int) {
		for b.Loop() {
			file, err := f.p.Revision(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			if len(file.Script.Upgrade) != n/changeEvery {
				b.Fatalf("%d ops, want %d", len(file.Script.Upgrade), n/changeEvery)
			}
		}
	})
}
