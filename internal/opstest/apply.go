// Package opstest runs ops on a test database the way the runner does,
// without a version table, for tests that apply what diff generates.
// (It is not part of testdb: testdb is imported by the dialect packages'
// own tests, and this package imports every dialect.)
package opstest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Apply runs ops on db as the runner would, without a version table: the
// dialect's connection setup around one transaction (where DDL is
// transactional), live table definitions read through that transaction for
// rebuilds. A failing op fails the test, naming the op and its SQL.
func Apply(t testing.TB, db *sql.DB, be backend.Backend, list []ops.Op) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	exec := func(q string) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if setup, ok := be.Dialect.(dialect.ConnSetup); ok {
		for _, q := range setup.BeforeTx() {
			exec(q)
		}
		defer func() {
			for _, q := range setup.AfterTx() {
				exec(q)
			}
		}()
	}
	var q interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	} = conn
	var tx *sql.Tx
	if be.Dialect.TransactionalDDL() {
		if tx, err = conn.BeginTx(ctx, nil); err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		q = tx
	}
	tables := dialect.WithCatalog(dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		s, err := be.Inspector.Inspect(ctx, q, introspect.Options{Schema: schema, IncludeTable: func(n string) bool { return n == name }})
		if err != nil {
			return model.Table{}, false, err
		}
		tb, ok := s.Table("", name)
		return tb, ok, nil
	}), func() dialect.Querier { return q })
	for i, op := range list {
		stmts, err := be.Dialect.Statements(ctx, op, tables)
		if err != nil {
			t.Fatalf("op %d (%s): %v", i+1, ops.Describe(op), err)
		}
		for _, st := range stmts {
			if _, err := q.ExecContext(ctx, st.SQL); err != nil {
				t.Fatalf("op %d (%s): %v\nSQL: %s", i+1, ops.Describe(op), err, st.SQL)
			}
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}
