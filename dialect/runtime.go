package dialect

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Conn is a connection the runtime capabilities run their SQL on.
// *sql.Conn, *sql.DB and *sql.Tx implement it.
type Conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Locker is implemented by dialects that serialise migration runs with a
// database-wide lock held by one session: PostgreSQL's advisory locks,
// MySQL's GET_LOCK. A dialect without it relies on its transactions
// (SQLite: each revision's BEGIN IMMEDIATE takes the write lock, and the
// runner re-reads the version table under it).
type Locker interface {
	// Lock takes the migration lock of the version table schema.table
	// (schema "" for the connection's own) on conn, and returns the func
	// that releases it. It waits while another session holds the lock:
	// until ctx is done, or for about timeout when it is positive, after
	// which it fails with a [*LockTimeoutError]. The lock's identity is
	// the dialect's and must not change between releases: two versions of
	// an application migrating at once must exclude each other.
	Lock(ctx context.Context, conn Conn, schema, table string, timeout time.Duration) (unlock func(context.Context), err error)
}

// LockTimeoutError is a [Locker]'s error when another session held the
// lock for longer than the timeout.
type LockTimeoutError struct {
	// Lock names the lock as the server knows it, when that helps an
	// operator find its holder (MySQL's lock name); else "".
	Lock string
	// Timeout is the wait that ran out.
	Timeout time.Duration
	// Err is the driver's error, if any.
	Err error
}

// Error says that another process holds the migration lock.
func (e *LockTimeoutError) Error() string {
	s := "another process has held the migration lock"
	if e.Lock != "" {
		s += " " + e.Lock
	}
	s += " for longer than " + e.Timeout.String()
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns Err.
func (e *LockTimeoutError) Unwrap() error { return e.Err }

// SessionSetup is implemented by dialects that can confine a migration
// session to one named schema of the database (PostgreSQL's search_path).
// The runner then keeps its version table in that schema (Env.Schema) and
// runs the revisions there. Dialects without it have one namespace per
// connection (a MySQL schema is the connection's database) and ignore
// Env.Schema.
type SessionSetup interface {
	// SetUpSession checks that schema exists and makes it the default of
	// the session on conn. reset restores the session's default before
	// the connection goes back to its pool; it runs even after a failed
	// run, on a context that is not cancelled.
	SetUpSession(ctx context.Context, conn Conn, schema string) (reset func(context.Context), err error)
	// SessionSQL returns the statements that make schema the session's
	// default in an offline SQL script.
	SessionSQL(schema string) []string
}

// ErrWrongServer is wrapped by a [ServerProbe]'s error when the server is
// not of the dialect's kind.
var ErrWrongServer = errors.New("dialect: the database is of another kind")

// ServerProbe is implemented by dialects that read the server a
// connection reaches before running anything on it: to refuse a database
// of another kind, and to adapt to the server's flavour and version
// (MySQL or MariaDB, and which DDL they accept).
type ServerProbe interface {
	// ProbeServer returns the dialect adapted to the server q reaches.
	// When q reaches a server of another kind it fails, with an error
	// wrapping [ErrWrongServer] when it could tell.
	ProbeServer(ctx context.Context, q Conn) (Dialect, error)
}

// Identify names the kind of server q reaches, for the error of a
// [ServerProbe] that refused it: SELECT version() answers on PostgreSQL
// ("PostgreSQL 15.4 on ...") and on MySQL and MariaDB, SELECT
// sqlite_version() on SQLite. ok is false when neither answers as one of
// them. The query the server does not know fails, so call it only once a
// probe has failed.
func Identify(ctx context.Context, q Conn) (n Name, ok bool) {
	var v string
	if err := q.QueryRowContext(ctx, "SELECT version()").Scan(&v); err == nil {
		if strings.HasPrefix(v, "PostgreSQL ") {
			return Postgres, true
		}
		if len(v) > 0 && v[0] >= '0' && v[0] <= '9' {
			return MySQL, true
		}
		return "", false
	}
	if err := q.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&v); err == nil {
		return SQLite, true
	}
	return "", false
}
