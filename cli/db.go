package cli

import (
	"context"
	"database/sql"
	"errors"
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
	// missing reports a SQLite file that does not exist yet, read as an
	// empty database (emptyIfMissing).
	missing bool
}

// openMode says whether opening a database may create it.
type openMode int

const (
	// mayCreate opens a SQLite file, creating it when missing (upgrade, stamp).
	mayCreate openMode = iota
	// mustExist fails on a SQLite file that is missing: commands that
	// only read never leave an empty database behind a typo.
	mustExist
	// emptyIfMissing reads a missing SQLite file as an empty database,
	// without creating it (revision --autogenerate before the first upgrade).
	emptyIfMissing
)

// openDatabase opens url and looks up its backend.
func openDatabase(ctx context.Context, url string, mode openMode) (*database, error) {
	open := dburl.Open
	if mode == mustExist {
		open = dburl.OpenExisting
	}
	if mode == emptyIfMissing {
		if cfg, err := dburl.Parse(url); err == nil && !dburl.Exists(cfg) {
			d, err := openDatabase(ctx, "sqlite://:memory:", mayCreate)
			if err == nil {
				d.cfg = cfg
				d.missing = true
			}
			return d, err
		}
	}
	db, cfg, err := open(ctx, url)
	if errors.Is(err, dburl.ErrNotExist) {
		return nil, fmt.Errorf("%w; read-only commands do not create it (`retort upgrade head` does)", err)
	}
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
