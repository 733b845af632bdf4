package modelgen_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/converge"
	"github.com/retortdb/retort/internal/gomodtest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/modelgen"
	"github.com/retortdb/retort/ops"
)

var updateKnown = flag.Bool("roundtrip.update-known", false, "rewrite testdata/roundtrip/<dialect>_known_failures.txt from this run")

// reflected is one convergence case's "to" schema as a live database holds it.
type reflected struct {
	name    string
	schema  model.Schema
	dialect dialect.Dialect
	gen     modelgen.Result
}

// TestRoundTrip: for every "to" schema of the convergence suite, loaded
// into a fresh database with the server's own client, the models Generate
// writes compile, load, and compare with the database with no op. The
// models of all cases of a dialect are compiled and loaded by one program.
// Cases that do not reach 0 ops yet are listed in
// testdata/roundtrip/<dialect>_known_failures.txt (the list only shrinks).
func TestRoundTrip(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			roundTrip(t, converge.Dialect(d))
		})
	}
}

func roundTrip(t *testing.T, d converge.Dialect) {
	for _, client := range converge.Clients(d) {
		if _, err := execLookPath(client); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed", client)
			}
			t.Skipf("%s is not installed", client)
		}
	}
	cases, err := converge.LoadCases(d, filepath.Join("..", "internal", "converge", "testdata", string(d)))
	if err != nil {
		t.Fatal(err)
	}
	knownPath := filepath.Join("testdata", "roundtrip", string(d)+"_known_failures.txt")
	known, err := converge.ReadKnownFailures(knownPath)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]*reflected, len(cases))
	t.Run("load", func(t *testing.T) {
		for i, c := range cases {
			t.Run(c.Name, func(t *testing.T) {
				t.Parallel()
				results[i] = loadCase(t, c)
			})
		}
	})
	if t.Failed() {
		return
	}
	// Cases a -run pattern left out are not compared.
	ran := results[:0]
	for _, r := range results {
		if r != nil {
			ran = append(ran, r)
		}
	}
	results = ran
	mod := gomodtest.New(t, "example.com/roundtrip")
	var imports, calls strings.Builder
	for i, r := range results {
		pkg := "c" + fmt.Sprint(i)
		if r.gen, err = modelgen.Generate(r.schema, modelgen.Options{Package: pkg}); err != nil {
			t.Fatal(err)
		}
		mod.Write("cases/"+pkg+"/models.go", string(r.gen.Source))
		all := "package " + pkg + "\n\n// All lists the models.\nvar All = []any{"
		for _, m := range r.gen.Models {
			all += m + "{}, "
		}
		mod.Write("cases/"+pkg+"/all.go", all+"}\n")
		fmt.Fprintf(&imports, "\t%s \"example.com/roundtrip/cases/%s\"\n", pkg, pkg)
		fmt.Fprintf(&calls, "\tout[%q] = loadOne(%s.All)\n", r.name, pkg)
	}
	mod.Write("main.go", fmt.Sprintf(loaderMain, imports.String(), calls.String()))
	out, err := mod.Go("run", ".")
	if err != nil {
		t.Fatalf("generated models do not build or run: %v", err)
	}
	var loaded map[string]struct {
		Schema model.Schema
		Err    string
	}
	if err := json.Unmarshal(out, &loaded); err != nil {
		t.Fatalf("loader output: %v", err)
	}

	var failures []converge.KnownFailure
	passed := 0
	for _, r := range results {
		l, ok := loaded[r.name]
		reason := ""
		switch {
		case !ok:
			reason = "load: not loaded"
		case l.Err != "":
			reason = "load: " + firstLine(l.Err)
		default:
			list, err := diff.Compare(r.schema, l.Schema, r.dialect, diff.Options{})
			if err != nil {
				reason = "compare: " + err.Error()
			} else if len(list) > 0 {
				reason = opsReason(list)
			}
		}
		if reason != "" && len(r.gen.Warnings) == 0 {
			t.Errorf("%s: the models drift from the database (%s) and Generate warned of nothing: a silent loss", r.name, reason)
		}
		want, listed := known.Lookup(r.name)
		switch {
		case reason == "" && listed:
			passed++
			t.Errorf("%s round-trips now: remove it from %s", r.name, knownPath)
		case reason == "":
			passed++
		case listed:
			t.Logf("%s: known failure (%s): %s", r.name, want, reason)
			failures = append(failures, converge.KnownFailure{Case: r.name, Reason: want})
		default:
			t.Errorf("%s: %s\nwarnings: %v\nmodels:\n%s", r.name, reason, r.gen.Warnings, r.gen.Source)
			failures = append(failures, converge.KnownFailure{Case: r.name, Reason: reason})
		}
	}
	t.Logf("%s: %d of %d convergence schemas round-trip with 0 ops", d, passed, len(results))
	if *updateKnown {
		if err := os.WriteFile(knownPath, converge.FormatKnownFailures(failures), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadCase loads a case's "to" script into a fresh database, reflects it
// and generates its models.
func loadCase(t *testing.T, c converge.Case) *reflected {
	ctx := context.Background()
	db := testdb.Open(t, string(c.Dialect))
	if _, err := converge.Exec(ctx, c.Dialect, db.URL, c.To); err != nil {
		t.Fatalf("load the to script: %v", err)
	}
	be, err := backend.Lookup(db.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	if be, err = be.ForServer(ctx, db.DB); err != nil {
		t.Fatal(err)
	}
	s, err := be.Inspector.Inspect(ctx, db.DB, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &reflected{name: c.Name, schema: s, dialect: be.Dialect}
}

// opsReason summarises a drift for the ratchet list.
func opsReason(list []ops.Op) string {
	descs := make([]string, 0, 3)
	for i, o := range list {
		if i == 3 {
			descs = append(descs, "...")
			break
		}
		descs = append(descs, ops.Describe(o))
	}
	return fmt.Sprintf("compare: %d op(s): %s", len(list), strings.Join(descs, "; "))
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// loaderMain loads every case's models and prints the schemas as JSON.
const loaderMain = `package main

import (
	"encoding/json"
	"os"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
%s)

type result struct {
	Schema model.Schema
	Err    string
}

func loadOne(models []any) result {
	s, err := load.Models(models, load.Options{})
	if err != nil {
		return result{Err: err.Error()}
	}
	return result{Schema: s}
}

func main() {
	out := map[string]result{}
%s	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`

// execLookPath finds a client program.
var execLookPath = exec.LookPath
