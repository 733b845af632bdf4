package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
)

// runCheck exits 0 when the models and the database agree, 1 when they
// drift (listing the ops that would fix it), 2 on error.
func runCheck(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("check")
	url := fs.String("url", "", "the database `URL` (default: $RETORT_DATABASE_URL, else $DATABASE_URL)")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	format := fs.String("format", "text", "output `FORMAT`: text, or json (a versioned snake_case document for tools)")
	migrations := fs.Bool("migrations", false, "check the revision files on a scratch database (apply, downgrade, compare) instead of the models against --url")
	devURL := fs.String("dev-url", "", "PostgreSQL or MySQL server `URL` on which --migrations creates and drops its scratch database")
	dataAware := fs.Bool("data-aware", false, "count the rows each safety finding affects (rows a drop or narrowing would lose), with a query per finding")
	schema := fs.String("schema", "", schemaFlagUsage)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: use text or json", *format)
	}
	if *migrations {
		if *format != "text" {
			return usagef("--migrations prints text only")
		}
		return a.checkMigrations(ctx, *devURL)
	}
	d, err := a.envDatabase(ctx, *url, mustExist)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := a.graph(); err != nil {
		return err
	}
	rep, err := autogen.Check(ctx, d.gen(), a.envIn(*schema), a.autogenOptions(*dataAware))
	if err != nil {
		return err
	}
	unlisted := a.unlistedModels(ctx)
	if len(unlisted) > 0 {
		a.reportUnlisted(unlisted)
	}
	a.printModelWarnings(rep.ModelWarnings)
	for _, w := range rep.Warnings {
		fmt.Fprintf(a.stderr, "warning: --data-aware: %v\n", w)
	}
	// Objects retort does not model are named, not drift: alone they
	// leave the exit code 0 (README, `retort check`).
	if line := introspect.NotCompared("", rep.NotCompared); line != "" {
		fmt.Fprintln(a.stderr, line)
	}
	if *format == "json" {
		if err := a.writeCheckJSON(rep); err != nil || len(unlisted) == 0 {
			return err
		}
		return errDrift
	}
	if rep.InSync() {
		if len(unlisted) > 0 {
			fmt.Fprintln(a.stdout, "No drift in the listed models, but tagged structs are not listed (see above).")
			return errDrift
		}
		if len(rep.NotCompared) > 0 {
			fmt.Fprintln(a.stdout, "No drift: the database matches the models in what retort compares (the objects named on stderr were not compared).")
			return nil
		}
		fmt.Fprintln(a.stdout, "No drift: the database matches the models.")
		return nil
	}
	if pending := len(rep.Pending); pending > 0 {
		if len(rep.Heads) > 1 {
			fmt.Fprintf(a.stdout, "pending revisions: %d (the database is behind; the migrations have %d heads: run `retort upgrade heads`, or `retort merge -m \"merge heads\" %s` then `retort upgrade head`)\n", pending, len(rep.Heads), strings.Join(rep.Heads, " "))
		} else {
			fmt.Fprintf(a.stdout, "pending revisions: %d (the database is behind head; run `retort upgrade head`)\n", pending)
		}
		a.printPending(rep)
	}
	switch {
	case len(rep.Ops) > 0 && rep.Covered > 0:
		fmt.Fprintf(a.stdout, "Drift beyond the pending revisions: %d more operation(s) would bring the database to the models:\n", len(rep.Ops))
		printOps(a.stdout, "  ", rep.Ops, rep.Findings)
	case len(rep.Ops) > 0:
		fmt.Fprintf(a.stdout, "Drift: %d operation(s) would bring the database to the models:\n", len(rep.Ops))
		printOps(a.stdout, "  ", rep.Ops, rep.Findings)
	case rep.Covered > 0:
		fmt.Fprintln(a.stdout, "The pending revisions make every change the models need; no other drift.")
	}
	for _, h := range renameHints(rep.Ops) {
		fmt.Fprintf(a.stdout, "  %s\n", h)
	}
	return errDrift
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}

// warnUnlisted says which tagged structs env.go leaves out, and how to add them.
func (a *app) warnUnlisted(missing []string) {
	lits := make([]string, len(missing))
	for i, m := range missing {
		lits[i] = m + "{}"
	}
	verb, them, are := "carry", "them", "they are"
	if len(missing) == 1 {
		verb, them, are = "carries", "it", "it is"
	}
	fmt.Fprintf(a.stderr, "warning: %s %s model tags but env.go lists %s neither in Models nor in Exclude, so %s not compared; add %s to Models in %s/env.go, or to Exclude when %s not a table (`retort check` fails until then)\n",
		strings.Join(missing, ", "), verb, them, are, strings.Join(lits, ", "), a.driver.Dir, are)
}

// printPending lists the pending revisions that have findings, marking
// the unreviewed data loss `retort upgrade` will refuse.
func (a *app) printPending(r autogen.Report) {
	for _, p := range r.Pending {
		if len(p.Findings) == 0 {
			continue
		}
		fmt.Fprintf(a.stdout, "  %s %s:\n", p.Revision.ID, p.Revision.Message)
		printFindings(a.stdout, "    ", p.Findings)
		if p.Refused {
			fmt.Fprintf(a.stdout, "    (data loss not marked reviewed: `retort upgrade` refuses this revision)\n")
		}
	}
}

// writeCheckJSON prints the report as JSON; it returns errDrift when the
// database is not in sync, like the text output.
func (a *app) writeCheckJSON(r autogen.Report) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r.Document()); err != nil {
		return err
	}
	if !r.InSync() {
		return errDrift
	}
	return nil
}

// printModelWarnings writes what reading the models noticed without
// stopping, one "warning:" line each on stderr.
func (a *app) printModelWarnings(ws []load.Warning) {
	for _, w := range ws {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
}
