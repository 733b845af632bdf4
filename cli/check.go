package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// runCheck exits 0 when the models and the database agree, 1 when they
// drift (listing the ops that would fix it), 2 on error.
func runCheck(ctx context.Context, a *app, args []string) error {
	fs := newFlags("check")
	url := fs.String("url", "", "database URL")
	fs.String("dir", "migrations", "migrations directory")
	format := fs.String("format", "text", "output: text, or json (a stable document for tools)")
	migrations := fs.Bool("migrations", false, "check the revision files on a scratch database instead of the models against --url")
	devURL := fs.String("dev-url", "", "PostgreSQL or MySQL server on which --migrations creates and drops its scratch database")
	dataAware := fs.Bool("data-aware", false, "count the rows each safety finding affects")
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
	d, err := a.envDatabase(ctx, *url)
	if err != nil {
		return err
	}
	defer d.Close()
	list, cur, err := a.compareModels(ctx, d)
	if err != nil {
		return err
	}
	if missing := a.unlistedModels(ctx); len(missing) > 0 {
		a.warnUnlisted(missing)
	}
	rep, err := a.checkReport(ctx, d, list, cur, *dataAware)
	if err != nil {
		return err
	}
	if *format == "json" {
		return a.writeCheckJSON(rep)
	}
	pending := len(rep.steps)
	if len(list) == 0 && pending == 0 {
		fmt.Fprintln(a.stdout, "No drift: the database matches the models.")
		return nil
	}
	if pending > 0 {
		fmt.Fprintf(a.stdout, "pending revisions: %d (the database is behind head; run `retort upgrade head`)\n", pending)
		a.printPending(rep)
	}
	if len(list) > 0 {
		fmt.Fprintf(a.stdout, "Drift: %d operation(s) would bring the database to the models:\n", len(list))
		printOps(a.stdout, "  ", list, rep.findings)
	}
	return errDrift
}

// sameSet reports whether two id lists hold the same ids.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
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
	fmt.Fprintf(a.stderr, "warning: %s carry model tags but env.go's Models does not list them, so they are not compared; add %s to Models in %s/env.go\n",
		strings.Join(missing, ", "), strings.Join(lits, ", "), a.driver.Dir)
}
