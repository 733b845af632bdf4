package migrate

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
)

// lock takes the database-wide migration lock on the session's connection
// when the dialect has one ([dialect.Locker]: a PostgreSQL session
// advisory lock, a MySQL/MariaDB GET_LOCK). SQLite needs none: each
// revision's transaction takes the write lock (BEGIN IMMEDIATE) and
// re-reads the version table under it.
func (s *session) lock(ctx context.Context) error {
	l, ok := s.be.Dialect.(dialect.Locker)
	if !ok {
		return nil
	}
	unlock, err := l.Lock(ctx, s.conn, s.vt.schema, s.vt.name, s.opts.LockTimeout)
	if err != nil {
		if te := (*dialect.LockTimeoutError)(nil); errors.As(err, &te) {
			return fmt.Errorf("migrate: %w", err)
		}
		return fmt.Errorf("migrate: take the migration lock: %w", err)
	}
	s.unlock = unlock
	return nil
}
