package converge

import (
	"context"
	"fmt"
)

// Dump renders the schema of the database at dbURL with the server's own
// tools, independently of retort's inspector: two databases whose dumps are
// equal hold the same schema, as far as the dump sees (doc.go says what each
// dump leaves out).
func Dump(ctx context.Context, d Dialect, dbURL string) (string, error) {
	switch d {
	case Postgres:
		return dumpPostgres(ctx, dbURL)
	case MySQL:
		return dumpMySQL(ctx, dbURL)
	case SQLite:
		return dumpSQLite(ctx, dbURL)
	}
	return "", fmt.Errorf("converge: unknown dialect %q", d)
}
