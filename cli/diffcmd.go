package cli

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/safety"
)

// runDiff compares two live databases: the ops that would turn --from into
// --to, each with its safety findings as `retort check` prints them. Exit 0
// when they agree, 1 when they differ. With --sql stdout holds SQL only, a
// script framed as `upgrade --sql` frames a revision ([writeScript]), and
// nothing when they agree. Objects retort does not model (views,
// triggers, ...) are named on stderr, on either outcome; they are not
// drift, so alone they never make the exit code 1.
func runDiff(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("diff")
	from := fs.String("from", "", "`URL` of the database as it is")
	to := fs.String("to", "", "`URL` of the database as it should be")
	asSQL := fs.Bool("sql", false, "print the SQL that turns --from into --to instead of the ops")
	schema := fs.String("schema", "", "PostgreSQL `SCHEMA` (MySQL database) to read on both sides")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *from == "" || *to == "" {
		return usagef("give --from URL and --to URL")
	}
	src, err := openDatabase(ctx, *from, mustExist)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openDatabase(ctx, *to, mustExist)
	if err != nil {
		return err
	}
	defer dst.Close()
	if src.be.Name != dst.be.Name {
		return fmt.Errorf("--from is %s and --to is %s: diff compares two databases of one dialect", src.be.Name, dst.be.Name)
	}
	current, err := src.inspect(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	target, err := dst.inspect(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	fromObjs, err := src.unmodeled(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	toObjs, err := dst.unmodeled(ctx, *schema, defaultEnv.RunnerTables())
	if err != nil {
		return err
	}
	list, err := diff.Compare(current, target, src.be.Dialect, diff.Options{})
	if err != nil {
		return err
	}
	unmodeled := a.reportNotCompared(fromObjs, toObjs)
	if len(list) == 0 {
		// Under --sql stdout is SQL only: the sentence goes to stderr.
		w := a.stdout
		if *asSQL {
			w = a.stderr
		}
		if unmodeled {
			fmt.Fprintf(w, "%s and %s have the same schema in what retort compares; the objects named above were not compared.\n", dburl.Redact(*from), dburl.Redact(*to))
		} else {
			fmt.Fprintf(w, "%s and %s have the same schema.\n", dburl.Redact(*from), dburl.Redact(*to))
		}
		return nil
	}
	if *asSQL {
		if err := writeScript(ctx, a.stdout, src.be.Dialect, list, schemaTables(current)); err != nil {
			return err
		}
	} else {
		printOps(a.stdout, "", list, safety.Analyze(list, src.be.Dialect, safety.Options{Current: &current}))
	}
	return errDrift
}
