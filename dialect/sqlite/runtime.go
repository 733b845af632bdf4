package sqlite

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/retortdb/retort/dialect"
)

var _ dialect.ServerProbe = (*Dialect)(nil)

// ProbeServer checks that q reaches SQLite: only SQLite answers SELECT
// sqlite_version().
func (d *Dialect) ProbeServer(ctx context.Context, q dialect.Conn) (dialect.Dialect, error) {
	var v string
	if err := q.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&v); err != nil {
		return d, fmt.Errorf("sqlite: read the SQLite version: %w", err)
	}
	return d, nil
}

var _ dialect.ScratchFile = (*Dialect)(nil)

// ScratchFileURL returns the sqlite:// URL of the database file at path.
func (*Dialect) ScratchFileURL(path string) string { return "sqlite://" + filepath.ToSlash(path) }
