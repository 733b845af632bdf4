package postgres_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/postgres"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// richSchema covers every type family and object kind the dialect renders.
func richSchema() model.Schema {
	str := func(n int) model.Type { return model.Type{Logical: model.LogicalString, Size: n} }
	sql := func(s string) model.Type { return model.Type{SQL: s} }
	return model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"sad", "ok", "happy"}}},
		Tables: []model.Table{
			{
				Name:    "teams",
				Comment: "teams of users",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
					{Name: "name", Type: str(100)},
					{Name: "slug", Type: sql("varchar(40)")},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_teams", Columns: []string{"id"}},
				Uniques:    []model.Unique{{Name: "uq_teams_name", Columns: []string{"name"}}},
				Indexes:    []model.Index{{Name: "ix_teams_slug", Unique: true, Parts: []model.IndexPart{{Column: "slug"}}}},
			},
			{
				Name: "users",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
					{Name: "code", Type: sql("int"), Identity: model.IdentityAlways},
					{Name: "email", Type: sql("varchar(255)"), Default: "''"},
					{Name: "balance", Type: sql("numeric(10,2)"), Default: "0"},
					{Name: "created_at", Type: sql("timestamptz(3)"), Default: "CURRENT_TIMESTAMP"},
					{Name: "seen_at", Type: sql("timestamp(6)"), Nullable: true},
					{Name: "born", Type: sql("date"), Nullable: true},
					{Name: "tags", Type: sql("text[]"), Default: "'{}'"},
					{Name: "scores", Type: sql("int[]"), Nullable: true},
					{Name: "meta", Type: sql("json"), Nullable: true},
					{Name: "data", Type: model.Type{Logical: model.LogicalJSON}, Default: "'{}'"},
					{Name: "uid", Type: model.Type{Logical: model.LogicalUUID}, Default: "gen_random_uuid()"},
					{Name: "blob", Type: model.Type{Logical: model.LogicalBytes}, Nullable: true},
					{Name: "ip", Type: sql("inet"), Nullable: true},
					{Name: "during", Type: sql("tstzrange"), Nullable: true},
					{Name: "span", Type: sql("interval"), Nullable: true, Default: "'1 day'"},
					{Name: "mood", Type: model.Type{Enum: "mood"}, Default: "'ok'"},
					{Name: "moods", Type: sql("mood[]"), Nullable: true},
					{Name: "team_id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
					{Name: "total", Type: sql("numeric"), Nullable: true, Generated: model.Generated{Expr: "balance * 2", Stored: true}},
					{Name: "name", Type: model.Type{Logical: model.LogicalString}, Nullable: true, Collation: "C", Comment: "display name"},
					{Name: "active", Type: model.Type{Logical: model.LogicalBool}, Default: "TRUE"},
					{Name: "ratio", Type: sql("float8"), Nullable: true, Default: "0.5"},
					{Name: "small", Type: sql("int2"), Default: "-1"},
					{Name: "r", Type: model.Type{Logical: model.LogicalReal}, Nullable: true},
					{Name: "status", Type: sql("varchar(10)"), Default: "'new'"},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
				ForeignKeys: []model.ForeignKey{{
					Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"},
					OnDelete: model.Cascade, OnUpdate: model.Restrict, Deferrable: true, InitiallyDeferred: true,
				}},
				Checks: []model.Check{
					{Name: "ck_users_balance", Expr: "balance >= 0"},
					{Name: "ck_users_status", Expr: "status IN ('new', 'old')"},
					{Name: "ck_users_both", Expr: "(balance > 0 OR email <> '') AND small < 10"},
				},
				Indexes: []model.Index{
					{Name: "ix_users_lower_email", Unique: true, Parts: []model.IndexPart{{Expr: "lower(email)"}}},
					{Name: "ix_users_active", Parts: []model.IndexPart{{Column: "created_at", Desc: true}}, Where: "active AND balance > 0"},
					{Name: "ix_users_tags", Method: "gin", Parts: []model.IndexPart{{Column: "tags"}}},
					{Name: "ix_users_team", Parts: []model.IndexPart{{Column: "team_id"}, {Column: "id", Desc: true}}, Include: []string{"email", "status"}},
					{Name: "ix_users_during", Method: "gist", Parts: []model.IndexPart{{Column: "during"}}},
					{Name: "ix_users_born", Method: "brin", Parts: []model.IndexPart{{Column: "born"}}},
					{Name: "ix_users_uid", Method: "hash", Parts: []model.IndexPart{{Column: "uid"}}},
					{Parts: []model.IndexPart{{Column: "status"}, {Expr: "lower(name)"}}},
				},
			},
			{
				Name: "memberships",
				Columns: []model.Column{
					{Name: "user_id", Type: model.Type{Logical: model.LogicalBigInt}},
					{Name: "team_id", Type: model.Type{Logical: model.LogicalBigInt}},
					{Name: "role", Type: str(20), Default: "'member'"},
					{Name: "seq", Type: sql("serial")},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"user_id", "team_id"}},
				Uniques:    []model.Unique{{Columns: []string{"team_id", "role"}}},
				ForeignKeys: []model.ForeignKey{
					{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: model.Cascade},
					{Columns: []string{"team_id"}, RefTable: "teams", OnDelete: model.SetNull, OnUpdate: model.SetDefault, Deferrable: true},
				},
				Indexes: []model.Index{
					{Name: "ix_memberships_role", Unique: true, Parts: []model.IndexPart{{Column: "team_id"}, {Column: "role"}}, Where: "role <> 'member'"},
				},
			},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	target := richSchema()
	apply(t, db, createOps(target)...)
	got := inspect(t, db)
	want := pg.Canonical(target)
	sameSchema(t, want, got)

	// Canonical of a reflection is the reflection itself.
	if d := cmp.Diff(got, pg.Canonical(got)); d != "" {
		t.Errorf("Canonical(reflected) changed it (-reflected +canonical):\n%s", d)
	}

	// Rows go in and the numbering columns number them.
	exec(t, db, `INSERT INTO teams (name, slug) VALUES ('a', 'a');
INSERT INTO users (email, team_id) VALUES ('x@y', 1);
INSERT INTO memberships (user_id, team_id) VALUES (1, 1)`)
}

