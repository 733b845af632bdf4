package postgres_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestCollationNames creates columns with collations named as
// pg_collation names them (a dot, dashes) and a qualified one, and reads
// back the server's own record of each column's collation.
func TestCollationNames(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	d := postgres.New()
	col := func(name, coll string) model.Column {
		return model.Column{Name: name, Type: model.Type{SQL: "text"}, Nullable: true, Collation: coll}
	}
	op := ops.CreateTable{Table: model.Table{Name: "t", Columns: []model.Column{
		col("a", "C.utf8"), col("b", "und-x-icu"), col("c", `pg_catalog."POSIX"`), col("d", "C"),
	}}}
	stmts, err := d.Statements(ctx, op, dialect.NoTables{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s.SQL); err != nil {
			t.Fatalf("%s: %v", s.SQL, err)
		}
	}
	want := map[string]string{"a": "C.utf8", "b": "und-x-icu", "c": "POSIX", "d": "C"}
	for c, w := range want {
		var got string
		if err := db.QueryRowContext(ctx, "SELECT co.collname FROM pg_attribute a JOIN pg_collation co ON co.oid = a.attcollation WHERE a.attrelid = 't'::regclass AND a.attname = $1", c).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != w {
			t.Errorf("column %s has collation %q, want %q", c, got, w)
		}
	}
}
