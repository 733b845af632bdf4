package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/converge"
)

// pair is one from/to pair of a corpus, run in the corpus's direction.
type pair struct {
	// id names the pair: corpus/file/test/case.
	id string
	// corpus and dialect it belongs to.
	corpus  string
	dialect converge.Dialect
	// where is the file (and line) it was read from.
	where string
	// from and to are the two scripts.
	from, to string
	// skip, when set, says why the pair is not applicable.
	skip string
	// loadCheck is a query run after each script loads: a pair whose
	// query prints anything but 0 is skipped for loadCheckWhy.
	loadCheck, loadCheckWhy string
	// unmodeled lists kinds of object the scripts create that retort does
	// not model (views, functions, ...): such a pair is run and scored,
	// and scored again apart.
	unmodeled []string
}

// outcome is how one pair went.
type outcome struct {
	pair
	// status is "converged", "named-order", "skipped", a converge.Stage
	// name, or "harness-error".
	status string
	// category groups failures of one kind.
	category string
	// detail is the failure's detail (printed with -v).
	detail string
	// equal says the two scripts made the same schema.
	equal bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpora", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pgsd := fs.String("pg-schema-diff", "", "root of a stripe/pg-schema-diff checkout")
	vitess := fs.String("vitess", "", "root of a vitess checkout (go/vt/schemadiff)")
	atlas := fs.String("atlas", "", "root of an ariga/atlas checkout (internal/integration/testdata)")
	runRe := fs.String("run", "", "run only pairs whose id matches this regular expression")
	limit := fs.Int("limit", 0, "run at most this many applicable pairs per corpus and dialect (0: all)")
	jobs := fs.Int("j", 2, "pairs run at once")
	verbose := fs.Bool("v", false, "print each failure's detail (dump diff, retort's output)")
	list := fs.Bool("list", false, "list the pairs (id, where, skip reason) and run nothing")
	show := fs.Bool("show", false, "print each selected pair's two scripts and run nothing")
	modeledOnly := fs.Bool("modeled", false, "run only pairs whose scripts create no object retort does not model")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *pgsd == "" && *vitess == "" && *atlas == "" {
		fmt.Fprintln(stderr, "corpora: give at least one of -pg-schema-diff, -vitess, -atlas (the root of a fetched checkout)")
		return 2
	}
	re, err := regexp.Compile(*runRe)
	if err != nil {
		fmt.Fprintf(stderr, "corpora: -run: %v\n", err)
		return 2
	}
	var pairs []pair
	add := func(ps []pair, err error) bool {
		if err != nil {
			fmt.Fprintln(stderr, err)
			return false
		}
		pairs = append(pairs, ps...)
		return true
	}
	if *pgsd != "" && !add(extractGo(pgSchemaDiff, *pgsd)) {
		return 2
	}
	if *vitess != "" && !add(extractGo(vitessSchemadiff, *vitess)) {
		return 2
	}
	if *atlas != "" && !add(extractAtlas(*atlas)) {
		return 2
	}
	pairs = uniqueIDs(pairs)
	for i := range pairs {
		pairs[i].unmodeled = unmodeledKinds(pairs[i].from + "\n" + pairs[i].to)
	}
	pairs, dups := dedupe(pairs)
	var selected []pair
	taken := map[string]int{}
	for _, p := range pairs {
		if !re.MatchString(p.id) || (*modeledOnly && len(p.unmodeled) > 0) {
			continue
		}
		key := p.corpus + " " + string(p.dialect)
		if p.skip == "" {
			if *limit > 0 && taken[key] >= *limit {
				continue
			}
			taken[key]++
		}
		selected = append(selected, p)
	}
	if *list || *show {
		for _, p := range selected {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", p.id, p.where, p.skip, strings.Join(p.unmodeled, ","))
			if *show {
				fmt.Fprintf(stdout, "-- from --\n%s-- to --\n%s\n", p.from, p.to)
			}
		}
		return 0
	}
	tmp, err := os.MkdirTemp("", "retort-corpora-")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	defer os.RemoveAll(tmp)
	ctx := context.Background()
	results := make([]outcome, len(selected))
	// Databases are dropped by one goroutine in the background: a dropped
	// PostgreSQL database waits for a checkpoint, and no pair needs to.
	drops := make(chan func(context.Context) error, 1024)
	dropped := make(chan struct{})
	go func() {
		defer close(dropped)
		for drop := range drops {
			dctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			if err := drop(dctx); err != nil {
				fmt.Fprintln(stderr, err)
			}
			cancel()
		}
	}()
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(*jobs, 1))
	var mu sync.Mutex
	start := time.Now()
	for i, p := range selected {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			o := runPair(ctx, p, converge.ServerURL(p.dialect), tmp, drops)
			results[i] = o
			mu.Lock()
			defer mu.Unlock()
			switch o.status {
			case "converged", "skipped":
			default:
				fmt.Fprintf(stdout, "FAIL %s (%s): %s: %s\n", o.id, o.where, o.status, o.category)
				if *verbose {
					fmt.Fprintf(stdout, "%s\n", indent(o.detail))
				}
			}
			if *verbose && o.status == "skipped" {
				fmt.Fprintf(stdout, "SKIP %s (%s): %s\n", o.id, o.where, o.skip)
			}
		}()
	}
	wg.Wait()
	report(stdout, results, dups, time.Since(start))
	close(drops)
	fmt.Fprintf(stderr, "corpora: dropping the last %d databases\n", len(drops))
	<-dropped
	return 0
}

