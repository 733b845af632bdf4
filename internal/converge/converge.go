package converge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/retortdb/retort/cli"
)

// Stage says how one direction of a case ended: Passed, or the first check
// that failed.
type Stage int

// The stages, in the order they are checked.
const (
	// Passed: every check held.
	Passed Stage = iota
	// DiffError: retort diff exited 2 (or panicked).
	DiffError
	// FalseEqual: retort diff said the schemas agree (exit 0) while the
	// independent dumps differ: drift that check would never see.
	FalseEqual
	// FalseDifference: the dumps are equal, yet retort diff reported a
	// difference (exit 1).
	FalseDifference
	// StdoutNotSQL: the schemas are equal and diff --sql exited 0, but its
	// standard output held more than blank lines and "-- " comments.
	StdoutNotSQL
	// ApplyFailed: the server's client rejected the SQL diff --sql printed.
	ApplyFailed
	// NotConverged: after the SQL was applied, the dumps still differ.
	NotConverged
	// NotIdempotent: after convergence, retort diff still reported a
	// difference.
	NotIdempotent
	// NotComparedUnnamed: diff did not name, in a "not compared" line, a kind
	// of object the case holds and retort does not model.
	NotComparedUnnamed
)

var stageNames = [...]string{
	Passed:             "passed",
	DiffError:          "diff-error",
	FalseEqual:         "false-equal",
	FalseDifference:    "false-difference",
	StdoutNotSQL:       "stdout-not-sql",
	ApplyFailed:        "apply-failed",
	NotConverged:       "not-converged",
	NotIdempotent:      "not-idempotent",
	NotComparedUnnamed: "not-compared-unnamed",
}

// String returns the stage's name, as known_failures.txt may quote it.
func (s Stage) String() string {
	if s < 0 || int(s) >= len(stageNames) {
		return fmt.Sprintf("stage(%d)", int(s))
	}
	return stageNames[s]
}

// Result is how one direction of a case went.
type Result struct {
	// Stage is Passed or the first check that failed.
	Stage Stage
	// Detail explains a failure: retort's output, the client's error, the
	// unified diff of the dumps.
	Detail string
	// SQL is what retort diff --sql printed on standard output.
	SQL string
}

// Pair is one direction of a case: database A was loaded with the case's
// first script, B with its second; the direction turns A into B.
type Pair struct {
	// Dialect of both databases.
	Dialect Dialect
	// From is A's URL: retort diff's --from, and where its SQL is applied.
	From string
	// To is B's URL: retort diff's --to.
	To string
	// NotCompared lists the kinds of object diff must name as not compared.
	NotCompared []string
	// Equal says A and B hold the same schema, so their dumps must be
	// equal; when false they must differ. Either way, a mismatch is an
	// error of the case, not of retort.
	Equal bool
}

// Retort is the result of one in-process retort run.
type Retort struct {
	// Code is the exit code.
	Code int
	// Stdout and Stderr are what it printed.
	Stdout, Stderr string
}

// RunRetort runs the retort command line in-process through cli.Run. A panic
// is reported as exit code 2 with the stack on Stderr.
func RunRetort(ctx context.Context, args ...string) (r Retort) {
	var out, errb bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			r = Retort{Code: cli.ExitError, Stdout: out.String(), Stderr: fmt.Sprintf("%s\npanic: %v\n%s", errb.String(), p, debug.Stack())}
		}
	}()
	code := cli.Run(ctx, args, strings.NewReader(""), &out, &errb)
	return Retort{Code: code, Stdout: out.String(), Stderr: errb.String()}
}

