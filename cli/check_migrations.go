package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/dburl"
)

// checkMigrations checks the revision files themselves on a scratch
// database (see [autogen.CheckMigrations]). It prints one line per check
// and returns errDrift (exit 1) when one fails.
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
	scratch, cleanup, err := a.scratchDatabase(ctx, be, devURL)
	if err != nil {
		return err
	}
	defer cleanup()
	d, err := openDatabase(ctx, scratch.url, mayCreate)
	if err != nil {
		return err
	}
	defer d.Close()
	// The scratch database gets its own copy of the Env.
	env := *a.env
	if _, ok := d.be.Dialect.(dialect.SessionSetup); !ok {
		env.Schema = "" // no schemas: the scratch database is the connection's own
	}
	if env.Schema != "" {
		if _, err := d.db.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+d.be.Dialect.QuoteIdent(env.Schema)); err != nil {
			return fmt.Errorf("scratch database: create schema %s: %w", env.Schema, err)
		}
	}
	fmt.Fprintf(a.stdout, "Checking %d revision(s) on a scratch %s database (%s):\n", g.Len(), be.Name, scratch.shown)
	rep, err := autogen.CheckMigrations(ctx, d.gen(), &env, a.autogenOptions(false))
	if err != nil {
		return err
	}
	for _, c := range rep.Checks {
		if !c.Failed {
			fmt.Fprintf(a.stdout, "  ok    %s\n", c.What)
			continue
		}
		fmt.Fprintf(a.stdout, "  FAIL  %s\n", c.What)
		for _, l := range c.Detail {
			fmt.Fprintf(a.stdout, "          %s\n", l)
		}
	}
	if n := rep.Failed(); n > 0 {
		fmt.Fprintf(a.stdout, "%d check(s) failed.\n", n)
		return errDrift
	}
	fmt.Fprintln(a.stdout, "The migrations are consistent.")
	return nil
}

// scratch is a throwaway database.
type scratch struct {
	url   string
	shown string
}

// scratchDatabase creates an empty database of be's dialect: a file in a
// temporary directory ([dialect.ScratchFile]), or a database named
// retort_check_<hex> on the devURL server ([dialect.ScratchServer]).
// cleanup removes it.
func (a *app) scratchDatabase(ctx context.Context, be backend.Backend, devURL string) (scratch, func(), error) {
	if f, ok := be.Dialect.(dialect.ScratchFile); ok {
		dir, err := os.MkdirTemp("", "retort-check-")
		if err != nil {
			return scratch{}, nil, err
		}
		return scratch{url: f.ScratchFileURL(filepath.Join(dir, "scratch.db")), shown: "temporary file"}, func() { os.RemoveAll(dir) }, nil
	}
	srv, ok := be.Dialect.(dialect.ScratchServer)
	if !ok {
		return scratch{}, nil, fmt.Errorf("--migrations: the %s dialect cannot make a scratch database", be.Name)
	}
	if devURL == "" {
		return scratch{}, nil, usagef("--migrations on %s needs --dev-url: a server URL on which retort may create and drop a scratch database, e.g. %s",
			be.Name, srv.DevURLExample())
	}
	admin, cfg, err := dburl.Open(ctx, devURL)
	if err != nil {
		return scratch{}, nil, fmt.Errorf("--dev-url: %w", err)
	}
	if !sameDialect(be.Name, cfg.Dialect) {
		admin.Close()
		return scratch{}, nil, usagef("--dev-url is a %s server but env.go says Dialect %q", cfg.Dialect, be.Name)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		admin.Close()
		return scratch{}, nil, err
	}
	name := "retort_check_" + hex.EncodeToString(b[:])
	q := be.Dialect.QuoteIdent(name)
	if _, err := admin.ExecContext(ctx, srv.CreateDatabaseSQL(q)); err != nil {
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
		var err error
		for _, drop := range srv.DropDatabaseSQL(q) {
			if _, err = admin.ExecContext(dctx, drop); err == nil {
				return
			}
		}
		fmt.Fprintf(a.stderr, "warning: could not drop the scratch database %s: %v; drop it by hand\n", name, err)
	}
	return scratch{url: u.String(), shown: "database " + name + " on " + dburl.Redact(devURL) + ", dropped afterwards"}, cleanup, nil
}