// runPair loads the pair into two fresh databases, and runs converge.Check
// from A to B.
func runPair(ctx context.Context, p pair, server, tmp string, drops chan<- func(context.Context) error) outcome {
	o := outcome{pair: p}
	if p.skip != "" {
		o.status = "skipped"
		return o
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	var urls [2]string
	for i := range urls {
		u, drop, err := converge.CreateDatabase(ctx, p.dialect, server, tmp, dbName())
		if err != nil {
			o.status, o.category, o.detail = "harness-error", "create database", err.Error()
			return o
		}
		defer func() { drops <- drop }()
		urls[i] = u
	}
	for i, script := range []string{p.from, p.to} {
		if _, err := converge.Exec(ctx, p.dialect, urls[i], script); err != nil {
			side := [...]string{"from", "to"}[i]
			o.status = "skipped"
			o.skip = side + " does not load: " + mask(clientError(err))
			return o
		}
		if p.loadCheck != "" {
			out, err := converge.Exec(ctx, p.dialect, urls[i], p.loadCheck)
			if f := strings.Fields(out); err != nil || len(f) == 0 || f[len(f)-1] != "0" {
				o.status = "skipped"
				o.skip = [...]string{"from", "to"}[i] + ": " + p.loadCheckWhy
				return o
			}
		}
	}
	// Whether the two scripts make one schema is guessed from their text
	// and corrected by Check, which compares the dumps and says when the
	// guess is wrong (two dumps fewer for nearly every pair).
	o.equal = sameText(p.from, p.to)
	r, err := converge.Check(ctx, converge.Pair{Dialect: p.dialect, From: urls[0], To: urls[1], Equal: o.equal})
	if err != nil && strings.Contains(err.Error(), "the dumps") {
		o.equal = !o.equal
		r, err = converge.Check(ctx, converge.Pair{Dialect: p.dialect, From: urls[0], To: urls[1], Equal: o.equal})
	}
	if err != nil {
		o.status, o.category, o.detail = "harness-error", "check", err.Error()
		return o
	}
	if r.Stage == converge.Passed {
		o.status = "converged"
		return o
	}
	if kinds := orderKindsNamed(r); len(kinds) > 0 {
		// diff named an order it does not compare: the pair converges
		// but for that order when Check, told the kinds, agrees.
		named, err := converge.Check(ctx, converge.Pair{Dialect: p.dialect, From: urls[0], To: urls[1], Equal: o.equal, NotCompared: kinds})
		if err == nil && named.Stage == converge.Passed {
			o.status, o.category, o.detail = "named-order", strings.Join(kinds, ", "), r.Detail
			return o
		}
	}
	o.status, o.detail = r.Stage.String(), r.Detail
	o.category = categorize(r)
	return o
}

// sameText reports whether two scripts are the same text but for case and
// spacing.
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(strings.ToLower(a)), " ") == strings.Join(strings.Fields(strings.ToLower(b)), " ")
}

// dbName is a fresh database name.
func dbName() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "rt_corpus_" + hex.EncodeToString(b[:])
}

// uniqueIDs numbers pairs whose ids repeat (two cases of one name).
func uniqueIDs(ps []pair) []pair {
	seen := map[string]int{}
	for i := range ps {
		seen[ps[i].id]++
		if n := seen[ps[i].id]; n > 1 {
			ps[i].id = fmt.Sprintf("%s#%d", ps[i].id, n)
		}
	}
	return ps
}

