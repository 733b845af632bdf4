package postgres

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// readExtensions reads every extension of the database (extensions are
// the database's, not a schema's).
func readExtensions(ctx context.Context, q introspect.Querier, schema string) ([]model.Extension, error) {
	var out []model.Extension
	err := query(ctx, q, "extensions", extensionsQuery, []any{schema}, func(rows *sql.Rows) error {
		var e model.Extension
		if err := rows.Scan(&e.Name, &e.Schema, &e.Version); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}
