package postgres_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/postgres"
)

// TestUnmodeled names every kind of object the PostgreSQL reader lists,
// and leaves out what belongs to a table (serial and identity sequences,
// a view's _RETURN rule, a constraint's internal triggers, the triggers a
// partition inherits) or to a refused table, and the members of an
// extension (citext's type and functions, when the server has contrib).
func TestUnmodeled(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	for _, q := range []string{
		`CREATE TABLE posts (id serial PRIMARY KEY, n integer GENERATED ALWAYS AS IDENTITY, author integer REFERENCES posts (id), body text)`,
		`CREATE TABLE skipped (id integer PRIMARY KEY)`,
		`CREATE VIEW recent AS SELECT id FROM posts`,
		`CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM posts`,
		`CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at)`,
		`CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
		`CREATE SEQUENCE tickets`,
		`CREATE TYPE pair AS (a integer, b integer)`,
		`CREATE TYPE span AS RANGE (subtype = integer)`,
		`CREATE DOMAIN positive AS integer CHECK (VALUE > 0)`,
		`CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
		`CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'`,
		`CREATE PROCEDURE noop() LANGUAGE sql AS 'SELECT 1'`,
		`CREATE AGGREGATE total(integer) (sfunc = int4pl, stype = integer)`,
		`CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch()`,
		`CREATE TRIGGER events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch()`,
		`CREATE TRIGGER skipped_touch BEFORE UPDATE ON skipped FOR EACH ROW EXECUTE FUNCTION touch()`,
		`CREATE POLICY own ON posts USING (true)`,
		`CREATE RULE no_delete AS ON DELETE TO posts DO INSTEAD NOTHING`,
		`CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
		`CREATE STATISTICS posts_stats ON id, author FROM posts`,
	} {
		exec(t, db, q)
	}
	if _, err := db.ExecContext(context.Background(), `CREATE EXTENSION citext`); err != nil {
		t.Logf("no citext extension, its members are not tried: %v", err)
	}
	opts := introspect.Options{IncludeTable: func(n string) bool { return n != "skipped" }}
	got, err := introspect.ListUnmodeled(context.Background(), postgres.Inspector{}, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []introspect.Object{
		{Kind: introspect.View, Name: "recent"},
		{Kind: introspect.MaterializedView, Name: "counts"},
		{Kind: introspect.PartitionedTable, Name: "events"},
		{Kind: introspect.Partition, Name: "events_2024", Table: "events"},
		{Kind: introspect.Trigger, Name: "events_touch", Table: "events"},
		{Kind: introspect.Trigger, Name: "posts_touch", Table: "posts"},
		{Kind: introspect.Function, Name: "add(a integer, b integer)"},
		{Kind: introspect.Function, Name: "touch()"},
		{Kind: introspect.Procedure, Name: "noop()"},
		{Kind: introspect.Aggregate, Name: "total(integer)"},
		{Kind: introspect.Policy, Name: "own", Table: "posts"},
		{Kind: introspect.Rule, Name: "no_delete", Table: "posts"},
		{Kind: introspect.Sequence, Name: "tickets"},
		{Kind: introspect.Domain, Name: "positive"},
		{Kind: introspect.Type, Name: "pair"},
		{Kind: introspect.Type, Name: "span"},
		{Kind: introspect.Collation, Name: "ci"},
		{Kind: introspect.StatisticsObject, Name: "posts_stats"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("unmodeled (-want +got):\n%s", d)
	}
}
