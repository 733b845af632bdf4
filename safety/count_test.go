package safety_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// TestCount counts, on every configured dialect, the rows each finding of a
// migration would affect in a database with known rows.
func TestCount(t *testing.T) {
	t.Parallel()
	for _, name := range testdb.Dialects() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := testdb.Open(t, name)
			for _, q := range []string{
				"CREATE TABLE teams (id integer PRIMARY KEY, name varchar(50) NOT NULL)",
				"CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL, nick varchar(40), team_id integer, age integer)",
				"INSERT INTO teams (id, name) VALUES (1, 'core')",
				"INSERT INTO users (id, email, nick, team_id, age) VALUES (1, 'a@x', 'ann', 1, 30), (2, 'a@x', NULL, 2, -1), (3, 'b@x', 'a-very-long-nickname', 3, 20), (4, 'c@x', NULL, NULL, NULL)",
			} {
				if _, err := db.DB.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			d := dialectOf(name)
			list := []ops.Op{
				ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: col("nick", "varchar(40)", true), To: col("nick", "varchar(40)", false)},
				ops.AddUnique{Table: "users", Unique: model.Unique{Name: "uq_users_email", Columns: []string{"email"}}},
				ops.AddCheck{Table: "users", Check: model.Check{Name: "ck_users_age", Expr: "age >= 0"}},
				ops.AddForeignKey{Table: "users", ForeignKey: model.ForeignKey{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}}},
				ops.DropColumn{Table: "users", Column: col("nick", "varchar(40)", true)},
				ops.AddColumn{Table: "users", Column: col("score", "integer", false)},
				ops.CreateTable{Table: model.Table{Name: "notes", Columns: []model.Column{col("id", "integer", false)}}},
				ops.AddColumn{Table: "notes", Column: col("body", "text", false)},
				ops.DropTable{Table: model.Table{Name: "teams", Columns: []model.Column{col("id", "integer", false), col("name", "varchar(50)", false)}}},
			}
			if name != "sqlite" {
				list = append(list, alterType("users", "nick", "varchar(40)", "varchar(10)"))
			}
			fs := safety.Analyze(list, d, safety.Options{})
			got, err := safety.Count(context.Background(), db.DB, d, list, fs, safety.CountOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, f := range got {
				if f.Kind == safety.DataLoss || f.Kind == safety.FailsOnRows {
					rows = append(rows, fmt.Sprintf("%d %s %d", f.Op, f.Kind, f.Rows))
				}
			}
			want := []string{
				"0 fails-on-rows 2", // NULL nicks
				"1 fails-on-rows 1", // a@x twice
				"2 fails-on-rows 1", // age -1
				"3 fails-on-rows 2", // teams 2 and 3 missing
				"4 data-loss 2",     // non-NULL nicks
				"5 fails-on-rows 4", // every row
				"8 data-loss 1",     // teams rows
			}
			if name != "sqlite" {
				want = append(want, "9 data-loss 1") // one nick longer than 10
			}
			if diff := cmp.Diff(want, rows); diff != "" {
				t.Errorf("counts (-want +got):\n%s\n%s", diff, dump(got))
			}
			if len(got) > 0 && got[0].Message == fs[0].Message {
				t.Errorf("count not appended to the message: %q", got[0].Message)
			}
		})
	}
}
