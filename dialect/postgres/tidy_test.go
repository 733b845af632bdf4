package postgres_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestTidyOpKeepsTheDDLsEffect pins issue 17's noise items against the
// server: a table created from the tidied op (no USING btree, defaults
// without a cast to their column's type) has exactly the index
// definitions and defaults, as pg_get_indexdef and pg_get_expr print
// them, of the same table created from the op as reflected.
func TestTidyOpKeepsTheDDLsEffect(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	d := postgres.New()
	ctx := context.Background()
	table := func(name string) model.Table {
		return model.Table{Name: name,
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "integer"}},
				{Name: "plan", Type: model.Type{SQL: "character varying(20)"}, Default: "'free'::character varying"},
				{Name: "price", Type: model.Type{SQL: "numeric(10,2)"}, Default: "'1.50'::numeric"},
				{Name: "tags", Type: model.Type{SQL: "text[]"}, Default: "'{}'::text[]"},
				{Name: "note", Type: model.Type{SQL: "text"}, Default: "'x'::character varying"},
			},
			Indexes: []model.Index{{Name: "ix_" + name + "_plan", Method: "btree", Parts: []model.IndexPart{{Column: "plan"}}},
				{Name: "ix_" + name + "_tags", Method: "gin", Parts: []model.IndexPart{{Column: "tags"}}}},
		}
	}
	tidied, ok := d.TidyOp(ops.CreateTable{Table: table("tidied")}).(ops.CreateTable)
	if !ok {
		t.Fatal("TidyOp changed the op's type")
	}
	cols := tidied.Table.Columns
	if cols[1].Default != "'free'" || cols[2].Default != "'1.50'" || cols[3].Default != "'{}'" {
		t.Errorf("defaults cast to their own type kept their cast: %+v", cols)
	}
	if cols[4].Default != "'x'::character varying" {
		t.Errorf("a cast to another type than the column's was dropped: %q", cols[4].Default)
	}
	if tidied.Table.Indexes[0].Method != "" || tidied.Table.Indexes[1].Method != "gin" {
		t.Errorf("index methods: %q, %q; want btree left out and gin kept", tidied.Table.Indexes[0].Method, tidied.Table.Indexes[1].Method)
	}
	for _, op := range []ops.Op{ops.CreateTable{Table: table("asis")}, tidied} {
		stmts, err := d.Statements(ctx, op, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := db.DB.ExecContext(ctx, s.SQL); err != nil {
				t.Fatalf("%s: %v", s.SQL, err)
			}
		}
	}
	catalog := func(table string) []string {
		rows, err := db.DB.QueryContext(ctx, `
			SELECT a.attname || ' ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '')
			FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
			WHERE a.attrelid = $2::regclass AND a.attnum > 0 AND NOT a.attisdropped
			UNION ALL
			SELECT replace(pg_get_indexdef(i.indexrelid), $1::text, 'T')
			FROM pg_index i WHERE i.indrelid = $2::regclass
			ORDER BY 1`, table, table)
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
		return out
	}
	as, td := catalog("asis"), catalog("tidied")
	if len(as) != len(td) {
		t.Fatalf("catalog rows differ:\nas reflected: %q\ntidied:       %q", as, td)
	}
	for i := range as {
		if as[i] != td[i] {
			t.Errorf("catalog differs: as reflected %q, tidied %q", as[i], td[i])
		}
	}
}
