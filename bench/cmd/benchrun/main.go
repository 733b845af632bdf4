package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/bench/internal/gen"
	"github.com/retortdb/retort/bench/internal/harness"
)

// changeEvery: the models add a column to one table in a hundred, so
// autogenerate has something to write.
const changeEvery = 100

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	dialects []string
	sizes    []int
	out      string
	autogen  bool
	minTime  time.Duration
	maxReps  int
	root     string
	keep     bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dialects := fs.String("dialects", strings.Join(harness.Dialects, ","), "comma-separated dialects: sqlite, postgres, mysql")
	sizes := fs.String("sizes", "100,1000,5000", "comma-separated table counts")
	out := fs.String("out", "bench/out/results.json", "where to write the JSON results (empty: nowhere)")
	autogen := fs.Bool("autogen", true, "also time `retort revision --autogenerate` in a generated module")
	minTime := fs.Duration("mintime", 2*time.Second, "repeat each measurement until it has taken this long (at least 3 times)")
	maxReps := fs.Int("reps", 10, "at most this many repetitions of each measurement")
	keep := fs.Bool("keep", false, "keep the databases and generated modules, for profiling by hand (their paths and URLs are printed)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg := config{out: *out, autogen: *autogen, minTime: *minTime, maxReps: *maxReps, keep: *keep}
	for _, d := range strings.Split(*dialects, ",") {
		d = strings.TrimSpace(d)
		if !slices.Contains(harness.Dialects, d) {
			fmt.Fprintf(stderr, "benchrun: unknown dialect %q (sqlite, postgres, mysql)\n", d)
			return 2
		}
		cfg.dialects = append(cfg.dialects, d)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(stderr, "benchrun: bad size %q\n", s)
			return 2
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "benchrun:", err)
		return 2
	}
	cfg.root = wd
	if err := bench(ctx, cfg, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "benchrun:", err)
		return 1
	}
	return 0
}

// Results is what results.json holds.
type Results struct {
	Machine  Machine  `json:"machine"`
	Commit   string   `json:"commit"`
	Started  string   `json:"started"`
	Duration string   `json:"duration"`
	Rows     []Result `json:"rows"`
}

// Result is one dialect at one size. Times are medians in milliseconds.
type Result struct {
	Dialect string `json:"dialect"`
	Server  string `json:"server"`
	Tables  int    `json:"tables"`
	// CreateMS is the time to create the schema (not a target).
	CreateMS float64 `json:"create_ms"`
	// ReflectMS is autogen.Reflect (the inspector) on the pool.
	ReflectMS float64 `json:"reflect_ms"`
	// FloorMS is the recorded catalog queries replayed one after another,
	// rows read as raw bytes; FloorParallelMS all at once.
	FloorMS         float64 `json:"floor_ms"`
	FloorParallelMS float64 `json:"floor_parallel_ms"`
	// CompareMS is autogen.Diff(reflected, models with N/100 new columns).
	CompareMS float64 `json:"compare_ms"`
	// CompareOps is how many ops it gave.
	CompareOps int `json:"compare_ops"`
	// RenderMS is render.File of the first revision (every table created).
	RenderMS float64 `json:"render_ms"`
	// RenderBytes is that file's size.
	RenderBytes int `json:"render_bytes"`
	// RevisionMS is autogen.Revision in process: reflect, compare,
	// reverse, analyse and render the revision of the N/100 new columns,
	// everything `retort revision --autogenerate` runs but process start,
	// loading the Go models and writing the file.
	RevisionMS float64 `json:"revision_ms"`
	// AutogenMS is the driver program's `revision --autogenerate` (no go
	// build); AutogenBuildMS is `retort revision --autogenerate`, whose go
	// build of the driver finds everything cached.
	AutogenMS      float64 `json:"autogen_ms,omitempty"`
	AutogenBuildMS float64 `json:"autogen_build_ms,omitempty"`
	// Queries is the number of catalog queries Inspect issues.
	Queries int `json:"queries"`
	// HeapMiB is the peak heap of autogen.Revision in process;
	// RSSMiB is the driver process's peak resident set during autogenerate.
	HeapMiB float64 `json:"heap_mib"`
	RSSMiB  float64 `json:"rss_mib,omitempty"`
	// Reps is how many times each stage ran.
	Reps map[string]int `json:"reps"`
}

