package postgres

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/introspect"
)

// schemasQuery lists the user schemas: not pg_catalog, pg_toast, the
// temporary ones nor information_schema.
const schemasQuery = `SELECT nspname FROM pg_catalog.pg_namespace
WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
ORDER BY nspname`

// Schemas returns the database's user schemas, sorted, and
// the connection's current one.
func (Inspector) Schemas(ctx context.Context, q introspect.Querier) ([]string, string, error) {
	all, cur, err := introspect.ListSchemas(ctx, q, schemasQuery, "SELECT current_schema()")
	if err != nil {
		return nil, "", fmt.Errorf("postgres: list schemas: %w", err)
	}
	return all, cur, nil
}
