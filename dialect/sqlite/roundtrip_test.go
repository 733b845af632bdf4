package sqlite_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
)

// richSchema exercises everything SQLite can hold, plus things it cannot
// (comments, methods, INCLUDE, options, enum types) that Canonical drops.
func richSchema() model.Schema {
	return model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"happy", "sad"}}},
		Tables: []model.Table{
			{
				Name:    "teams",
				Comment: "teams play",
				Options: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}},
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
					{Name: "name", Type: model.Type{Logical: model.LogicalString, Size: 100}, Comment: "display name"},
					{Name: "active", Type: model.Type{Logical: model.LogicalBool}, Default: "TRUE"},
					{Name: "created", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "CURRENT_TIMESTAMP"},
					{Name: "mood", Type: model.Type{Enum: "mood", EnumValues: []string{"happy", "sad"}}, Nullable: true},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_teams", Columns: []string{"id"}},
				Indexes: []model.Index{
					{Name: "ix_teams_name", Parts: []model.IndexPart{{Column: "name", Length: 10}}, Method: "btree", Include: []string{"active"}},
				},
			},
			{
				Name: "members",
				Columns: []model.Column{
					{Name: "team_id", Type: model.Type{Logical: model.LogicalBigInt}},
					{Name: "user_no", Type: model.Type{Logical: model.LogicalInt}},
					{Name: "role", Type: model.Type{EnumValues: []string{"admin", "member"}}, Default: "'member'"},
					{Name: "email", Type: model.Type{SQL: "varchar(255)"}},
					{Name: "score", Type: model.Type{Logical: model.LogicalDouble}, Default: "0.5"},
					{Name: "data", Type: model.Type{Logical: model.LogicalJSON}, Nullable: true},
					{Name: "uid", Type: model.Type{Logical: model.LogicalUUID}, Nullable: true},
					{Name: "avatar", Type: model.Type{Logical: model.LogicalBytes}, Nullable: true, Default: "X'00'"},
					{Name: "price", Type: model.Type{SQL: "numeric(10, 2)"}, Default: "(1 + 1)"},
					{Name: "seen", Type: model.Type{SQL: "text"}, Default: "datetime('now')", Collation: "NOCASE"},
					{Name: "small", Type: model.Type{Logical: model.LogicalSmallInt, Unsigned: true}, Default: "-1"},
					{Name: "ratio", Type: model.Type{Logical: model.LogicalReal}, Nullable: true},
					{Name: "amount", Type: model.Type{Logical: model.LogicalDecimal}, Nullable: true},
					{Name: "total", Type: model.Type{Logical: model.LogicalDouble}, Nullable: true, Generated: model.Generated{Expr: "score * 2", Stored: true}},
					{Name: "half", Type: model.Type{Logical: model.LogicalDouble}, Nullable: true, Generated: model.Generated{Expr: "score / 2"}},
					{Name: "select", Type: model.Type{Logical: model.LogicalString}, Nullable: true, Comment: "a keyword"},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_members", Columns: []string{"team_id", "user_no"}},
				Indexes: []model.Index{
					{Name: "ix_members_lower_email", Parts: []model.IndexPart{{Expr: "lower(email)"}}, Where: "score > 0"},
					{Name: "ix_members_role_score", Parts: []model.IndexPart{{Column: "role"}, {Column: "score", Desc: true}}},
					{Name: "ix_members_select", Unique: true, Parts: []model.IndexPart{{Column: "select"}}, Where: `"select" IS NOT NULL`},
				},
				Uniques: []model.Unique{
					{Name: "uq_members_email", Columns: []string{"email"}},
					{Columns: []string{"uid", "team_id"}},
				},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_members_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: model.Cascade},
				},
				Checks: []model.Check{
					{Name: "ck_members_score", Expr: "score >= 0"},
					{Expr: "length(email) > 3"},
				},
			},
			{
				Name: "children",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{SQL: "integer"}},
					{Name: "team_id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
					{Name: "user_no", Type: model.Type{Logical: model.LogicalInt}, Nullable: true},
					{Name: "note", Type: model.Type{SQL: "TEXT"}, Nullable: true, Default: "'it''s'"},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_children_member", Columns: []string{"team_id", "user_no"}, RefTable: "members", RefColumns: []string{"team_id", "user_no"},
						OnDelete: model.SetNull, OnUpdate: model.Cascade, Deferrable: true, InitiallyDeferred: true},
					{Columns: []string{"team_id"}, RefTable: "teams", OnDelete: model.Restrict},
				},
			},
			{
				Name: "text_keyed",
				Columns: []model.Column{
					{Name: "code", Type: model.Type{Logical: model.LogicalString, Size: 8}},
					{Name: "n", Type: model.Type{SQL: "INT"}},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_text_keyed", Columns: []string{"code"}},
			},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	s := richSchema()
	mustApply(t, db, createOps(s)...)
	got := reflectDB(t, db)
	want := sqlite.New().Canonical(s)
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(model.PrimaryKey{}, "Name")); diff != "" {
		t.Errorf("reflected schema differs from Canonical (-want +got):\n%s", diff)
	}
	// The names SQLite can hold come back too.
	if tb, _ := got.Table("", "members"); tb.PrimaryKey.Name != "pk_members" {
		t.Errorf("members primary key name = %q, want pk_members", tb.PrimaryKey.Name)
	}
	// Canonical is a fixed point: the canonical schema, created, reflects
	// back as itself.
	db2 := newDB(t)
	mustApply(t, db2, createOps(want)...)
	if diff := cmp.Diff(want, reflectDB(t, db2)); diff != "" {
		t.Errorf("Canonical(target) created and reflected (-want +got):\n%s", diff)
	}
	// Data goes in as the types promise.
	exec := func(q string) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO teams (name) VALUES ('a')`)
	exec(`INSERT INTO members (team_id, user_no, email, data) VALUES (1, 1, 'a@b.c', '1.0')`)
	rows := rowsOf(t, db, `SELECT id, active, role, typeof(data), data, total, typeof(created) FROM teams JOIN members ON team_id = id`)
	wantRows := [][]string{{"1", "1", "member", "text", "1.0", "1", "text"}}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if _, err := db.Exec(`INSERT INTO members (team_id, user_no, email, role) VALUES (1, 2, 'x@y.z', 'boss')`); err == nil {
		t.Error("an enum value outside the CHECK was accepted")
	}
}