func bench(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	start := time.Now()
	res := Results{Machine: machine(), Commit: os.Getenv("RETORT_BENCH_COMMIT"), Started: start.UTC().Format(time.RFC3339)}
	tmp, err := os.MkdirTemp("", "retort-benchrun-")
	if err != nil {
		return err
	}
	if !cfg.keep {
		defer os.RemoveAll(tmp)
	}
	var bin string
	if cfg.autogen {
		if bin, err = harness.BuildRetort(ctx, cfg.root, tmp); err != nil {
			return err
		}
	}
	printMachine(stdout, res.Machine)
	for _, d := range cfg.dialects {
		for _, n := range cfg.sizes {
			fmt.Fprintf(stderr, "benchrun: %s, %d tables ...\n", d, n)
			r, err := one(ctx, cfg, d, n, bin, tmp, stderr)
			if errors.Is(err, harness.ErrNoServer) {
				fmt.Fprintf(stderr, "benchrun: skipping %s: %v\n", d, err)
				break
			}
			if err != nil {
				return fmt.Errorf("%s, %d tables: %w", d, n, err)
			}
			res.Machine.Servers[d] = r.Server
			res.Rows = append(res.Rows, r)
		}
	}
	res.Duration = time.Since(start).Round(time.Second).String()
	printTable(stdout, res)
	if cfg.out != "" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(cfg.out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(cfg.out, append(data, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nwrote %s (%s in all)\n", cfg.out, res.Duration)
	}
	return nil
}

// one measures a dialect at one size.
func one(ctx context.Context, cfg config, d string, n int, bin, tmp string, stderr io.Writer) (Result, error) {
	r := Result{Dialect: d, Tables: n, Reps: map[string]int{}}
	db, err := harness.Open(ctx, d, tmp)
	if err != nil {
		return r, err
	}
	if cfg.keep {
		defer db.DB.Close()
		fmt.Fprintf(stderr, "benchrun:   kept database %s\n", db.URL)
	} else {
		defer db.Close()
	}
	r.Server = db.Version
	t0 := time.Now()
	if _, err := harness.Create(ctx, db, gen.Spec{Tables: n}.Schema()); err != nil {
		return r, err
	}
	r.CreateMS = ms(time.Since(t0))
	spec := gen.Spec{Tables: n, ChangeEvery: changeEvery}
	p := &harness.Pipeline{DB: db, Target: spec.Schema()}

	queries, err := p.Record(ctx)
	if err != nil {
		return r, err
	}
	r.Queries = len(queries)
	current, err := p.Reflect(ctx)
	if err != nil {
		return r, err
	}
	if len(current.Tables) != n {
		return r, fmt.Errorf("reflected %d tables", len(current.Tables))
	}
	measure := func(name string, f func() error) (float64, error) {
		v, reps, err := median(cfg, f)
		r.Reps[name] = reps
		return v, err
	}
	if r.ReflectMS, err = measure("reflect", func() error { _, err := p.Reflect(ctx); return err }); err != nil {
		return r, err
	}
	if r.FloorMS, err = measure("floor", func() error { _, err := harness.Replay(ctx, db.DB, queries, false); return err }); err != nil {
		return r, err
	}
	if r.FloorParallelMS, err = measure("floor_parallel", func() error { _, err := harness.Replay(ctx, db.DB, queries, true); return err }); err != nil {
		return r, err
	}
	if r.CompareMS, err = measure("compare", func() error {
		list, err := p.Compare(ctx, current)
		r.CompareOps = len(list)
		return err
	}); err != nil {
		return r, err
	}
	if r.CompareOps != spec.Changes() {
		return r, fmt.Errorf("compare gave %d ops, want %d", r.CompareOps, spec.Changes())
	}
	up, down, err := p.InitialOps(ctx)
	if err != nil {
		return r, err
	}
	if r.RenderMS, err = measure("render", func() error {
		src, err := harness.Render(up, down)
		r.RenderBytes = len(src)
		return err
	}); err != nil {
		return r, err
	}
	up, down = nil, nil
	if r.RevisionMS, err = measure("revision", func() error {
		f, err := p.Revision(ctx)
		if err == nil && len(f.Script.Upgrade) != spec.Changes() {
			err = fmt.Errorf("autogen.Revision gave %d ops, want %d", len(f.Script.Upgrade), spec.Changes())
		}
		return err
	}); err != nil {
		return r, err
	}
	var stageErr error
	r.HeapMiB = mib(harness.PeakHeap(func() {
		_, stageErr = p.Revision(ctx)
	}))
	if stageErr != nil {
		return r, stageErr
	}
	if cfg.autogen {
		if err := autogen(ctx, cfg, &r, spec, db, bin, tmp, stderr); err != nil {
			return r, err
		}
	}
	return r, nil
}

// autogen times `revision --autogenerate` in a new module, after a warm-up
// run that builds the driver.
func autogen(ctx context.Context, cfg config, r *Result, spec gen.Spec, db *harness.DB, bin, tmp string, stderr io.Writer) error {
	dir := filepath.Join(tmp, fmt.Sprintf("app-%s-%d", r.Dialect, r.Tables))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if cfg.keep {
		fmt.Fprintf(stderr, "benchrun:   kept module %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	m, err := harness.NewModule(ctx, bin, dir, spec, r.Dialect, db.URL)
	if err != nil {
		return err
	}
	t0 := time.Now()
	warm, err := m.Autogenerate(ctx, false)
	if err != nil {
		return err
	}
	if want := fmt.Sprintf("  - add column %s.bio", gen.TableName(changeEvery-1)); !strings.Contains(warm.Output, "add column") {
		return fmt.Errorf("autogenerate found no changes (want a line like %q):\n%s", want, warm.Output)
	}
	fmt.Fprintf(stderr, "benchrun:   warm-up autogenerate (driver build) %s\n", time.Since(t0).Round(time.Millisecond))
	var rss int64
	var runErr error
	timed := func(direct bool) func() error {
		return func() error {
			run, err := m.Autogenerate(ctx, direct)
			if err != nil {
				return err
			}
			if direct {
				rss = max(rss, run.MaxRSS)
			}
			return nil
		}
	}
	if r.AutogenMS, runErr = medianOf(cfg, r, "autogen", timed(true)); runErr != nil {
		return runErr
	}
	if r.AutogenBuildMS, runErr = medianOf(cfg, r, "autogen_build", timed(false)); runErr != nil {
		return runErr
	}
	r.RSSMiB = mib(uint64(rss))
	return nil
}

func medianOf(cfg config, r *Result, name string, f func() error) (float64, error) {
	v, reps, err := median(cfg, f)
	r.Reps[name] = reps
	return v, err
}

// median runs f at least 3 times, and more until cfg.minTime has passed
// or cfg.maxReps runs, and returns the median in milliseconds.
func median(cfg config, f func() error) (float64, int, error) {
	var times []time.Duration
	var total time.Duration
	for len(times) < max(cfg.maxReps, 3) && (len(times) < 3 || total < cfg.minTime) {
		t0 := time.Now()
		if err := f(); err != nil {
			return 0, len(times), err
		}
		d := time.Since(t0)
		times = append(times, d)
		total += d
	}
	slices.Sort(times)
	return ms(times[len(times)/2]), len(times), nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// Machine describes where the figures were measured.
type Machine struct {
	CPU     string            `json:"cpu"`
	NumCPU  int               `json:"nproc"`
	MemMiB  int               `json:"mem_mib"`
	Go      string            `json:"go"`
	OS      string            `json:"os"`
	Servers map[string]string `json:"servers"`
}

func machine() Machine {
	m := Machine{NumCPU: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, Servers: map[string]string{}}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				kb, _ := strconv.Atoi(f[1])
				m.MemMiB = kb / 1024
			}
		}
	}
	return m
}

func printMachine(w io.Writer, m Machine) {
	fmt.Fprintf(w, "machine: %s, %d CPUs, %d MiB; %s %s\n", m.CPU, m.NumCPU, m.MemMiB, m.Go, m.OS)
}

func printTable(w io.Writer, res Results) {
	fmt.Fprintf(w, "\nretort %s, %s\n", res.Commit, res.Started)
	for _, d := range harness.Dialects {
		if v, ok := res.Machine.Servers[d]; ok {
			fmt.Fprintf(w, "%s: %s\n", d, v)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| dialect | tables | reflect | floor | compare | render | revision | autogen | autogen/floor | autogen+build | queries | heap MiB | RSS MiB |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range res.Rows {
		ratio, ag, agb, rss := "-", "-", "-", "-"
		if r.AutogenMS > 0 {
			ratio = fmt.Sprintf("%.2f×", r.AutogenMS/r.FloorMS)
			ag, agb = dur(r.AutogenMS), dur(r.AutogenBuildMS)
			rss = fmt.Sprintf("%.0f", r.RSSMiB)
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d | %.0f | %s |\n",
			r.Dialect, r.Tables, dur(r.ReflectMS), dur(r.FloorMS), dur(r.CompareMS), dur(r.RenderMS), dur(r.RevisionMS),
			ag, ratio, agb, r.Queries, r.HeapMiB, rss)
	}
	// Growth of compare and render from the smallest to the largest size.
	fmt.Fprintln(w)
	for _, d := range harness.Dialects {
		var rows []Result
		for _, r := range res.Rows {
			if r.Dialect == d {
				rows = append(rows, r)
			}
		}
		if len(rows) < 2 {
			continue
		}
		a, b := rows[0], rows[len(rows)-1]
		k := float64(b.Tables) / float64(a.Tables)
		fmt.Fprintf(w, "%s %d → %d tables (×%.0f): compare ×%.1f, render ×%.1f, reflect ×%.1f, floor ×%.1f\n",
			d, a.Tables, b.Tables, k, b.CompareMS/a.CompareMS, b.RenderMS/a.RenderMS, b.ReflectMS/a.ReflectMS, b.FloorMS/a.FloorMS)
	}
}

// dur formats milliseconds: 850 ms, 1.25 s.
func dur(v float64) string {
	switch {
	case v >= 1000:
		return fmt.Sprintf("%.2f s", v/1000)
	case v >= 10:
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}
