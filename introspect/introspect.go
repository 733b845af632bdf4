package introspect

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/model"
)

// Querier runs catalog queries. *sql.DB, *sql.Tx and *sql.Conn satisfy it.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Options says what to read.
type Options struct {
	// Schema is the schema (PostgreSQL) or database (MySQL) to read; empty
	// means the connection's current one. Tables in it are reflected with
	// Table.Schema == "" so they compare with models that name no schema.
	Schema string
	// IncludeTable, when set, is asked about every table before anything of
	// it is read; tables it refuses are never read. The version table is
	// refused by the caller through it.
	IncludeTable func(name string) bool
}

// Includes reports whether the options admit the table.
func (o Options) Includes(name string) bool {
	return o.IncludeTable == nil || o.IncludeTable(name)
}

// Inspector reads a catalog.
type Inspector interface {
	// Inspect reads every admitted table, with its columns, keys, indexes,
	// constraints, and the enum types they use.
	Inspect(ctx context.Context, q Querier, opts Options) (model.Schema, error)
}
