package cli

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// database is an open connection with its dialect's implementations.
type database struct {
	db  *sql.DB
	cfg dburl.Config
	be  backend.Backend
}

// openDatabase opens url and looks up its backend.
func openDatabase(ctx context.Context, url string) (*database, error) {
	db, cfg, err := dburl.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	be, err := backend.Lookup(cfg.Dialect)
	if err == nil {
		be, err = be.ForServer(ctx, db)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &database{db: db, cfg: cfg, be: be}, nil
}

func (d *database) Close() error { return d.db.Close() }

// gen is the database as autogen reads it.
func (d *database) gen() autogen.Database {
	return autogen.Database{DB: d.db, Dialect: d.be.Dialect, Inspector: d.be.Inspector, Name: dburl.Redact(d.cfg.URL)}
}

// inspect reflects the database, leaving out the runner's own tables.
func (d *database) inspect(ctx context.Context, schema string, skip []string) (model.Schema, error) {
	opts := introspect.Options{Schema: schema}
	if len(skip) > 0 {
		opts.IncludeTable = func(name string) bool { return !slices.Contains(skip, name) }
	}
	return d.inspectWith(ctx, opts)
}

// inspectWith reflects the database with opts.
func (d *database) inspectWith(ctx context.Context, opts introspect.Options) (model.Schema, error) {
	s, err := d.be.Inspector.Inspect(ctx, d.db, opts)
	if err != nil {
		return model.Schema{}, fmt.Errorf("inspect %s: %w", dburl.Redact(d.cfg.URL), err)
	}
	return s, nil
}
