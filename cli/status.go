package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
)

// revisionLine is "parent -> id (head), message", as Alembic prints it.
func revisionLine(g *migrate.Graph, r migrate.Revision) string {
	var b strings.Builder
	parents := r.Parents()
	if len(parents) == 0 {
		b.WriteString("<base>")
	} else {
		b.WriteString(strings.Join(parents, ", "))
	}
	b.WriteString(" -> ")
	b.WriteString(r.ID)
	b.WriteString(revisionTags(g, r))
	b.WriteString(", ")
	b.WriteString(r.Message)
	return b.String()
}

// revisionTags is " (label) (head) (branchpoint) (mergepoint)" as applicable.
func revisionTags(g *migrate.Graph, r migrate.Revision) string {
	var tags []string
	for _, l := range r.BranchLabels {
		tags = append(tags, "("+l+")")
	}
	if slices.Contains(g.Heads(), r.ID) {
		tags = append(tags, "(head)")
	}
	if len(g.Children(r.ID)) > 1 {
		tags = append(tags, "(branchpoint)")
	}
	if len(r.Merges) > 1 {
		tags = append(tags, "(mergepoint)")
	}
	if len(tags) == 0 {
		return ""
	}
	return " " + strings.Join(tags, " ")
}

// writeVerbose prints a revision's full record.
func (a *app) writeVerbose(w io.Writer, g *migrate.Graph, r migrate.Revision) {
	fmt.Fprintf(w, "Rev: %s%s\n", r.ID, revisionTags(g, r))
	parents := r.Parents()
	if len(parents) == 0 {
		fmt.Fprintln(w, "Parent: <base>")
	} else if len(parents) == 1 {
		fmt.Fprintf(w, "Parent: %s\n", parents[0])
	} else {
		fmt.Fprintf(w, "Merges: %s\n", strings.Join(parents, ", "))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(w, "Also depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	if kids := g.Children(r.ID); len(kids) > 1 {
		fmt.Fprintf(w, "Branches into: %s\n", strings.Join(kids, ", "))
	}
	if len(r.BranchLabels) > 0 {
		fmt.Fprintf(w, "Branch names: %s\n", strings.Join(r.BranchLabels, ", "))
	}
	if a.driver != nil {
		if path, ok := a.revisionPath(r.ID, r.Message); ok {
			wd, _ := os.Getwd()
			fmt.Fprintf(w, "Path: %s\n", rel(wd, path))
		}
	}
	fmt.Fprintf(w, "\n    %s\n\n", r.Message)
}

func runCurrent(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("current")
	url := fs.String("url", "", "the database `URL` (default: $RETORT_DATABASE_URL, else $DATABASE_URL)")
	schema := fs.String("schema", "", schemaFlagUsage)
	verbose := fs.Bool("verbose", false, "print each revision in full: parents, branches, labels, file")
	fs.BoolVar(verbose, "v", false, "print each revision in full: parents, branches, labels, file")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	if pos, err := fs.parse(args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	d, err := a.envDatabase(ctx, *url, mustExist)
	if err != nil {
		return err
	}
	defer d.Close()
	current, err := migrate.Current(ctx, d.db, a.envIn(*schema))
	if err != nil {
		return err
	}
	partials, err := migrate.Partials(ctx, d.db, a.envIn(*schema))
	if err != nil {
		return err
	}
	defer func() {
		for _, p := range partials {
			fmt.Fprintln(a.stdout, partialText(p))
		}
	}()
	if len(current) == 0 {
		fmt.Fprintln(a.stdout, "<base> (no revision applied)")
		return nil
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	for _, id := range current {
		r, ok := migrate.Revision{}, false
		if g != nil {
			r, ok = g.Revision(id)
		}
		switch {
		case !ok:
			fmt.Fprintf(a.stdout, "%s (not in the migrations package)\n", id)
		case *verbose:
			a.writeVerbose(a.stdout, g, r)
		default:
			fmt.Fprintf(a.stdout, "%s%s, %s\n", r.ID, revisionTags(g, r), r.Message)
		}
	}
	return nil
}

func runHistory(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("history")
	rng := fs.String("r", "", "the `RANGE` A:B to list; either side may be empty or base, head, current, -N, +N")
	fs.StringVar(rng, "rev-range", "", "the `RANGE` A:B to list; either side may be empty or base, head, current, -N, +N")
	verbose := fs.Bool("verbose", false, "print each revision in full: parents, branches, labels, file")
	fs.BoolVar(verbose, "v", false, "print each revision in full: parents, branches, labels, file")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	url := fs.String("url", "", "the database `URL` for ranges relative to current (default: $RETORT_DATABASE_URL)")
	if pos, err := fs.parse(args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	if g == nil {
		fmt.Fprintln(a.stdout, "No revisions yet; create one with `retort revision -m MSG`.")
		return nil
	}
	revs := g.History()
	if *rng != "" {
		revs, err = a.historyRange(ctx, g, *rng, *url)
		if err != nil {
			return err
		}
	}
	for _, r := range revs {
		if *verbose {
			a.writeVerbose(a.stdout, g, r)
		} else {
			fmt.Fprintln(a.stdout, revisionLine(g, r))
		}
	}
	return nil
}

// historyRange returns the revisions of -r A:B, newest first.
func (a *app) historyRange(ctx context.Context, g *migrate.Graph, rng, url string) ([]migrate.Revision, error) {
	lo, hi, ok := strings.Cut(rng, ":")
	if !ok {
		return nil, usagef("-r takes A:B, e.g. base:head or -3:")
	}
	var current []string
	if strings.ContainsAny(lo+hi, "+-") || lo == "current" || hi == "current" {
		d, err := a.envDatabase(ctx, url, mustExist)
		if err != nil {
			return nil, err
		}
		defer d.Close()
		if current, err = migrate.Current(ctx, d.db, a.env); err != nil {
			return nil, err
		}
	}
	return g.HistoryRange(lo, hi, current)
}

func runHeads(ctx context.Context, a *app, args []string) error {
	return a.listRevisions(args, "heads", func(g *migrate.Graph) []string { return g.Heads() })
}

func runBranches(ctx context.Context, a *app, args []string) error {
	return a.listRevisions(args, "branches", func(g *migrate.Graph) []string { return g.BranchPoints() })
}

func (a *app) listRevisions(args []string, name string, ids func(*migrate.Graph) []string) error {
	fs := a.newFlags(name)
	verbose := fs.Bool("verbose", false, "print each revision in full: parents, branches, labels, file")
	fs.BoolVar(verbose, "v", false, "print each revision in full: parents, branches, labels, file")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	if pos, err := fs.parse(args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	g, err := a.graph()
	if err != nil || g == nil {
		return err
	}
	for _, id := range ids(g) {
		r, _ := g.Revision(id)
		switch {
		case *verbose:
			a.writeVerbose(a.stdout, g, r)
		case name == "branches":
			fmt.Fprintf(a.stdout, "%s%s, %s\n", r.ID, revisionTags(g, r), r.Message)
			for _, kid := range g.Children(id) {
				k, _ := g.Revision(kid)
				fmt.Fprintf(a.stdout, "    -> %s%s, %s\n", k.ID, revisionTags(g, k), k.Message)
			}
		default:
			fmt.Fprintf(a.stdout, "%s%s, %s\n", r.ID, revisionTags(g, r), r.Message)
		}
	}
	return nil
}

func runShow(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("show")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one revision")
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	if g == nil {
		return fmt.Errorf("%w %q: there are no revisions yet", migrate.ErrUnknownRevision, pos[0])
	}
	ids, err := g.Resolve(pos[0], nil)
	if err != nil {
		return err
	}
	for _, id := range ids {
		r, _ := g.Revision(id)
		a.writeVerbose(a.stdout, g, r)
		for _, dir := range []migrate.Direction{migrate.Up, migrate.Down} {
			list, err := r.Record(dir)
			if err != nil {
				return fmt.Errorf("revision %s: %w", r.ID, err)
			}
			fmt.Fprintf(a.stdout, "%s (%d op(s)):\n", strings.ToUpper(dir.String()[:1])+dir.String()[1:], len(list))
			for _, op := range list {
				fmt.Fprintf(a.stdout, "    %s\n", ops.Describe(op))
			}
		}
		fmt.Fprintln(a.stdout)
	}
	return nil
}

// partialText is a revision an interrupted run left part-way, as current
// and stamp print it: "a892c0ffee12 (partial: 11 of 27 ops applied; ...)".
func partialText(p migrate.Partial) string {
	if p.Direction == migrate.Down {
		return fmt.Sprintf("%s (partial: %d of %d downgrade ops applied; the next `retort downgrade` past it resumes it)", p.ID, p.Done, p.Total)
	}
	return fmt.Sprintf("%s (partial: %d of %d ops applied; the next `retort upgrade` resumes it)", p.ID, p.Done, p.Total)
}