// Check runs one direction: it dumps A and B, runs retort diff --sql, and
// then, when the dumps differ, applies the SQL to A with the server's client,
// dumps A again, compares it with B's dump, and runs retort diff once more.
// When A and B hold the same schema (p.Equal), it checks that retort says so
// and prints no SQL. The returned error is a failure of the harness or the
// case (a dump that could not be taken, dumps that are equal when they
// should differ or the reverse), never of retort. A case that lists the
// "column order" kind lets the dumps differ in the order of the column
// lines of the tables diff named for it, one that lists "index order" in
// the order of their key lines, one that lists "check order" in the order
// of their CONSTRAINT ... CHECK lines, and in nothing else.
func Check(ctx context.Context, p Pair) (Result, error) {
	dumpA, err := Dump(ctx, p.Dialect, p.From)
	if err != nil {
		return Result{}, fmt.Errorf("converge: dump A: %w", err)
	}
	dumpB, err := Dump(ctx, p.Dialect, p.To)
	if err != nil {
		return Result{}, fmt.Errorf("converge: dump B: %w", err)
	}
	if (dumpA == dumpB) != p.Equal {
		if p.Equal {
			return Result{}, fmt.Errorf("converge: the case says its schemas are equal, but the dumps differ (fix the case):\n%s", UnifiedDiff("A", "B", dumpA, dumpB))
		}
		return Result{}, fmt.Errorf("converge: the dumps of the two scripts are equal, so the case tests nothing, or a dump is blind to what it changes (fix the case or the dump; a case of equal schemas is named equal_*):\n%s", dumpA)
	}
	d := RunRetort(ctx, "diff", "--from", p.From, "--to", p.To, "--sql")
	res := Result{SQL: d.Stdout}
	if d.Code != cli.ExitOK && d.Code != cli.ExitDrift {
		res.Stage, res.Detail = DiffError, fmt.Sprintf("retort diff --sql exited %d\n%s", d.Code, output(d))
		return res, nil
	}
	said := namedOrder(p, d)
	if dumpA == dumpB || d.Code == cli.ExitOK && said.same(dumpA, dumpB) {
		switch {
		case d.Code == cli.ExitDrift:
			res.Stage, res.Detail = FalseDifference, "the dumps are equal, yet retort diff --sql reported a difference\n"+output(d)
		case !onlyComments(d.Stdout):
			res.Stage, res.Detail = StdoutNotSQL, "equal schemas: diff --sql must print only SQL comments on stdout\n"+output(d)
		default:
			return checkNotCompared(res, p, d), nil
		}
		return res, nil
	}
	if d.Code == cli.ExitOK {
		res.Stage, res.Detail = FalseEqual, "retort diff said the schemas agree; the dumps differ:\n"+
			UnifiedDiff("A (from)", "B (to)", dumpA, dumpB)+output(d)
		return res, nil
	}
	if _, err := Exec(ctx, p.Dialect, p.From, d.Stdout); err != nil {
		var ce *ClientError
		if !errors.As(err, &ce) {
			return Result{}, err
		}
		res.Stage, res.Detail = ApplyFailed, fmt.Sprintf("applying retort's SQL to A failed: %s\n%s\n%s", firstError(ce.Stderr), strings.TrimSpace(ce.Stderr), output(d))
		return res, nil
	}
	after, err := Dump(ctx, p.Dialect, p.From)
	if err != nil {
		return Result{}, fmt.Errorf("converge: dump A after apply: %w", err)
	}
	if !said.same(after, dumpB) {
		res.Stage, res.Detail = NotConverged, "after applying retort's SQL, A differs from B:\n"+
			UnifiedDiff("A (after)", "B (to)", after, dumpB)+output(d)
		return res, nil
	}
	again := RunRetort(ctx, "diff", "--from", p.From, "--to", p.To)
	if again.Code != cli.ExitOK {
		res.Stage, res.Detail = NotIdempotent, fmt.Sprintf("the dumps agree, yet a second retort diff exited %d\n%s", again.Code, output(again))
		return res, nil
	}
	return checkNotCompared(res, p, d), nil
}

// checkNotCompared checks that diff named every kind of object the case
// holds and retort does not model, on stderr or in a stdout comment, and
// that it named no index or check order the case does not list: the
// dumps agreed without that tolerance, so such a note would be false.
func checkNotCompared(res Result, p Pair, d Retort) Result {
	var said []string
	for _, l := range strings.Split(d.Stderr+"\n"+d.Stdout, "\n") {
		if strings.Contains(strings.ToLower(l), "not compared") {
			said = append(said, strings.ToLower(l))
		}
	}
	for _, kind := range []string{indexOrderKind, checkOrderKind} {
		if !slices.Contains(p.NotCompared, kind) && slices.ContainsFunc(said, func(l string) bool { return strings.Contains(l, kind+" of ") }) {
			res.Stage = FalseDifference
			res.Detail = fmt.Sprintf("retort diff named a %s as not compared, yet the dumps agree in that order (or the case must list %q)\n%s", kind, kind, output(d))
			return res
		}
	}
	for _, kind := range p.NotCompared {
		found := false
		for _, l := range said {
			if mentionsKind(l, kind) {
				found = true
			}
		}
		if !found {
			res.Stage = NotComparedUnnamed
			res.Detail = fmt.Sprintf("the case holds a %s retort does not model; diff did not name it in a \"not compared\" line\n%s", kind, output(d))
			return res
		}
	}
	return res
}

// mentionsKind reports whether a lower-case line names a kind of object,
// in the singular or the plural ("view", "views"; "policy", "policies").
func mentionsKind(line, kind string) bool {
	if strings.Contains(line, kind) {
		return true
	}
	stem, ok := strings.CutSuffix(kind, "y")
	return ok && strings.Contains(line, stem+"ies")
}

// firstError returns the first line of a client's stderr that reports an
// error (mariadb echoes the failed statement before it).
func firstError(stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(strings.ToLower(l), "error") {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(stderr)
}

// onlyComments reports whether s holds nothing but blank lines and "--"
// comments.
func onlyComments(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}

// output prints what a retort run printed, for a failure's detail.
func output(r Retort) string {
	return fmt.Sprintf("--- retort exit %d, stdout:\n%s--- stderr:\n%s", r.Code, r.Stdout, r.Stderr)
}
