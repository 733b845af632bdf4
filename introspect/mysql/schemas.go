package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/introspect"
)

// schemasQuery lists the databases the user sees, the server's own left
// out.
const schemasQuery = `SELECT schema_name FROM information_schema.schemata
WHERE schema_name NOT IN ('mysql', 'sys', 'performance_schema', 'information_schema')
ORDER BY schema_name`

// Schemas returns the databases the connection's user sees (the server's
// own left out), sorted, and
// the connection's current one.
func (Inspector) Schemas(ctx context.Context, q introspect.Querier) ([]string, string, error) {
	all, cur, err := introspect.ListSchemas(ctx, q, schemasQuery, "SELECT DATABASE()")
	if err != nil {
		return nil, "", fmt.Errorf("mysql: list schemas: %w", err)
	}
	return all, cur, nil
}
