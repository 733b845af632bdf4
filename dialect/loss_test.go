package dialect_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// messages renders losses as "op N: message" lines.
func messages(ls []ops.Loss) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString("op " + string(rune('0'+l.Op)) + ": " + l.Message + "\n")
	}
	return b.String()
}

func TestSQLLoss(t *testing.T) {
	t.Parallel()
	pg, my, lite := postgres.New(), mysql.New(), sqlite.New()
	tests := []struct {
		name string
		d    dialect.Dialect
		sql  string
		want []string
	}{
		{"drop table", pg, "DROP TABLE audit_log", []string{"raw SQL drops table audit_log and every row in it"}},
		{"drop tables if exists cascade", pg, `DROP TABLE IF EXISTS a, app."B" CASCADE`, []string{
			"raw SQL drops table a and every row in it", "raw SQL drops table app.B and every row in it"}},
		{"drop temporary table", my, "DROP TEMPORARY TABLE scratch", nil},
		{"drop schema", pg, "DROP SCHEMA billing CASCADE", []string{"raw SQL drops schema billing and every table in it"}},
		{"drop database", my, "DROP DATABASE IF EXISTS old", []string{"raw SQL drops database old and every table in it"}},
		{"drop index", pg, "DROP INDEX ix_users_email", nil},
		{"drop view", pg, "DROP VIEW v", nil},
		{"alter table drop column", pg, "ALTER TABLE users DROP COLUMN IF EXISTS bio CASCADE", []string{"raw SQL drops column users.bio and every value in it"}},
		{"mysql drop without COLUMN, several clauses", my, "ALTER TABLE `users` DROP bio, ADD COLUMN x int, DROP INDEX ix, DROP COLUMN nick", []string{
			"raw SQL drops column users.bio and every value in it", "raw SQL drops column users.nick and every value in it"}},
		{"alter drops constraints only", pg, "ALTER TABLE ONLY t DROP CONSTRAINT c, ALTER COLUMN x DROP DEFAULT, ALTER COLUMN y DROP NOT NULL", nil},
		{"mysql drop primary and foreign key", my, "ALTER TABLE t DROP PRIMARY KEY, DROP FOREIGN KEY fk, DROP KEY k, DROP CHECK c", nil},
		{"drop partition", my, "ALTER TABLE logs DROP PARTITION p2019, p2020", []string{"raw SQL drops partition p2019, p2020 of logs and every row in it"}},
		{"truncate", pg, "TRUNCATE TABLE ONLY a, b RESTART IDENTITY", []string{
			"raw SQL deletes every row of a (TRUNCATE)", "raw SQL deletes every row of b (TRUNCATE)"}},
		{"delete without where", lite, "DELETE FROM sessions", []string{"raw SQL deletes every row of sessions (DELETE without WHERE)"}},
		{"delete with where", pg, "DELETE FROM sessions WHERE expires < now()", nil},
		{"delete where only in a subquery", pg, "DELETE FROM t USING (SELECT id FROM u WHERE x) s", []string{"raw SQL deletes every row of t (DELETE without WHERE)"}},
		{"delete in a CTE statement", pg, "WITH old AS (SELECT 1) DELETE FROM t", []string{"raw SQL deletes every row of t (DELETE without WHERE)"}},
		{"update", pg, "UPDATE users SET status = 'active' WHERE status IS NULL", nil},
		{"keywords in a string", pg, "INSERT INTO notes (body) VALUES ('DROP TABLE users; TRUNCATE x')", nil},
		{"keywords in a comment", pg, "SELECT 1 -- DROP TABLE users\n/* TRUNCATE x */", nil},
		{"postgres dollar-quoted body", pg, "DO $$ BEGIN EXECUTE 'x'; END $$", nil},
		{"mysql executable comment runs", my, "/*!50001 DROP TABLE users */", []string{"raw SQL drops table users and every row in it"}},
		{"mysql escaped quote keeps the string open", my, `INSERT INTO t VALUES ('it\'s; DROP TABLE users')`, nil},
		{"second statement", lite, "UPDATE t SET a = 1 WHERE b; DELETE FROM t", []string{"raw SQL deletes every row of t (DELETE without WHERE)"}},
		{"unreadable", pg, "SELECT 'unterminated", []string{"raw SQL that retort cannot read (unterminated quote or comment), so it cannot tell what the SQL deletes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, l := range dialect.SQLLoss(tt.d, tt.sql) {
				if !l.Raw {
					t.Errorf("%q: loss not marked Raw", l.Message)
				}
				got = append(got, l.Message)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SQLLoss(%q) (-want +got):\n%s", tt.sql, diff)
			}
		})
	}
}

