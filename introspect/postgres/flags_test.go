package postgres_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// NOT VALID constraints, REPLICA IDENTITY, row security and a comment on an
// enum type, written by hand, are reflected; the DDL retort writes for the
// reflected model puts the same catalog state back, as pg_class,
// pg_constraint and obj_description (not retort) report it.
func TestFlagsReflected(t *testing.T) {
	db := testdb.Postgres(t)
	const script = `
CREATE TYPE mood AS ENUM ('sad', 'ok');
COMMENT ON TYPE mood IS 'how it went';
CREATE TABLE depots (id integer PRIMARY KEY);
CREATE TABLE trucks (id integer PRIMARY KEY, depot_id integer NOT NULL, qty integer, m mood,
  CONSTRAINT trucks_id_key UNIQUE (id, depot_id));
ALTER TABLE trucks ADD CONSTRAINT trucks_depot_fk FOREIGN KEY (depot_id) REFERENCES depots (id) NOT VALID;
ALTER TABLE trucks ADD CONSTRAINT trucks_qty_check CHECK (qty >= 0) NOT VALID;
ALTER TABLE trucks REPLICA IDENTITY USING INDEX trucks_id_key;
ALTER TABLE trucks ENABLE ROW LEVEL SECURITY;
ALTER TABLE depots REPLICA IDENTITY FULL;
ALTER TABLE depots FORCE ROW LEVEL SECURITY;
`
	exec(t, db, script)
	s := inspect(t, db.DB)
	trucks, _ := s.Table("", "trucks")
	depots, _ := s.Table("", "depots")
	if len(trucks.ForeignKeys) != 1 || !trucks.ForeignKeys[0].NotValid {
		t.Errorf("foreign keys %+v: want one NOT VALID", trucks.ForeignKeys)
	}
	if len(trucks.Checks) != 1 || !trucks.Checks[0].NotValid || trucks.Checks[0].Expr != "qty >= 0" {
		t.Errorf("checks %+v: want qty >= 0 NOT VALID", trucks.Checks)
	}
	opts := func(tb model.Table) map[string]string {
		m := map[string]string{}
		for _, o := range tb.Options {
			m[o.Name] = o.Value
		}
		return m
	}
	if diff := cmp.Diff(map[string]string{"UNLOGGED": "", "WITH": "", "FORCE_ROW_SECURITY": "", "REPLICA_IDENTITY": "USING INDEX trucks_id_key", "ROW_SECURITY": "true"}, opts(trucks)); diff != "" {
		t.Errorf("trucks options (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"UNLOGGED": "", "WITH": "", "FORCE_ROW_SECURITY": "true", "REPLICA_IDENTITY": "FULL", "ROW_SECURITY": ""}, opts(depots)); diff != "" {
		t.Errorf("depots options (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]model.Enum{{Name: "mood", Values: []string{"sad", "ok"}, Comment: "how it went"}}, s.Enums); diff != "" {
		t.Errorf("enums (-want +got)\n%s", diff)
	}

	// Create the reflected schema in a second database from retort's DDL
	// and read the catalog back with plain queries.
	db2 := testdb.Postgres(t)
	apply(t, db2, ops.CreateEnum{Enum: s.Enums[0]}, ops.CreateTable{Table: depots}, ops.CreateTable{Table: trucks})
	oracle := func(db *testdb.DB) []string {
		rows, err := db.QueryContext(context.Background(), `
SELECT c.relname || ' ' || c.relreplident::text || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity FROM pg_class c
  WHERE c.relname IN ('trucks', 'depots')
UNION ALL SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conrelid = 'trucks'::regclass AND contype IN ('c', 'f')
UNION ALL SELECT ic.relname || ' replident ' || i.indisreplident FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
  WHERE i.indrelid = 'trucks'::regclass
UNION ALL SELECT 'mood ' || obj_description('mood'::regtype, 'pg_type')
ORDER BY 1`)
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
	if diff := cmp.Diff(oracle(db), oracle(db2)); diff != "" {
		t.Errorf("catalog after retort's DDL (-hand-written +retort)\n%s", diff)
	}
}
