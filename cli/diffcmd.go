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
// when they agree, 1 when they differ.
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
	list, err := diff.Compare(current, target, src.be.Dialect, diff.Options{})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(a.stdout, "%s and %s have the same schema.\n", dburl.Redact(*from), dburl.Redact(*to))
		return nil
	}
	if *asSQL {
		if err := writeSQL(ctx, a.stdout, src.be.Dialect, list, schemaTables(current)); err != nil {
			return err
		}
	} else {
		printOps(a.stdout, "", list, safety.Analyze(list, src.be.Dialect, safety.Options{Current: &current}))
	}
	return errDrift
}
