package migrate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
)

// lock takes the database-wide migration lock on the session's connection:
// a PostgreSQL session advisory lock keyed by the version table, or a
// MySQL/MariaDB GET_LOCK named after the database and version table. SQLite
// needs none: each revision's transaction takes the write lock (BEGIN
// IMMEDIATE) and re-reads the version table under it.
func (s *session) lock(ctx context.Context) error {
	lctx := ctx
	if s.opts.LockTimeout > 0 {
		var cancel context.CancelFunc
		lctx, cancel = context.WithTimeout(ctx, s.opts.LockTimeout)
		defer cancel()
	}
	timedOut := func(err error) error {
		if ctx.Err() == nil && errors.Is(lctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("migrate: another process has held the migration lock for longer than %s: %w", s.opts.LockTimeout, err)
		}
		return fmt.Errorf("migrate: take the migration lock: %w", err)
	}
	switch s.be.Name {
	case "postgres":
		key := lockKey("retort:" + s.vt.schema + "." + s.vt.name)
		if _, err := s.conn.ExecContext(lctx, "SELECT pg_advisory_lock($1)", key); err != nil {
			return timedOut(err)
		}
		s.unlock = func(ctx context.Context) { s.conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", key) }
	case "mysql":
		var db sql.NullString
		if err := s.conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&db); err != nil {
			return fmt.Errorf("migrate: take the migration lock: %w", err)
		}
		name := fmt.Sprintf("retort:%016x", uint64(lockKey(db.String+"."+s.vt.name)))
		timeout := int64(365 * 24 * 3600)
		if s.opts.LockTimeout > 0 {
			timeout = int64(math.Ceil(s.opts.LockTimeout.Seconds()))
		}
		var got sql.NullInt64
		if err := s.conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, ?)", name, timeout).Scan(&got); err != nil {
			return timedOut(err)
		}
		if !got.Valid || got.Int64 != 1 {
			return fmt.Errorf("migrate: another process has held the migration lock %s for longer than %s", name, s.opts.LockTimeout)
		}
		s.unlock = func(ctx context.Context) { s.conn.ExecContext(ctx, "SELECT RELEASE_LOCK(?)", name) }
	}
	return nil
}

// lockKey derives a 64-bit lock key from a name (FNV-1a).
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}
