package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	isqlite "github.com/retortdb/retort/introspect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// txTables is the TableSource the runner gives a dialect: the live table,
// reflected inside the migration's transaction.
func txTables(tx *sql.Tx) dialect.TableSource {
	return dialect.WithCatalog(dialect.TableSourceFunc(func(ctx context.Context, schema, name string) (model.Table, bool, error) {
		s, err := isqlite.Inspector{}.Inspect(ctx, tx, introspect.Options{Schema: schema,
			IncludeTable: func(n string) bool { return n == name }})
		if err != nil {
			return model.Table{}, false, err
		}
		tb, ok := s.Table("", name)
		return tb, ok, nil
	}), func() dialect.Querier { return tx })
}

// apply runs ops as the runner does: foreign keys off, one transaction,
// foreign_key_check before COMMIT, foreign keys back on.
func apply(t testing.TB, db *sql.DB, list ...ops.Op) error {
	t.Helper()
	ctx := context.Background()
	d := sqlite.New()
	for _, s := range d.BeforeTx() {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	defer func() {
		for _, s := range d.AfterTx() {
			if _, err := db.ExecContext(ctx, s); err != nil {
				t.Errorf("%s: %v", s, err)
			}
		}
	}()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, op := range list {
		stmts, err := d.Statements(ctx, op, txTables(tx))
		if err != nil {
			return err
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s.SQL); err != nil {
				return fmt.Errorf("%s: %w", s.SQL, err)
			}
		}
	}
	for _, q := range d.Verify() {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		bad := rows.Next()
		rows.Close()
		if bad {
			return fmt.Errorf("%s reports a violation", q)
		}
	}
	return tx.Commit()
}

func mustApply(t testing.TB, db *sql.DB, list ...ops.Op) {
	t.Helper()
	if err := apply(t, db, list...); err != nil {
		t.Fatal(err)
	}
}

func reflectDB(t testing.TB, db *sql.DB) model.Schema {
	t.Helper()
	s, err := isqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rowsOf returns every row of a query, each value formatted with %v.
func rowsOf(t testing.TB, db *sql.DB, query string) [][]string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			row[i] = fmt.Sprintf("%v", v)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func newDB(t testing.TB) *sql.DB { return testdb.SQLite(t).DB }

// createOps turns a schema into CreateTable ops (tables in the given order)
// and CreateIndex ops, as the differ would for an empty database.
func createOps(s model.Schema) []ops.Op {
	var list []ops.Op
	for _, t := range s.Tables {
		list = append(list, ops.CreateTable{Table: t})
	}
	for _, t := range s.Tables {
		for _, ix := range t.Indexes {
			list = append(list, ops.CreateIndex{Schema: t.Schema, Table: t.Name, Index: ix})
		}
	}
	return list
}
