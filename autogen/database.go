package autogen

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
)

// Database is a live database autogenerate reads: the connection, the
// dialect that writes its DDL (adapted to the server: MySQL or MariaDB and
// their versions) and the inspector that reads its catalog.
type Database struct {
	// DB is the connection pool.
	DB *sql.DB
	// Dialect is the database's dialect, adapted to the server.
	Dialect dialect.Dialect
	// Inspector reads its catalog.
	Inspector introspect.Inspector
	// Name names the database in errors ("inspect NAME: ..."), e.g. its
	// URL with the password redacted; empty says "the database".
	Name string
}

// Open returns the [Database] for db, of the dialect named dialectName
// ("sqlite", "postgres", "mysql" or an alias, as env.go's Dialect),
// adapted to the server db is connected to (MySQL reads its version).
func Open(ctx context.Context, db *sql.DB, dialectName string) (Database, error) {
	be, err := backend.Lookup(dialectName)
	if err != nil {
		return Database{}, fmt.Errorf("autogen: %w", err)
	}
	if be, err = be.ForServer(ctx, db); err != nil {
		return Database{}, fmt.Errorf("autogen: %w", err)
	}
	return Database{DB: db, Dialect: be.Dialect, Inspector: be.Inspector}, nil
}

// inspect reflects the database with opts.
func (d Database) inspect(ctx context.Context, opts introspect.Options) (model.Schema, error) {
	s, err := d.Inspector.Inspect(ctx, d.DB, opts)
	if err != nil {
		name := d.Name
		if name == "" {
			name = "the database"
		}
		return model.Schema{}, fmt.Errorf("inspect %s: %w", name, err)
	}
	return s, nil
}

// introspectOptions reads schema, leaving out the tables in skip.
func introspectOptions(schema string, skip []string) introspect.Options {
	opts := introspect.Options{Schema: schema}
	if len(skip) > 0 {
		opts.IncludeTable = func(name string) bool { return !slices.Contains(skip, name) }
	}
	return opts
}

// runtimeEnv returns env, or when env.go sets no Backend a copy of it
// running on d's dialect and catalog reader: the runner needs one, and
// the database autogenerate reads is of that dialect.
func (d Database) runtimeEnv(env *migrate.Env) *migrate.Env {
	if env.Backend.Dialect != nil {
		return env
	}
	withBackend := *env
	withBackend.Backend = migrate.Backend{Dialect: d.Dialect, Inspector: d.Inspector}
	return &withBackend
}