func TestDataLoss(t *testing.T) {
	t.Parallel()
	pg, my, lite := postgres.New(), mysql.New(), sqlite.New()
	name := func(typ string) model.Column { return model.Column{Name: "name", Type: model.Type{SQL: typ}} }
	mood := func(name string, vals ...string) model.Enum { return model.Enum{Name: name, Values: vals} }
	moodCol := func(enum string) model.Column { return model.Column{Name: "m", Type: model.Type{Enum: enum}} }
	rebuild := []ops.Op{
		ops.RenameEnum{From: "mood", To: "mood__retort_old"},
		ops.CreateEnum{Enum: mood("mood", "sad", "happy")},
		ops.AlterColumn{Table: "people", Change: ops.ChangeType, From: moodCol("mood__retort_old"), To: moodCol("mood")},
		ops.DropEnum{Enum: mood("mood__retort_old", "sad", "ok", "happy")},
	}
	tests := []struct {
		name string
		d    dialect.Dialect
		list []ops.Op
		want string
	}{
		{"drops", pg, []ops.Op{
			ops.DropTable{Table: model.Table{Name: "audit", Columns: []model.Column{name("text")}}},
			ops.DropColumn{Table: "users", Column: name("varchar(100)")},
		}, "op 0: drops table audit (1 column) and every row in it\nop 1: drops column users.name (varchar(100) NOT NULL) and every value in it\n"},
		{"postgres narrowing", pg, []ops.Op{ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: name("varchar(200)"), To: name("varchar(100)")}},
			"op 0: narrows users.name character varying(200) -> character varying(100): values longer than 100 characters do not fit\n"},
		{"mysql widening", my, []ops.Op{ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: name("varchar(100)"), To: name("varchar(200)")}}, ""},
		{"sqlite narrowing keeps values", lite, []ops.Op{ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: name("varchar(200)"), To: name("varchar(100)")}}, ""},
		{"a table created in the list is empty", pg, []ops.Op{
			ops.CreateTable{Table: model.Table{Name: "users", Columns: []model.Column{name("text")}}},
			ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: name("text"), To: name("integer")},
		}, ""},
		{"enum rebuild", pg, rebuild, "op 2: narrows people.m mood__retort_old -> mood: drops enum value(s) 'ok': rows holding them fail or lose the value\n"},
		{"execute", my, []ops.Op{ops.Execute{SQL: "TRUNCATE t"}}, "op 0: raw SQL deletes every row of t (TRUNCATE)\n"},
		{"ops inside a container", pg, []ops.Op{ops.Custom{Op: group{list: []ops.Op{ops.DropColumn{Table: "t", Column: name("text")}}}}},
			"op 0: drops column t.name (text NOT NULL) and every value in it\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, messages(dialect.DataLoss(tt.d, tt.list, dialect.LossOptions{}))); diff != "" {
				t.Errorf("DataLoss (-want +got):\n%s", diff)
			}
		})
	}
	ls := dialect.DataLoss(pg, rebuild, dialect.LossOptions{})
	if len(ls) != 1 || ls[0].Kind != ops.LossEnumValues || ls[0].Enum != "mood" || !cmp.Equal(ls[0].Values, []string{"ok"}) || !ls[0].Refused {
		t.Errorf("enum rebuild loss = %+v, want enum values 'ok' of mood, refused", ls)
	}
}

// group is a custom op holding ops, like a rewriter.Container.
type group struct{ list []ops.Op }

func (group) Name() string                        { return "group" }
func (group) ReverseCustom() (ops.CustomOp, bool) { return nil, false }
func (g group) Ops() []ops.Op                     { return g.list }

// TestTypeLossRefused: which losses the database refuses (the statement
// fails, the value stays) and which it makes silently.
func TestTypeLossRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		from, to string
		refused  bool
	}{
		{"varchar(200)", "varchar(100)", true},
		{"text", "char(10)", true},
		{"bigint", "integer", true},
		{"numeric(10,2)", "numeric(6,2)", true},
		{"text", "integer", true},
		{"enum('a','b')", "enum('a')", true},
		{"numeric(10,2)", "numeric(10,1)", false},
		{"double precision", "real", false},
		{"timestamp(6)", "timestamp(3)", false},
		{"timestamp with time zone", "timestamp", false},
		{"numeric(10,2)", "integer", false},
	} {
		l := dialect.CompareTypes(dialect.ParseType(c.from), dialect.ParseType(c.to))
		if !l.Lossy() || l.Refused != c.refused {
			t.Errorf("%s -> %s: lossy %v, refused %v; want lossy, refused %v", c.from, c.to, l.Lossy(), l.Refused, c.refused)
		}
	}
}
