package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/dburl"
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
	fs := a.newFlags(name)
	var urls, schemas stringList
	fs.Var(&urls, "url", "the database `URL` (default: $RETORT_DATABASE_URL, else $DATABASE_URL); repeat for several tenants")
	fs.Var(&schemas, "schema", "the PostgreSQL `SCHEMA` to migrate instead of env.go's; repeat for several tenants")
	jobs := fs.Int("j", 4, "how many tenants (--url × --schema) are migrated at once")
	asSQL := fs.Bool("sql", false, "print the SQL instead of running it; needs no connection (TARGET may be FROM:TO)")
	quiet := fs.Bool("quiet", false, "print only warnings and errors")
	fs.BoolVar(quiet, "q", false, "print only warnings and errors")
	perRun := fs.Bool("one-transaction", false, "run all the revisions in one transaction, so a failure leaves the database as before the run (dialects with transactional DDL: PostgreSQL, SQLite)")
	allowDataLoss := fs.Bool("allow-data-loss", false, "run revisions whose data-loss findings are not marked Reviewed in their file")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one target (head, base, a revision id, +N, -N)")
	}
	target := pos[0]
	if *asSQL {
		return a.printMigrateSQL(ctx, target, dir, schemas)
	}
	opts := migrate.Options{AllowDataLoss: *allowDataLoss}
	if *perRun {
		opts.Transaction = migrate.TxPerRun
	}
	ts, err := a.tenants(urls, schemas)
	if err != nil {
		return err
	}
	if len(ts) == 1 {
		opts.Logger = newLogger(a.stderr, *quiet)
		res, err := a.migrateTenant(ctx, ts[0], dir, target, opts)
		var refused *migrate.DataLossError
		if errors.As(err, &refused) {
			a.refusal(name, refused)
			return errDrift
		}
		if err != nil {
			return a.mergeHint(err)
		}
		if len(res.Applied) == 0 {
			fmt.Fprintf(a.stdout, "Nothing to do: the database is at %s.\n", idList(res.After))
		} else if !*quiet {
			fmt.Fprintf(a.stdout, "%s: %d revision(s) applied; the database is at %s.\n", name, len(res.Applied), idList(res.After))
		}
		return nil
	}
	if *jobs < 1 {
		return usagef("-j must be at least 1")
	}
	return a.migrateTenants(ctx, ts, name, dir, target, opts, *jobs, *quiet)
}

// mergeHint adds to a multiple-heads error the two ways out: apply every
// head, or merge them into one.
func (a *app) mergeHint(err error) error {
	if !errors.Is(err, migrate.ErrMultipleHeads) {
		return err
	}
	heads := []string{"heads"}
	if g, gerr := a.graph(); gerr == nil && g != nil && len(g.Heads()) > 1 {
		heads = g.Heads()
	}
	return fmt.Errorf("%w\nThe migrations have %d heads (two revisions were written on the same parent). Apply them all with `retort upgrade heads`, or join them with `retort merge -m \"merge heads\" %s` and then `retort upgrade head`", err, max(len(heads), 2), strings.Join(heads, " "))
}

// tenant is one database (and PostgreSQL schema) a run migrates.
type tenant struct {
	url    string
	schema string
}

func (t tenant) String() string {
	if t.schema == "" {
		return dburl.Redact(t.url)
	}
	return dburl.Redact(t.url) + " schema " + t.schema
}

// tenants pairs every URL with every schema (none: the Env's).
func (a *app) tenants(urls, schemas []string) ([]tenant, error) {
	if len(urls) == 0 {
		u, err := a.databaseURL("")
		if err != nil {
			return nil, usagef("%v", err)
		}
		urls = []string{u}
	}
	if len(schemas) == 0 {
		schemas = []string{a.env.Schema}
	}
	var ts []tenant
	for _, u := range urls {
		for _, s := range schemas {
			ts = append(ts, tenant{url: u, schema: s})
		}
	}
	return ts, nil
}

