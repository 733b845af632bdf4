package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/retortdb/retort/migrate"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitDrift = 1
	ExitError = 2
)

// errDrift makes a command exit 1 without printing an error: it has already
// said what drifted or what it refused.
var errDrift = errors.New("drift")

// errHelp is returned when a command is asked for --help; its usage is
// printed and it exits 0.
var errHelp = errors.New("help requested")

// usageError is a mistake in the command line; it exits 2 with usage help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// app carries one invocation's streams and, in a driver, the user's Env.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	env            *migrate.Env
	// driver is set when running inside the compiled driver.
	driver *DriverInfo
	// getenv reads the environment (tests replace it).
	getenv func(string) string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	// needsEnv commands run in the driver, with the user's migrations package.
	needsEnv bool
	run      func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{name: "init", summary: "write the migrations package (env.go)", usage: "retort init [--dir migrations] [--dialect sqlite|postgres|mysql] [--models ./models]", run: runInit},
		{name: "revision", summary: "write a new revision file", usage: "retort revision -m MSG [--autogenerate] [--head H [--splice]] [--branch-label L] [--depends-on R] [--rev-id ID]", needsEnv: true, run: runRevision},
		{name: "upgrade", summary: "apply revisions up to TARGET", usage: "retort upgrade TARGET [--sql] [--url URL ... | --schema S ...] [-j N] [--one-transaction] [--quiet] [--allow-data-loss]", needsEnv: true, run: runUpgrade},
		{name: "downgrade", summary: "undo revisions down to TARGET", usage: "retort downgrade TARGET [--sql] [--url URL ... | --schema S ...] [-j N] [--quiet] [--allow-data-loss]", needsEnv: true, run: runDowngrade},
		{name: "current", summary: "show the database's revision", usage: "retort current [--verbose]", needsEnv: true, run: runCurrent},
		{name: "history", summary: "list revisions, newest first", usage: "retort history [-r A:B] [--verbose]", needsEnv: true, run: runHistory},
		{name: "heads", summary: "list head revisions", usage: "retort heads [--verbose]", needsEnv: true, run: runHeads},
		{name: "branches", summary: "list branch points", usage: "retort branches [--verbose]", needsEnv: true, run: runBranches},
		{name: "show", summary: "show one revision", usage: "retort show REV", needsEnv: true, run: runShow},
		{name: "merge", summary: "write a revision merging several heads", usage: "retort merge -m MSG REV REV...", needsEnv: true, run: runMerge},
		{name: "stamp", summary: "set the version table without running migrations", usage: "retort stamp TARGET [--purge] | retort stamp REV --partial N [--downgrade]", needsEnv: true, run: runStamp},
		{name: "check", summary: "exit 1 if models and database differ", usage: "retort check [--format text|json] [--data-aware] | retort check --migrations [--dev-url URL]", needsEnv: true, run: runCheck},
		{name: "diff", summary: "compare two live databases", usage: "retort diff --from URL --to URL [--sql]", run: runDiff},
		{name: "inspect", summary: "print a live database's schema", usage: "retort inspect [URL] [--format sql|json]", run: runInspect},
	}
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run runs the retort command line and returns the exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return a.main(ctx, args)
}

func (a *app) main(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		a.printUsage(a.stdout)
		if len(args) == 0 {
			return ExitError
		}
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(a.stdout, "retort", version())
		return ExitOK
	}
	cmd, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(a.stderr, "retort: unknown command %q%s\n\n", args[0], suggestCommand(args[0]))
		a.printUsage(a.stderr)
		return ExitError
	}
	var err error
	if cmd.needsEnv && a.env == nil {
		err = a.runInDriver(ctx, args)
	} else {
		err = cmd.run(ctx, a, args[1:])
	}
	return a.exitCode(cmd, err)
}

func (a *app) exitCode(cmd command, err error) int {
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errDrift):
		return ExitDrift
	case errors.Is(err, errHelp):
		fmt.Fprintf(a.stdout, "%s\n\nusage: %s\n", cmd.summary, cmd.usage)
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "retort %s: %s\nusage: %s\n", cmd.name, ue.msg, cmd.usage)
		return ExitError
	}
	fmt.Fprintf(a.stderr, "retort %s: %s\n", cmd.name, err)
	return ExitError
}

// exitError passes a driver's exit code through the outer process.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func (a *app) printUsage(w io.Writer) {
	fmt.Fprintln(w, "retort: schema migrations with autogenerate, for Go.")
	fmt.Fprintln(w, "\nusage: retort COMMAND [flags]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nThe database URL comes from --url, else RETORT_DATABASE_URL, else DATABASE_URL:")
	fmt.Fprintln(w, "  sqlite:///abs/path.db  sqlite://rel/path.db  postgres://user@host:5432/db  mysql://user@host:3306/db")
}

func suggestCommand(name string) string {
	names := make([]string, 0, 16)
	for _, c := range commands() {
		names = append(names, c.name)
	}
	sort.Strings(names)
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// databaseURL picks --url, else RETORT_DATABASE_URL, else DATABASE_URL.
func (a *app) databaseURL(flagURL string) (string, error) {
	if flagURL != "" {
		return flagURL, nil
	}
	for _, k := range []string{"RETORT_DATABASE_URL", "DATABASE_URL"} {
		if v := strings.TrimSpace(a.getenv(k)); v != "" {
			return v, nil
		}
	}
	return "", errors.New("no database URL: pass --url or set RETORT_DATABASE_URL (e.g. sqlite://app.db)")
}