// dedupe keeps the first of pairs with the same dialect and scripts (a test
// table often repeats a pair with other options of the tool under test).
func dedupe(ps []pair) ([]pair, map[string]int) {
	seen := map[string]bool{}
	dups := map[string]int{}
	var out []pair
	for _, p := range ps {
		key := string(p.dialect) + "\x00" + strings.TrimSpace(p.from) + "\x00" + strings.TrimSpace(p.to)
		if seen[key] {
			dups[p.corpus]++
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	return out, dups
}

// clientError returns the first error line a client printed.
func clientError(err error) string {
	var ce *converge.ClientError
	if errors.As(err, &ce) {
		for _, l := range strings.Split(ce.Stderr, "\n") {
			if strings.Contains(strings.ToLower(l), "error") {
				return strings.TrimSpace(l)
			}
		}
		return strings.TrimSpace(ce.Stderr)
	}
	return err.Error()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}

// report prints the scores per corpus and dialect, per dialect, and the
// failure categories per dialect.
func report(w io.Writer, rs []outcome, dups map[string]int, took time.Duration) {
	type score struct {
		pairs, run, converged, named, falseEqual, applyFailed, notConverged, other, skipped int
	}
	byCorpus := map[string]*score{}
	byDialect := map[string]*score{}
	modeled := map[string]*score{}
	cats := map[string]map[string]int{}
	skips := map[string]map[string]int{}
	for _, r := range rs {
		for _, k := range []string{r.corpus + "/" + string(r.dialect)} {
			if byCorpus[k] == nil {
				byCorpus[k] = &score{}
			}
		}
		d := string(r.dialect)
		if byDialect[d] == nil {
			byDialect[d] = &score{}
			cats[d] = map[string]int{}
			skips[d] = map[string]int{}
		}
		if modeled[d] == nil {
			modeled[d] = &score{}
		}
		scores := []*score{byCorpus[r.corpus+"/"+d], byDialect[d]}
		if len(r.unmodeled) == 0 {
			scores = append(scores, modeled[d])
		}
		for _, s := range scores {
			s.pairs++
			switch r.status {
			case "skipped":
				s.skipped++
				continue
			case "converged":
				s.converged++
			case "named-order":
				s.named++
			case converge.FalseEqual.String():
				s.falseEqual++
			case converge.ApplyFailed.String():
				s.applyFailed++
			case converge.NotConverged.String():
				s.notConverged++
			default:
				s.other++
			}
			s.run++
		}
		if r.status == "skipped" {
			reason := r.skip
			if len(reason) > 90 {
				reason = reason[:90] + "…"
			}
			skips[d][reason]++
		} else if r.status != "converged" {
			cats[d][r.status+": "+r.category]++
		}
	}
	fmt.Fprintf(w, "\n%-28s %6s %5s %9s %11s %11s %12s %13s %6s %7s %6s\n", "corpus/dialect", "pairs", "run", "converged", "named-order", "false-equal", "apply-failed", "not-converged", "other", "skipped", "score")
	line := func(name string, s *score) {
		pct := "-"
		if s.run > 0 {
			pct = fmt.Sprintf("%.1f%%", 100*float64(s.converged)/float64(s.run))
		}
		fmt.Fprintf(w, "%-28s %6d %5d %9d %11d %11d %12d %13d %6d %7d %6s\n", name, s.pairs, s.run, s.converged, s.named, s.falseEqual, s.applyFailed, s.notConverged, s.other, s.skipped, pct)
	}
	for _, k := range sortedKeys(byCorpus) {
		line(k, byCorpus[k])
	}
	for _, k := range sortedKeys(byDialect) {
		line("ALL/"+k, byDialect[k])
	}
	for _, k := range sortedKeys(modeled) {
		line("MODELED/"+k, modeled[k])
	}
	for _, c := range sortedKeys(dups) {
		n := dups[c]
		fmt.Fprintf(w, "(%s: %d duplicate pairs dropped before the run)\n", c, n)
	}
	for _, d := range sortedKeys(cats) {
		fmt.Fprintf(w, "\nfailure categories, %s:\n", d)
		for _, kv := range byCount(cats[d]) {
			fmt.Fprintf(w, "  %4d  %s\n", kv.n, kv.k)
		}
		fmt.Fprintf(w, "skip reasons, %s:\n", d)
		for _, kv := range byCount(skips[d]) {
			fmt.Fprintf(w, "  %4d  %s\n", kv.n, kv.k)
		}
	}
	fmt.Fprintf(w, "\n(score = converged / run; MODELED: only pairs whose scripts create no object retort does not model; took %s)\n", took.Round(time.Second))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

type kv struct {
	k string
	n int
}

func byCount(m map[string]int) []kv {
	var out []kv
	for k, n := range m {
		out = append(out, kv{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].k < out[j].k
	})
	return out
}
