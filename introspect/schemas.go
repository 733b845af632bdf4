package introspect

import (
	"context"
	"fmt"
)

// SchemaLister is implemented by inspectors of databases with schemas
// (PostgreSQL schemas, MySQL databases): it lists them, for
// autogenerate's IncludeSchemas: []string{diff.AllSchemas}.
type SchemaLister interface {
	// Schemas returns the names of the database's user schemas (the
	// server's own catalogs left out), sorted, and the connection's current
	// one (what Inspect reads with an empty Options.Schema).
	Schemas(ctx context.Context, q Querier) (all []string, current string, err error)
}

// ListSchemas runs query on q: schema names, one per row; and
// currentQuery, the current schema's name in one row.
func ListSchemas(ctx context.Context, q Querier, query, currentQuery string) ([]string, string, error) {
	all, err := names(ctx, q, query)
	if err != nil {
		return nil, "", err
	}
	cur, err := names(ctx, q, currentQuery)
	if err != nil {
		return nil, "", err
	}
	if len(cur) != 1 {
		return nil, "", fmt.Errorf("the current schema query returned %d rows", len(cur))
	}
	return all, cur[0], nil
}

// names reads one text column.
func names(ctx context.Context, q Querier, query string) ([]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
