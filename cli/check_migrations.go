package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// checkMigrations checks the revision files themselves on a scratch
// database: every revision's downgrade undoes its upgrade, head matches
// the models, downgrading to base leaves no tables, and upgrading again
// works. It prints one line per check and returns errDrift (exit 1) when
// one fails.
func (a *app) checkMigrations(ctx context.Context, devURL string) error {
	be, err := backend.Lookup(a.env.Dialect)
	if err != nil {
		return fmt.Errorf("env.go Dialect: %w", err)
	}
	g, err := a.graph()
	if err != nil {
		return err
	}
	if g == nil {
		fmt.Fprintln(a.stdout, "No revisions to check.")
		return nil
	}
	scratch, cleanup, err := a.scratchDatabase(ctx, be.Name, devURL)
	if err != nil {
		return err
	}
	defer cleanup()
	d, err := openDatabase(ctx, scratch.url)
	if err != nil {
		return err
	}
	defer d.Close()
	env := *a.env
	if be.Name == "mysql" {
		env.Schema = "" // the scratch database is the connection's own
	}
	if env.Schema != "" {
		if _, err := d.db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+d.be.Dialect.QuoteIdent(env.Schema)); err != nil {
			return fmt.Errorf("scratch database: create schema %s: %w", env.Schema, err)
		}
	}
	saved := a.env
	a.env = &env
	defer func() { a.env = saved }()

	c := &migrationCheck{a: a, d: d, g: g, w: a.stdout}
	fmt.Fprintf(a.stdout, "Checking %d revision(s) on a scratch %s database (%s):\n", g.Len(), be.Name, scratch.shown)
	if c.run(ctx) {
		fmt.Fprintln(a.stdout, "The migrations are consistent.")
		return nil
	}
	fmt.Fprintf(a.stdout, "%d check(s) failed.\n", c.failed)
	return errDrift
}

// migrationCheck is one run of `retort check --migrations`.
type migrationCheck struct {
	a      *app
	d      *database
	g      *migrate.Graph
	w      io.Writer
	failed int
}

func (c *migrationCheck) ok(what string) { fmt.Fprintf(c.w, "  ok    %s\n", what) }

func (c *migrationCheck) fail(what string, detail ...string) {
	c.failed++
	fmt.Fprintf(c.w, "  FAIL  %s\n", what)
	for _, d := range detail {
		for _, l := range strings.Split(strings.TrimRight(d, "\n"), "\n") {
			fmt.Fprintf(c.w, "          %s\n", strings.TrimSpace(l))
		}
	}
}

func (c *migrationCheck) opts() migrate.Options {
	return migrate.Options{Logger: newLogger(io.Discard, true)}
}

func (c *migrationCheck) upgrade(ctx context.Context, target string) error {
	_, err := migrate.Upgrade(ctx, c.d.db, c.a.env, target, c.opts())
	return err
}

func (c *migrationCheck) downgrade(ctx context.Context, target string) error {
	_, err := migrate.Downgrade(ctx, c.d.db, c.a.env, target, c.opts())
	return err
}

func (c *migrationCheck) inspect(ctx context.Context) (model.Schema, error) {
	return c.d.inspect(ctx, c.a.env.Schema, c.a.env.RunnerTables())
}

// run runs the checks and reports whether all passed; it stops at the
// first revision that does not apply.
func (c *migrationCheck) run(ctx context.Context) bool {
	steps, err := c.g.Plan(migrate.Up, nil, c.g.Heads())
	if err != nil {
		c.fail("plan base -> heads", err.Error())
		return false
	}
	for _, st := range steps {
		if !c.roundTrip(ctx, st) {
			return false
		}
	}
	if ops, _, err := c.a.compareModels(ctx, c.d); err != nil {
		c.fail("compare head with the models", err.Error())
	} else if len(ops) > 0 {
		c.fail("head does not match the models; the revisions would need:", describeAll(ops)...)
	} else {
		c.ok("head matches the models")
	}
	if err := c.downgrade(ctx, "base"); err != nil {
		c.fail("downgrade head -> base", err.Error())
		return false
	}
	if s, err := c.inspect(ctx); err != nil {
		c.fail("inspect after downgrade to base", err.Error())
	} else if left := leftovers(s); len(left) > 0 {
		c.fail("downgrade to base leaves objects behind:", left...)
	} else {
		c.ok("downgrade head -> base leaves no tables")
	}
	if err := c.upgrade(ctx, "heads"); err != nil {
		c.fail("upgrade base -> head again", err.Error())
		return false
	}
	c.ok("upgrade base -> head again")
	return c.failed == 0
}