func (a *app) migrateTenant(ctx context.Context, t tenant, dir migrate.Direction, target string, opts migrate.Options) (migrate.Result, error) {
	mode := mayCreate
	if dir == migrate.Down {
		mode = mustExist
	}
	d, err := a.envDatabase(ctx, t.url, mode)
	if err != nil {
		return migrate.Result{}, err
	}
	defer d.Close()
	env := a.env
	if t.schema != env.Schema {
		copied := *a.env
		copied.Schema = t.schema
		env = &copied
	}
	if dir == migrate.Down {
		return migrate.Downgrade(ctx, d.db, env, target, opts)
	}
	return migrate.Upgrade(ctx, d.db, env, target, opts)
}

// migrateTenants runs every tenant, jobs at a time, and reports each one;
// one tenant's failure does not stop or hide the others.
func (a *app) migrateTenants(ctx context.Context, ts []tenant, name string, dir migrate.Direction, target string, opts migrate.Options, jobs int, quiet bool) error {
	type outcome struct {
		res migrate.Result
		err error
	}
	out := make([]outcome, len(ts))
	logger := newLogger(a.stderr, quiet)
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, t := range ts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			o := opts
			o.Logger = logger.With("tenant", t.String())
			res, err := a.migrateTenant(ctx, t, dir, target, o)
			out[i] = outcome{res, err}
		}()
	}
	wg.Wait()
	failed := 0
	for i, t := range ts {
		switch o := out[i]; {
		case o.err != nil:
			failed++
			fmt.Fprintf(a.stdout, "FAILED  %s: %v\n", t, o.err)
		case len(o.res.Applied) == 0:
			fmt.Fprintf(a.stdout, "ok      %s: nothing to do, at %s\n", t, idList(o.res.After))
		default:
			fmt.Fprintf(a.stdout, "ok      %s: %d revision(s) applied, at %s\n", t, len(o.res.Applied), idList(o.res.After))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%s failed on %d of %d tenants (listed above)", name, failed, len(ts))
	}
	return nil
}

func runStamp(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("stamp")
	url := fs.String("url", "", "the database `URL` (default: $RETORT_DATABASE_URL, else $DATABASE_URL)")
	asSQL := fs.Bool("sql", false, "print the SQL that sets the version table instead of running it; needs no connection")
	schema := fs.String("schema", "", schemaFlagUsage)
	purge := fs.Bool("purge", false, "replace a version table that names revisions this package does not have, instead of failing")
	partial := fs.Int("partial", -1, "record that the first `N` ops of REV are applied (MySQL/MariaDB, after an interrupted run)")
	down := fs.Bool("downgrade", false, "with --partial: N ops of REV's downgrade are applied")
	fs.String("dir", "migrations", "the migrations package `DIR`; $RETORT_DIR sets it too")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one target (head, base, a revision id)")
	}
	if *down && *partial < 0 {
		return usagef("--downgrade goes with --partial N")
	}
	if *asSQL && *partial >= 0 {
		return usagef("--partial records progress on a live database; it has no --sql form")
	}
	env := a.envIn(*schema)
	if *asSQL {
		out, err := migrate.StampSQL(ctx, env, pos[0])
		if err != nil {
			return a.mergeHint(err)
		}
		fmt.Fprint(a.stdout, out)
		return nil
	}
	d, err := a.envDatabase(ctx, *url, mayCreate)
	if err != nil {
		return err
	}
	defer d.Close()
	opts := migrate.Options{Purge: *purge, Logger: newLogger(a.stderr, false)}
	if *partial >= 0 {
		dir := migrate.Up
		if *down {
			dir = migrate.Down
		}
		err = migrate.StampPartial(ctx, d.db, env, pos[0], dir, *partial, opts)
	} else {
		err = migrate.Stamp(ctx, d.db, env, pos[0], opts)
	}
	if err != nil {
		return err
	}
	current, err := migrate.Current(ctx, d.db, env)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Stamped: the database is at %s.\n", idList(current))
	ps, err := migrate.Partials(ctx, d.db, env)
	if err != nil {
		return err
	}
	for _, p := range ps {
		fmt.Fprintf(a.stdout, "%s\n", partialText(p))
	}
	return nil
}
