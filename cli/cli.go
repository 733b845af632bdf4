package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
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
	// validateOnly makes commands stop once their flags parsed (see flagSet).
	validateOnly bool
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string
	// about says more than the summary, for `retort help CMD`.
	about string
	// examples are command lines shown by `retort help CMD`.
	examples []string
	// needsEnv commands run in the driver, with the user's migrations package.
	needsEnv bool
	run      func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{name: "init", summary: "write the migrations package (env.go)", usage: "retort init [--dir migrations] [--dialect sqlite|postgres|mysql] [--models ./models] [--from-database [--url URL]]", run: runInit,
			about:    "Writes DIR/env.go, the migrations package's configuration, listing the tagged structs of the models package (found in ./models, or the one package of the module holding tagged structs, when --models is not given), and makes go.mod require retort. With --from-database it first writes the models package (--models DIR, default ./models) from the tables of the database: one tagged struct per table, with warnings for what the tags cannot spell. Nothing is left behind when a step fails.",
			examples: []string{"retort init --dialect postgres --models ./models", "RETORT_SOURCE_DIR=$HOME/src/retort retort init   # use a retort checkout", "retort init --from-database --url postgres://localhost/app   # adopt it"}},
		{name: "revision", summary: "write a new revision file", usage: "retort revision -m MSG [--autogenerate | --baseline] [--head H [--splice]] [--branch-label L] [--depends-on R] [--rev-id ID]", needsEnv: true, run: runRevision,
			about:    "Writes DIR/<rev>_<slug>.go revising the current head. With --autogenerate its upgrade and downgrade are the ops that bring the database (at head) to the models, with safety findings as comments; review the file before applying it. With --baseline it writes the first revision from the database's live schema as it is and stamps the database at it (refused when the database already has a version or the package has revisions).",
			examples: []string{`retort revision --autogenerate -m "add user bio"`, `retort revision -m "backfill slugs"   # an empty revision to fill by hand`, `retort revision -m "audit tables" --head base --branch-label audit`, `retort revision --baseline -m "initial"   # adopt an existing database`}},
		{name: "upgrade", summary: "apply revisions up to TARGET", usage: "retort upgrade TARGET [--sql] [--url URL ... | --schema S ...] [-j N] [--one-transaction] [--quiet] [--allow-data-loss]", needsEnv: true, run: runUpgrade,
			about:    "TARGET is head, heads, a revision id or unique prefix, +N, or label@head. Each revision runs in its own transaction where the database has transactional DDL. A revision whose data-loss findings are not marked reviewed is refused.",
			examples: []string{"retort upgrade head", "retort upgrade +1", "retort upgrade head --sql > upgrade.sql", "retort upgrade head --url postgres://db1/app --url postgres://db2/app -j 2"}},
		{name: "downgrade", summary: "undo revisions down to TARGET", usage: "retort downgrade TARGET [--sql] [--url URL ... | --schema S ...] [-j N] [--quiet] [--allow-data-loss]", needsEnv: true, run: runDowngrade,
			about:    "TARGET is base, a revision id or unique prefix, or -N. --sql needs a starting revision: FROM:TO.",
			examples: []string{"retort downgrade -1", "retort downgrade base", "retort downgrade heads:-1 --sql"}},
		{name: "current", summary: "show the database's revision", usage: "retort current [--verbose] [--url URL]", needsEnv: true, run: runCurrent,
			examples: []string{"retort current", "retort current --url sqlite://app.db"}},
		{name: "history", summary: "list revisions, newest first", usage: "retort history [-r A:B] [--verbose]", needsEnv: true, run: runHistory,
			examples: []string{"retort history", "retort history -r base:head --verbose", "retort history -r -3:current"}},
		{name: "heads", summary: "list head revisions", usage: "retort heads [--verbose]", needsEnv: true, run: runHeads,
			examples: []string{"retort heads"}},
		{name: "branches", summary: "list branch points", usage: "retort branches [--verbose]", needsEnv: true, run: runBranches,
			examples: []string{"retort branches --verbose"}},
		{name: "show", summary: "show one revision and its ops", usage: "retort show REV", needsEnv: true, run: runShow,
			examples: []string{"retort show head", "retort show 5c1e"}},
		{name: "merge", summary: "write a revision merging several heads", usage: "retort merge -m MSG REV REV...", needsEnv: true, run: runMerge,
			about:    "Writes an empty revision whose parents are the given revisions (default: every head), so the graph has one head again.",
			examples: []string{`retort merge -m "merge heads" heads`, `retort merge -m "merge" 3f2a 5c1e`}},
		{name: "stamp", summary: "set the version table without running migrations", usage: "retort stamp TARGET [--purge] [--url URL] | retort stamp REV --partial N [--downgrade]", needsEnv: true, run: runStamp,
			about:    "With --partial N (MySQL/MariaDB, whose DDL is not transactional), records that the first N ops of REV are applied, after an interrupted run or a repair by hand; the next upgrade resumes at op N+1.",
			examples: []string{"retort stamp head   # the schema already matches head", "retort stamp base --purge", "retort stamp a892c0ffee12 --partial 11"}},
		{name: "check", summary: "exit 1 if models and database differ", usage: "retort check [--format text|json] [--data-aware] | retort check --migrations [--dev-url URL]", needsEnv: true, run: runCheck,
			about:    "Exit 0: the database is at head and matches the models. Exit 1: revisions are pending or the models drifted (the ops that would fix it are listed with their safety findings). Exit 2: an error.",
			examples: []string{"retort check", "retort check --format json", "retort check --migrations --dev-url postgres://postgres@localhost/postgres"}},
		{name: "diff", summary: "compare two live databases", usage: "retort diff --from URL --to URL [--sql] [--schema S]", run: runDiff,
			about:    "Lists the ops, with their safety findings, that would turn --from into --to; exit 1 when they differ. Needs no migrations package.",
			examples: []string{"retort diff --from sqlite://prod-copy.db --to sqlite://dev.db", "retort diff --from postgres://host/a --to postgres://host/b --sql"}},
		{name: "inspect", summary: "print a live database's schema", usage: "retort inspect [URL] [--format sql|json|go] [--package P] [--schema S]", run: runInspect,
			about:    "Prints the reflected schema as the SQL that creates it, as a JSON document (snake_case, versioned, see README), or as tagged Go model structs (warnings on stderr name what the tags cannot spell). Needs no migrations package.",
			examples: []string{"retort inspect sqlite://app.db", "retort inspect --format json postgres://localhost/app", "retort inspect --format go postgres://localhost/app > models/models.go"}},
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
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		a.printUsage(a.stdout)
		if len(args) == 0 {
			return ExitError
		}
		return ExitOK
	}
	if args[0] == "help" {
		return a.help(ctx, args[1:])
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(a.stdout, "retort", version())
		return ExitOK
	}
	cmd, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(a.stderr, "retort: unknown command %q%s\n`retort help` lists the commands.\n", args[0], suggestCommand(args[0]))
		return ExitError
	}
	if wantsHelp(args[1:]) {
		a.commandHelp(ctx, a.stdout, cmd)
		return ExitOK
	}
	var err error
	if cmd.needsEnv && a.env == nil {
		// Check the flags here, before building the driver, so a typo is
		// reported at once and outside a project too.
		check := &app{stdin: a.stdin, stdout: a.stdout, stderr: a.stderr, getenv: a.getenv, validateOnly: true}
		if err = cmd.run(ctx, check, args[1:]); err == errFlagsOK {
			err = a.runInDriver(ctx, args)
		}
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
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "retort %s: %s\nusage: %s\n(`retort help %s` lists every flag)\n", cmd.name, ue.msg, cmd.usage, cmd.name)
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
	fmt.Fprintln(w, "\n`retort help COMMAND` (or `retort COMMAND --help`) lists a command's flags with examples.")
}

// help prints the top-level help, or one command's.
func (a *app) help(ctx context.Context, args []string) int {
	if len(args) == 0 {
		a.printUsage(a.stdout)
		return ExitOK
	}
	cmd, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(a.stderr, "retort help: unknown command %q%s\n`retort help` lists the commands.\n", args[0], suggestCommand(args[0]))
		return ExitError
	}
	a.commandHelp(ctx, a.stdout, cmd)
	return ExitOK
}

func suggestCommand(name string) string {
	names := make([]string, 0, 16)
	for _, c := range commands() {
		names = append(names, c.name)
	}
	sort.Strings(names)
	best, ok := suggest.Nearest(name, names, 3)
	if !ok {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
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