// roundTrip applies one revision, undoes it and applies it again, and
// checks the undo restored the schema. Merge revisions and revisions that
// start a branch beside other heads are only applied.
func (c *migrationCheck) roundTrip(ctx context.Context, st migrate.Step) bool {
	r := st.Revision
	name := r.ID + " " + r.Message
	before, err := c.inspect(ctx)
	if err != nil {
		c.fail(name, "inspect: "+err.Error())
		return false
	}
	cur, err := migrate.Current(ctx, c.d.db, c.a.env)
	if err != nil {
		c.fail(name, err.Error())
		return false
	}
	if err := c.upgrade(ctx, r.ID); err != nil {
		c.fail(name+": upgrade fails", err.Error())
		return false
	}
	after, err := migrate.Current(ctx, c.d.db, c.a.env)
	if err != nil {
		c.fail(name, err.Error())
		return false
	}
	if len(cur) > 1 || !slices.Equal(after, []string{r.ID}) {
		c.ok(name + ": upgrade (merge or branch: downgrade checked from base only)")
		return true
	}
	back := "base"
	if len(cur) == 1 {
		back = cur[0]
	}
	if err := c.downgrade(ctx, back); err != nil {
		c.fail(name+": downgrade fails", err.Error())
		return false
	}
	undone, err := c.inspect(ctx)
	if err != nil {
		c.fail(name, "inspect: "+err.Error())
		return false
	}
	rest, err := diff.Compare(undone, before, c.d.be.Dialect, diff.Options{})
	switch {
	case err != nil:
		c.fail(name+": compare before upgrade and after downgrade", err.Error())
	case len(rest) > 0:
		c.fail(name+": the downgrade does not undo the upgrade; to get back it would also need:", describeAll(rest)...)
	}
	if err := c.upgrade(ctx, r.ID); err != nil {
		c.fail(name+": upgrade after downgrade fails", err.Error())
		return false
	}
	if len(rest) == 0 && err == nil {
		c.ok(name + ": upgrade, downgrade, upgrade")
	}
	return true
}

func describeAll(list []ops.Op) []string {
	out := make([]string, len(list))
	for i, op := range list {
		out[i] = ops.Describe(op)
	}
	return out
}

// leftovers names the tables and enums of s.
func leftovers(s model.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, "table "+t.QualifiedName())
	}
	for _, e := range s.Enums {
		out = append(out, "enum "+qualify(e.Schema, e.Name))
	}
	return out
}

// scratch is a throwaway database.
type scratch struct {
	url   string
	shown string
}

// scratchDatabase creates an empty database of the dialect: a SQLite file
// in a temporary directory, or a database named retort_check_<hex> on the
// devURL server. cleanup removes it.
func (a *app) scratchDatabase(ctx context.Context, dialect, devURL string) (scratch, func(), error) {
	if dialect == "sqlite" {
		dir, err := os.MkdirTemp("", "retort-check-")
		if err != nil {
			return scratch{}, nil, err
		}
		p := filepath.Join(dir, "scratch.db")
		return scratch{url: "sqlite://" + filepath.ToSlash(p), shown: "temporary file"}, func() { os.RemoveAll(dir) }, nil
	}
	if devURL == "" {
		return scratch{}, nil, usagef("--migrations on %s needs --dev-url: a server URL on which retort may create and drop a scratch database, e.g. %s",
			dialect, map[string]string{"postgres": "postgres://postgres@localhost:5432/postgres", "mysql": "mysql://root@localhost:3306/mysql"}[dialect])
	}
	admin, cfg, err := dburl.Open(ctx, devURL)
	if err != nil {
		return scratch{}, nil, fmt.Errorf("--dev-url: %w", err)
	}
	if !sameDialect(dialect, cfg.Dialect) {
		admin.Close()
		return scratch{}, nil, usagef("--dev-url is a %s server but env.go says Dialect %q", cfg.Dialect, dialect)
	}
	be, err := backend.Lookup(cfg.Dialect)
	if err != nil {
		admin.Close()
		return scratch{}, nil, err
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		admin.Close()
		return scratch{}, nil, err
	}
	name := "retort_check_" + hex.EncodeToString(b[:])
	q := be.Dialect.QuoteIdent(name)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+q); err != nil {
		admin.Close()
		return scratch{}, nil, fmt.Errorf("--dev-url %s: create database %s: %w", dburl.Redact(devURL), name, err)
	}
	u, err := url.Parse(devURL)
	if err != nil {
		admin.Close()
		return scratch{}, nil, fmt.Errorf("--dev-url: %w", err)
	}
	u.Path = "/" + name
	cleanup := func() {
		defer admin.Close()
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		drop := "DROP DATABASE IF EXISTS " + q
		if cfg.Dialect == "postgres" {
			if _, err := admin.ExecContext(dctx, drop+" WITH (FORCE)"); err == nil {
				return
			}
		}
		if _, err := admin.ExecContext(dctx, drop); err != nil {
			fmt.Fprintf(a.stderr, "warning: could not drop the scratch database %s: %v; drop it by hand\n", name, err)
		}
	}
	return scratch{url: u.String(), shown: "database " + name + " on " + dburl.Redact(devURL) + ", dropped afterwards"}, cleanup, nil
}
