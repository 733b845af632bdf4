package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math"
	"time"

	"github.com/retortdb/retort/dialect"
)

var (
	_ dialect.Locker      = (*Dialect)(nil)
	_ dialect.ServerProbe = (*Dialect)(nil)
)

// LockName is the name of the GET_LOCK lock that serialises runs on the
// version table table of database: "retort:" and the FNV-1a hash of
// "database.table" in 16 hex digits (lock names are at most 64
// characters). IS_USED_LOCK(name) gives the holder's connection id.
func LockName(database, table string) string {
	h := fnv.New64a()
	h.Write([]byte(database + "." + table))
	return fmt.Sprintf("retort:%016x", h.Sum64())
}

// lockForever is GET_LOCK's wait when no timeout is given: a year.
const lockForever = 365 * 24 * 3600

// Lock takes the user lock [LockName] of the connection's database
// (schema is ignored: the database is the schema) with GET_LOCK, which
// waits for timeout rounded up to whole seconds.
func (*Dialect) Lock(ctx context.Context, conn dialect.Conn, _, table string, timeout time.Duration) (func(context.Context), error) {
	var db sql.NullString
	if err := conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&db); err != nil {
		return nil, err
	}
	name := LockName(db.String, table)
	wait := int64(lockForever)
	if timeout > 0 {
		wait = int64(math.Ceil(timeout.Seconds()))
	}
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, ?)", name, wait).Scan(&got); err != nil {
		return nil, err
	}
	if !got.Valid || got.Int64 != 1 {
		return nil, &dialect.LockTimeoutError{Lock: name, Timeout: timeout}
	}
	return func(ctx context.Context) { conn.ExecContext(ctx, "SELECT RELEASE_LOCK(?)", name) }, nil
}

// ProbeServer reads SELECT VERSION() and @@collation_database in one
// query and returns the dialect for that server: its flavour (MySQL or
// MariaDB) and version decide the DDL, and the database's default
// collation decides which column collations are "the default".
func (d *Dialect) ProbeServer(ctx context.Context, q dialect.Conn) (dialect.Dialect, error) {
	rows, err := q.QueryContext(ctx, "SELECT VERSION(), @@collation_database")
	if err != nil {
		return d, fmt.Errorf("mysql: read server version: %w", err)
	}
	defer rows.Close()
	var v, collation string
	if rows.Next() {
		if err := rows.Scan(&v, &collation); err != nil {
			return d, fmt.Errorf("mysql: read server version: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("mysql: read server version: %w", err)
	}
	out := NewForVersion(v)
	out.DatabaseCollation = collation
	return out, nil
}

var _ dialect.ScratchServer = (*Dialect)(nil)

// DevURLExample is a local server's mysql database.
func (*Dialect) DevURLExample() string { return "mysql://root@localhost:3306/mysql" }

// CreateDatabaseSQL is CREATE DATABASE quoted.
func (*Dialect) CreateDatabaseSQL(quoted string) string { return "CREATE DATABASE " + quoted }

// DropDatabaseSQL is DROP DATABASE IF EXISTS quoted.
func (*Dialect) DropDatabaseSQL(quoted string) []string {
	return []string{"DROP DATABASE IF EXISTS " + quoted}
}
