package dialect

import (
	"context"
	"database/sql"
)

// Querier runs a query: *sql.DB, *sql.Conn and *sql.Tx implement it.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// CatalogQuerier is implemented by a [TableSource] that can also query
// the catalog of the connection the ops run on, for what a dialect's model
// does not hold: SQLite's triggers, which a table rebuild drops with the
// old table and must create again. [WithCatalog] makes one.
type CatalogQuerier interface {
	// CatalogStrings runs query and returns the first column of each row.
	CatalogStrings(ctx context.Context, query string, args ...any) ([]string, error)
}

// WithCatalog returns src, answering catalog queries too ([CatalogQuerier])
// on the querier q returns when it is asked (the connection or
// transaction the ops run on).
func WithCatalog(src TableSource, q func() Querier) TableSource {
	return catalogSource{TableSource: src, q: q}
}

// catalogSource is a TableSource that also answers catalog queries.
type catalogSource struct {
	TableSource
	q func() Querier
}

// CatalogStrings runs query on the source's querier.
func (c catalogSource) CatalogStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := c.q().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s.String)
	}
	return out, rows.Err()
}
