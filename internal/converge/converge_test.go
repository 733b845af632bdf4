package converge

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testdb"
)

var updateKnown = flag.Bool("converge.update-known", false,
	"rewrite testdata/<dialect>/known_failures.txt from this run (keeps reasons already written)")

// outcomes collects the results of a dialect's case directions.
type outcomes struct {
	mu sync.Mutex
	m  map[string][]Result
}

func (o *outcomes) add(name string, r Result) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.m[name] = append(o.m[name], r)
}

// TestConverge runs every testdata/<dialect>/*.txtar case in both
// directions against the real server (see doc.go), then holds the result
// to testdata/<dialect>/known_failures.txt.
func TestConverge(t *testing.T) {
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			requireClients(t, d)
			dir := filepath.Join("testdata", string(d))
			cases, err := LoadCases(d, dir)
			if err != nil {
				t.Fatal(err)
			}
			knownPath := filepath.Join(dir, "known_failures.txt")
			known, err := ReadKnownFailures(knownPath)
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]bool{}
			for _, c := range cases {
				names[c.Name] = true
			}
			for _, k := range known.List() {
				if !names[k.Case] {
					t.Errorf("%s lists %s, which is no case of %s", knownPath, k.Case, dir)
				}
			}
			got := &outcomes{m: map[string][]Result{}}
			t.Run("cases", func(t *testing.T) {
				for _, c := range cases {
					t.Run(c.Name, func(t *testing.T) {
						t.Parallel()
						reason, listed := known.Lookup(c.Name)
						// The two directions run at once, each its own
						// subtest: most of their time is spent waiting on the
						// server and its clients, so this doubles the work
						// -parallel (GOMAXPROCS) lets run.
						var wg sync.WaitGroup
						for _, dir := range []struct {
							name     string
							from, to string
						}{{"forward", c.From, c.To}, {"reverse", c.To, c.From}} {
							wg.Add(1)
							go func() {
								defer wg.Done()
								t.Run(dir.name, func(t *testing.T) {
									r := runDirection(t, c, dir.from, dir.to)
									got.add(c.Name, r)
									switch {
									case r.Stage == Passed:
									case listed:
										t.Logf("known failure (%s): %s\n%s", reason, r.Stage, r.Detail)
									default:
										t.Errorf("%s/%s %s: %s\n%s\n(if retort cannot pass this yet, list it in %s)",
											d, c.Name, dir.name, r.Stage, r.Detail, knownPath)
									}
								})
							}()
						}
						wg.Wait()
					})
				}
			})
			ratchet(t, cases, known, got, knownPath)
		})
	}
}

// runDirection loads from into a fresh database A and to into a fresh B with
// the server's client, and checks that retort turns A into B.
func runDirection(t *testing.T, c Case, from, to string) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	a := testdb.Open(t, string(c.Dialect))
	b := testdb.Open(t, string(c.Dialect))
	for _, load := range []struct{ url, script, which string }{{a.URL, from, "A"}, {b.URL, to, "B"}} {
		if _, err := Exec(ctx, c.Dialect, load.url, load.script); err != nil {
			t.Fatalf("the case's script does not load into %s (fix the case): %v", load.which, err)
		}
	}
	r, err := Check(ctx, Pair{Dialect: c.Dialect, From: a.URL, To: b.URL, NotCompared: c.NotCompared, Equal: c.Equal()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ratchet fails for a listed case that now passes, and rewrites the list
// under -converge.update-known. Cases that did not run (-run, skipped
// servers) are left as they are.
func ratchet(t *testing.T, cases []Case, known KnownFailures, got *outcomes, knownPath string) {
	t.Helper()
	var next []KnownFailure
	ran := map[string]bool{}
	for _, c := range cases {
		results := got.m[c.Name]
		reason, listed := known.Lookup(c.Name)
		if len(results) != 2 {
			if listed {
				next = append(next, KnownFailure{Case: c.Name, Reason: reason})
			}
			continue
		}
		ran[c.Name] = true
		var failed *Result
		for i := range results {
			if results[i].Stage != Passed {
				failed = &results[i]
				break
			}
		}
		switch {
		case failed == nil && listed:
			if !*updateKnown {
				t.Errorf("%s passes now in both directions: remove its line from %s", c.Name, knownPath)
			}
		case failed != nil && listed:
			next = append(next, KnownFailure{Case: c.Name, Reason: reason})
		case failed != nil:
			next = append(next, KnownFailure{Case: c.Name, Reason: autoReason(*failed)})
		}
	}
	if *updateKnown && len(ran) > 0 {
		if err := os.WriteFile(knownPath, FormatKnownFailures(next), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// autoReason is the reason -converge.update-known writes for a new failure:
// the stage and the first line of its detail, to be edited into a category.
func autoReason(r Result) string {
	line, _, _ := strings.Cut(r.Detail, "\n")
	if len(line) > 100 {
		line = line[:100]
	}
	return r.Stage.String() + ": " + line
}

// requireClients skips the dialect when a client it needs is missing, and
// fails it under CI, which must run every dialect.
func requireClients(t *testing.T, d Dialect) {
	t.Helper()
	for _, c := range Clients(d) {
		if _, err := exec.LookPath(c); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed; CI must run the %s convergence cases (.ci/run installs it)", c, d)
			}
			t.Skipf("%s is not installed", c)
		}
	}
}
