package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestNarrowingRefusesLongValues runs varchar and char narrowings on the
// server: a value that does not fit makes the ALTER fail and stays as it
// was (an explicit ::varchar(n) cast would cut it silently); values that
// fit are kept. Widening and narrowing back is a downgrade after a
// widening.
func TestNarrowingRefusesLongValues(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	d := postgres.New()
	run := func(op ops.Op) error {
		stmts, err := d.Statements(ctx, op, dialect.NoTables{})
		if err != nil {
			t.Fatal(err)
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s.SQL); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	column := func(typ string) model.Column {
		return model.Column{Name: "name", Type: model.Type{SQL: typ}, Nullable: true}
	}
	alter := func(from, to string) ops.AlterColumn {
		return ops.AlterColumn{Table: "t", Change: ops.ChangeType, From: column(from), To: column(to)}
	}
	// typeOf reads the column's type from the catalog, not from retort.
	typeOf := func() string {
		var s string
		if err := db.QueryRowContext(ctx, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'name'").Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	lengths := func() string {
		rows, err := db.QueryContext(ctx, "SELECT length(name) FROM t ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return strings.Join(out, ",")
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id integer PRIMARY KEY, name varchar(100))"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO t VALUES (1, repeat('a', 90))"); err != nil {
		t.Fatal(err)
	}
	// The upgrade widens; a longer value arrives.
	if err := run(alter("varchar(100)", "varchar(200)")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO t VALUES (2, repeat('b', 150))"); err != nil {
		t.Fatal(err)
	}
	// Narrowing back (the downgrade) fails on it and cuts nothing.
	err := run(alter("varchar(200)", "varchar(100)"))
	if err == nil || !strings.Contains(err.Error(), "value too long") {
		t.Fatalf("narrowing to varchar(100) with a 150-character value: err = %v, want PostgreSQL's value too long", err)
	}
	if got := lengths(); got != "90,150" {
		t.Errorf("lengths after the failed narrowing = %s, want 90,150", got)
	}
	if got := typeOf(); got != "character varying(200)" {
		t.Errorf("type after the failed narrowing = %s, want character varying(200)", got)
	}
	// char(n) the same.
	if err := run(alter("varchar(200)", "char(120)")); err == nil || !strings.Contains(err.Error(), "value too long") {
		t.Fatalf("narrowing to char(120): err = %v, want value too long", err)
	}
	// Without the long value the narrowing applies and keeps the rest.
	if _, err := db.ExecContext(ctx, "DELETE FROM t WHERE id = 2"); err != nil {
		t.Fatal(err)
	}
	if err := run(alter("varchar(200)", "varchar(100)")); err != nil {
		t.Fatal(err)
	}
	if got, typ := lengths(), typeOf(); got != "90" || typ != "character varying(100)" {
		t.Errorf("after narrowing: lengths %s, type %s; want 90, character varying(100)", got, typ)
	}
}