// TestRoundTripSchema creates tables in a schema that is not the current one
// and reflects it with Options.Schema.
func TestRoundTripSchema(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	exec(t, db, `CREATE SCHEMA app; CREATE SCHEMA other`)
	target := model.Schema{
		Enums: []model.Enum{{Schema: "app", Name: "Kind", Values: []string{"a", "b"}}},
		Tables: []model.Table{
			{Schema: "other", Name: "owners", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true}},
				PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}},
			{Schema: "app", Name: "User", Comment: "quoted", Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
				{Name: "Kind", Type: model.Type{SQL: `app."Kind"`}, Nullable: true, Comment: "k"},
				{Name: "owner_id", Type: model.Type{SQL: "bigint"}, Nullable: true},
				{Name: "order", Type: model.Type{SQL: "integer"}, Default: "1"},
			},
				PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []model.ForeignKey{{Name: "fk_owner", Columns: []string{"owner_id"}, RefSchema: "other", RefTable: "owners", RefColumns: []string{"id"}}},
				Checks:      []model.Check{{Name: "ck_order", Expr: `"order" > 0`}},
				Indexes:     []model.Index{{Name: "ix_user_order", Parts: []model.IndexPart{{Column: "order"}}, Where: `"Kind" = 'a'`}},
			},
		},
	}
	apply(t, db, createOps(target)...)
	got, err := postgres.Inspector{}.Inspect(context.Background(), db, introspect.Options{Schema: "app"})
	if err != nil {
		t.Fatal(err)
	}
	want := pg.Canonical(target)
	want.Tables = want.Tables[1:]
	want.Tables[0].Schema = ""
	want.Tables[0].Columns[1].Type = model.Type{SQL: `"Kind"`, Enum: `"Kind"`}
	want.Enums[0].Schema = ""
	sameSchema(t, want, got)

	// The round trip goes on from the reflection: re-created in the same
	// schema of a second database, it reflects the same.
	db2 := testdb.Postgres(t)
	exec(t, db2, `CREATE SCHEMA app; CREATE SCHEMA other; CREATE TABLE other.owners (id bigint PRIMARY KEY)`)
	again, err := postgres.Inspector{}.Inspect(context.Background(), db, introspect.Options{Schema: "app"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range again.Tables {
		again.Tables[i].Schema = "app"
	}
	again.Enums[0].Schema = "app"
	again.Tables[0].Columns[1].Type = model.Type{SQL: `app."Kind"`}
	apply(t, db2, createOps(again)...)
	got2, err := postgres.Inspector{}.Inspect(context.Background(), db2, introspect.Options{Schema: "app"})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(got, got2); d != "" {
		t.Errorf("re-created schema differs (-first +second):\n%s", d)
	}
}

var _ = ops.All
