package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// reviewedDataLoss is the Reviewed entry that accepts data-loss findings.
var reviewedDataLoss = safety.DataLoss.String()

// printOps lists ops, one per line after prefix, each followed by its
// findings.
func printOps(w io.Writer, prefix string, list []ops.Op, fs []safety.Finding) {
	pad := strings.Repeat(" ", len(prefix)+2)
	for i, op := range list {
		fmt.Fprintf(w, "%s%s\n", prefix, ops.Describe(op))
		printFindings(w, pad, safety.Of(fs, i))
	}
}

// printFindings writes each finding as "! kind: message" after pad.
func printFindings(w io.Writer, pad string, fs []safety.Finding) {
	for _, f := range fs {
		fmt.Fprintf(w, "%s! %s: %s\n", pad, f.Kind.Title(), f.Message)
	}
}

// pendingSteps returns the upgrade steps from the database's revisions to
// target.
func (a *app) pendingSteps(ctx context.Context, d *database, env *migrate.Env, target string) ([]migrate.Step, error) {
	g, err := a.graph()
	if err != nil || g == nil {
		return nil, err
	}
	current, err := migrate.Current(ctx, d.db, env)
	if err != nil {
		return nil, err
	}
	tgt, err := g.Resolve(target, current)
	if err != nil {
		return nil, err
	}
	return g.Plan(migrate.Up, current, tgt)
}

// unreviewed is a pending revision whose data-loss findings are not
// marked reviewed.
type unreviewed struct {
	rev      migrate.Revision
	findings []safety.Finding
}

// refuseDataLoss is the check `retort upgrade` runs before migrating:
// every revision it would apply whose upgrade loses data must list
// "data-loss" in Reviewed. It prints what it refuses and returns errDrift
// (exit 1).
func (a *app) refuseDataLoss(ctx context.Context, d *database, env *migrate.Env, target string) error {
	steps, err := a.pendingSteps(ctx, d, env, target)
	if err != nil {
		return err
	}
	var bad []unreviewed
	for _, st := range steps {
		if slices.Contains(st.Revision.Reviewed, reviewedDataLoss) {
			continue
		}
		list, err := st.Revision.Record(migrate.Up)
		if err != nil {
			return fmt.Errorf("revision %s: %w", st.Revision.ID, err)
		}
		var loss []safety.Finding
		for _, f := range safety.Analyze(list, d.be.Dialect, safety.Options{}) {
			if f.Kind == safety.DataLoss {
				loss = append(loss, f)
			}
		}
		if len(loss) > 0 {
			bad = append(bad, unreviewed{rev: st.Revision, findings: loss})
		}
	}
	if len(bad) == 0 {
		return nil
	}
	for _, u := range bad {
		fmt.Fprintf(a.stderr, "retort upgrade: refusing revision %s (%s): its upgrade loses data and is not marked reviewed:\n", u.rev.ID, u.rev.Message)
		for _, f := range u.findings {
			fmt.Fprintf(a.stderr, "  op %d: %s: %s\n", f.Op+1, f.Kind.Title(), f.Message)
		}
	}
	fmt.Fprintf(a.stderr, "Review the findings, then either add `Reviewed: []string{%q},` to the revision in %s (generated files carry the line commented out), or run the upgrade again with --allow-data-loss.\n",
		reviewedDataLoss, a.revisionFileNames(bad))
	return errDrift
}

// revisionFileNames names the files that declare the revisions, falling
// back to their ids.
func (a *app) revisionFileNames(revs []unreviewed) string {
	var files []revisionFile
	dir := ""
	if a.driver != nil {
		dir = a.driver.Dir
		files, _ = revisionFiles(filepath.Join(a.driver.Root, a.driver.Dir))
	}
	var names []string
	for _, u := range revs {
		name := "the file of revision " + u.rev.ID
		for _, f := range files {
			if slices.Contains(f.IDs, u.rev.ID) {
				name = filepath.Join(dir, f.Name)
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}
