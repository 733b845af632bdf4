package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/migrate"
)

// writeBaseline is `retort revision --baseline`: it writes the first
// revision, which creates the database's live schema as it is, and stamps
// the database at it, so that `retort upgrade head` runs nothing there
// while a fresh database gets the whole schema. A database with a version
// row, or a migrations package with revisions, is refused.
func (a *app) writeBaseline(ctx context.Context, spec autogen.RevisionSpec, url, dir string) error {
	d, err := a.envDatabase(ctx, url, mustExist)
	if err != nil {
		return err
	}
	defer d.Close()
	spec.Baseline = true
	gd := d.gen()
	res, err := autogen.Revision(ctx, &gd, a.env, spec, a.autogenOptions(false))
	if errors.Is(err, autogen.ErrVersioned) || errors.Is(err, autogen.ErrHasRevisions) {
		fmt.Fprintf(a.stderr, "retort revision --baseline: %v\n", err)
		return errDrift
	}
	if err != nil {
		return err
	}
	if len(res.Files) != 1 {
		return fmt.Errorf("env.go's script hooks made %d files of the baseline; a baseline is one revision", len(res.Files))
	}
	f := res.Files[0]
	wd, _ := os.Getwd()
	path := filepath.Join(dir, f.Name)
	if err := writeNew(path, f.Source); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Generating %s ... done\n", rel(wd, path))
	printOps(a.stdout, "  - ", f.Script.Upgrade, f.UpgradeFindings)
	// The driver was built before the file existed: stamp with the
	// revision registered on a copy of the Env.
	env := *a.env
	env.Add(migrate.Revision{ID: f.Script.ID, Message: f.Script.Message, BranchLabels: f.Script.BranchLabels, DependsOn: f.Script.DependsOn})
	if env.Backend.Dialect == nil {
		env.Backend = migrate.Backend{Dialect: d.be.Dialect, Inspector: d.be.Inspector}
	}
	if err := migrate.Stamp(ctx, d.db, &env, f.Script.ID, migrate.Options{Logger: newLogger(a.stderr, false)}); err != nil {
		if rerr := os.Remove(path); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return fmt.Errorf("stamping the database at the baseline: %w; %s was removed", err, rel(wd, path))
	}
	fmt.Fprintf(a.stdout, "Stamped: the database is at %s (its schema is the baseline; `retort upgrade head` creates it on a fresh database).\n", f.Script.ID)
	if f.DowngradeNeedsReview {
		fmt.Fprintf(a.stdout, "The downgrade drops every table: `retort downgrade base` refuses it until the Reviewed line in %s is uncommented.\n", rel(wd, path))
	}
	return a.postWrite(ctx, path)
}
