package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
)

// runCheck exits 0 when the models and the database agree, 1 when they
// drift (listing the ops that would fix it), 2 on error.
func runCheck(ctx context.Context, a *app, args []string) error {
	fs := newFlags("check")
	url := fs.String("url", "", "database URL")
	fs.String("dir", "migrations", "migrations directory")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	d, err := a.envDatabase(ctx, *url)
	if err != nil {
		return err
	}
	defer d.Close()
	list, err := a.compareModels(ctx, d)
	if err != nil {
		return err
	}
	if missing := a.unlistedModels(ctx); len(missing) > 0 {
		a.warnUnlisted(missing)
	}
	pending, err := a.pendingRevisions(ctx, d)
	if err != nil {
		return err
	}
	if len(list) == 0 && pending == 0 {
		fmt.Fprintln(a.stdout, "No drift: the database matches the models.")
		return nil
	}
	if pending > 0 {
		fmt.Fprintf(a.stdout, "pending revisions: %d (the database is behind head; run `retort upgrade head`)\n", pending)
	}
	if len(list) > 0 {
		fmt.Fprintf(a.stdout, "Drift: %d operation(s) would bring the database to the models:\n", len(list))
		for _, op := range list {
			fmt.Fprintf(a.stdout, "  %s\n", ops.Describe(op))
		}
	}
	return errDrift
}

// pendingRevisions counts revisions the database has not applied.
func (a *app) pendingRevisions(ctx context.Context, d *database) (int, error) {
	g, err := a.graph()
	if err != nil || g == nil {
		return 0, err
	}
	current, err := migrate.Current(ctx, d.db, a.env)
	if err != nil {
		return 0, err
	}
	steps, err := g.Plan(migrate.Up, current, g.Heads())
	if err != nil {
		return 0, err
	}
	return len(steps), nil
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
