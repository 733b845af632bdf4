package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/migrate"
)

func runUpgrade(ctx context.Context, a *app, args []string) error {
	return a.runMigrate(ctx, "upgrade", args, migrate.Up)
}

func runDowngrade(ctx context.Context, a *app, args []string) error {
	return a.runMigrate(ctx, "downgrade", args, migrate.Down)
}

// runMigrate applies revisions up or down to a target, or prints their SQL.
func (a *app) runMigrate(ctx context.Context, name string, args []string, dir migrate.Direction) error {
	fs := newFlags(name)
	url := fs.String("url", "", "database URL")
	asSQL := fs.Bool("sql", false, "print the SQL instead of running it ([FROM:]TO, no connection)")
	quiet := fs.Bool("quiet", false, "print only warnings and errors")
	fs.BoolVar(quiet, "q", false, "print only warnings and errors")
	perRun := fs.Bool("one-transaction", false, "run every revision in one transaction (transactional DDL only)")
	fs.String("dir", "migrations", "migrations directory")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one target (head, base, a revision id, +N, -N)")
	}
	target := pos[0]
	if *asSQL {
		from, to, ok := strings.Cut(target, ":")
		if !ok {
			from, to = "", target
		}
		out, err := migrate.SQL(ctx, a.env, from, to, dir)
		if err != nil {
			return err
		}
		fmt.Fprint(a.stdout, out)
		return nil
	}
	d, err := a.envDatabase(ctx, *url)
	if err != nil {
		return err
	}
	defer d.Close()
	opts := migrate.Options{Logger: newLogger(a.stderr, *quiet)}
	if *perRun {
		opts.Transaction = migrate.TxPerRun
	}
	run := migrate.Upgrade
	if dir == migrate.Down {
		run = migrate.Downgrade
	}
	res, err := run(ctx, d.db, a.env, target, opts)
	if err != nil {
		return err
	}
	if len(res.Applied) == 0 {
		fmt.Fprintf(a.stdout, "Nothing to do: the database is at %s.\n", idList(res.After))
		return nil
	}
	if !*quiet {
		fmt.Fprintf(a.stdout, "%s: %d revision(s) applied; the database is at %s.\n", name, len(res.Applied), idList(res.After))
	}
	return nil
}

func runStamp(ctx context.Context, a *app, args []string) error {
	fs := newFlags("stamp")
	url := fs.String("url", "", "database URL")
	purge := fs.Bool("purge", false, "replace a version table naming revisions this package lacks")
	fs.String("dir", "migrations", "migrations directory")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one target (head, base, a revision id)")
	}
	d, err := a.envDatabase(ctx, *url)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := migrate.Stamp(ctx, d.db, a.env, pos[0], migrate.Options{Purge: *purge, Logger: newLogger(a.stderr, false)}); err != nil {
		return err
	}
	current, err := migrate.Current(ctx, d.db, a.env)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Stamped: the database is at %s.\n", idList(current))
	return nil
}
