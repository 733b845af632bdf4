package migrate

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
)

// Backend is the implementation of one database kind that the runner
// uses: the dialect that writes its DDL and carries the runtime
// capabilities (lock, session set-up, server probe), and the catalog
// reader for the live tables some ops need. An application links only
// the dialect it names here:
//
//	migrations.Env.Backend = migrate.Backend{Dialect: postgres.New(), Inspector: ipostgres.Inspector{}}
//
// with packages github.com/retortdb/retort/dialect/postgres and
// github.com/retortdb/retort/introspect/postgres (or the mysql or sqlite
// ones). The retort command sets it from Env.Dialect.
type Backend struct {
	// Dialect writes the DDL. The runner asks it what it can do through
	// the optional interfaces of package dialect: [dialect.Locker],
	// [dialect.SessionSetup], [dialect.ServerProbe], [dialect.ConnSetup].
	Dialect dialect.Dialect
	// Inspector reads the catalog: the live definition of a table that a
	// SQLite rebuild or a MySQL ALTER needs, and whether the version table
	// exists.
	Inspector introspect.Inspector
}

// ErrNoBackend is wrapped by the runner's error when Env.Backend is not
// set.
var ErrNoBackend = errors.New("migrate: Env.Backend is not set")

// backend returns the Env's backend, checked against Env.Dialect.
func (e *Env) backend() (Backend, error) {
	b := e.Backend
	var want dialect.Name
	if e.Dialect != "" || b.Dialect == nil {
		n, ok := dialect.ParseName(e.Dialect)
		if !ok {
			return Backend{}, fmt.Errorf("migrate: Env.Dialect: %w", dialect.UnknownNameError(e.Dialect))
		}
		want = n
	}
	if b.Dialect == nil || b.Inspector == nil {
		name := want
		if name == "" {
			name = b.Dialect.Name()
		}
		return Backend{}, fmt.Errorf("%w: the runtime links only the dialect an application gives it; set it, e.g. "+
			"Env.Backend = migrate.Backend{Dialect: %[2]s.New(), Inspector: i%[2]s.Inspector{}} with the packages "+
			"github.com/retortdb/retort/dialect/%[2]s and github.com/retortdb/retort/introspect/%[2]s",
			ErrNoBackend, name)
	}
	if got := b.Dialect.Name(); want != "" && got != want {
		return Backend{}, fmt.Errorf("migrate: Env.Dialect is %q but Env.Backend is the %s dialect; make them agree", e.Dialect, got)
	}
	return b, nil
}

// forServer checks that conn reaches a server of the backend's kind and
// adapts the dialect to it ([dialect.ServerProbe]).
func (b Backend) forServer(ctx context.Context, conn dialect.Conn, envDialect string) (Backend, error) {
	p, ok := b.Dialect.(dialect.ServerProbe)
	if !ok {
		return b, nil
	}
	d, err := p.ProbeServer(ctx, conn)
	if err == nil {
		b.Dialect = d
		return b, nil
	}
	want := b.Dialect.Name()
	if got, ok := dialect.Identify(ctx, conn); ok && got != want {
		if envDialect == "" {
			envDialect = string(want)
		}
		return b, fmt.Errorf("migrate: Env.Dialect is %q but the database is opened with a %s driver; set Env.Dialect to %q and Env.Backend to its implementation, or open the right database", envDialect, got, got)
	}
	return b, fmt.Errorf("migrate: %w", err)
}
