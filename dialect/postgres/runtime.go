package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

var (
	_ dialect.Locker       = (*Dialect)(nil)
	_ dialect.SessionSetup = (*Dialect)(nil)
	_ dialect.ServerProbe  = (*Dialect)(nil)
)

// LockKey is the key of the session advisory lock that serialises runs
// on the version table schema.table (schema "" for the search_path's):
// the FNV-1a hash of "retort:schema.table". It finds the holder:
//
//	SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = key & 4294967295
func LockKey(schema, table string) int64 {
	h := fnv.New64a()
	h.Write([]byte("retort:" + schema + "." + table))
	return int64(h.Sum64())
}

// Lock takes the session advisory lock [LockKey] on conn. With a timeout
// it cancels the wait when the timeout runs out.
func (*Dialect) Lock(ctx context.Context, conn dialect.Conn, schema, table string, timeout time.Duration) (func(context.Context), error) {
	lctx := ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		lctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	key := LockKey(schema, table)
	if _, err := conn.ExecContext(lctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		if ctx.Err() == nil && errors.Is(lctx.Err(), context.DeadlineExceeded) {
			return nil, &dialect.LockTimeoutError{Timeout: timeout, Err: err}
		}
		return nil, err
	}
	return func(ctx context.Context) { conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", key) }, nil
}

// SetUpSession checks that schema exists and sets the session's
// search_path to it; reset runs RESET search_path.
func (*Dialect) SetUpSession(ctx context.Context, conn dialect.Conn, schema string) (func(context.Context), error) {
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_namespace WHERE nspname = $1", schema).Scan(&n); err != nil {
		return nil, fmt.Errorf("postgres: look up schema %q: %w", schema, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("postgres: schema %q does not exist; create it first: CREATE SCHEMA %s", schema, quoteIdent(schema))
	}
	if _, err := conn.ExecContext(ctx, "SET search_path TO "+quoteIdent(schema)); err != nil {
		return nil, fmt.Errorf("postgres: set search_path to schema %q: %w", schema, err)
	}
	return func(ctx context.Context) { conn.ExecContext(ctx, "RESET search_path") }, nil
}

// SessionSQL returns SET search_path TO schema.
func (*Dialect) SessionSQL(schema string) []string {
	return []string{"SET search_path TO " + quoteIdent(schema)}
}

// ProbeServer checks that q reaches PostgreSQL: SELECT version() must
// start with "PostgreSQL". The dialect needs nothing else from the server.
func (d *Dialect) ProbeServer(ctx context.Context, q dialect.Conn) (dialect.Dialect, error) {
	var v string
	if err := q.QueryRowContext(ctx, "SELECT version()").Scan(&v); err != nil {
		return d, fmt.Errorf("postgres: read server version: %w", err)
	}
	if !strings.HasPrefix(v, "PostgreSQL ") {
		return d, fmt.Errorf("postgres: %w: SELECT version() gives %q", dialect.ErrWrongServer, v)
	}
	return d, nil
}

var _ dialect.ScratchServer = (*Dialect)(nil)

// DevURLExample is a local server's maintenance database.
func (*Dialect) DevURLExample() string { return "postgres://postgres@localhost:5432/postgres" }

// CreateDatabaseSQL is CREATE DATABASE quoted.
func (*Dialect) CreateDatabaseSQL(quoted string) string { return "CREATE DATABASE " + quoted }

// DropDatabaseSQL drops the database WITH (FORCE), which ends the sessions
// still connected to it (PostgreSQL 13+), else without.
func (*Dialect) DropDatabaseSQL(quoted string) []string {
	drop := "DROP DATABASE IF EXISTS " + quoted
	return []string{drop + " WITH (FORCE)", drop}
}
