package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestDescribeEveryOp proves Describe knows every op type: none falls through
// to the "unknown op" text, even as a zero value.
func TestDescribeEveryOp(t *testing.T) {
	t.Parallel()
	for _, op := range ops.All() {
		t.Run(fmt.Sprintf("%T", op), func(t *testing.T) {
			t.Parallel()
			got := ops.Describe(op)
			if got == "" || strings.HasPrefix(got, "unknown op") || strings.Contains(got, "\n") {
				t.Errorf("Describe(%T{}) = %q, want one line of words", op, got)
			}
		})
	}
}

type policy struct{ name string }

func (p policy) Name() string                        { return p.name }
func (p policy) ReverseCustom() (ops.CustomOp, bool) { return p, false }

func TestDescribe(t *testing.T) {
	t.Parallel()
	bio := model.Column{Name: "bio", Type: model.Type{SQL: "TEXT"}, Nullable: true}
	nick40 := model.Column{Name: "nick", Type: model.Type{SQL: "varchar(40)"}, Nullable: true}
	nick80 := model.Column{Name: "nick", Type: model.Type{SQL: "varchar(80)"}}
	notes := model.Table{Name: "notes", Columns: []model.Column{
		{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
		{Name: "member_id", Type: model.Type{SQL: "bigint"}},
		{Name: "body", Type: model.Type{SQL: "text"}},
	}}
	fk := model.ForeignKey{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: model.Cascade}
	tests := []struct {
		name string
		op   ops.Op
		want string
	}{
		{"create table", ops.CreateTable{Table: notes}, "create table notes (3 columns)"},
		{"create table in schema", ops.CreateTable{Table: model.Table{Schema: "app", Name: "t", Columns: notes.Columns[:1]}}, "create table app.t (1 column)"},
		{"drop table", ops.DropTable{Table: notes}, "drop table notes"},
		{"rename table", ops.RenameTable{From: "a", To: "b"}, "rename table a to b"},
		{"add column", ops.AddColumn{Table: "users", Column: bio}, "users: add column bio TEXT NULL"},
		{"add column with default", ops.AddColumn{Table: "users", Column: model.Column{Name: "role", Type: model.Type{SQL: "text"}, Default: "'user'"}}, "users: add column role text NOT NULL DEFAULT 'user'"},
		{"add logical column", ops.AddColumn{Table: "users", Column: model.Column{Name: "n", Type: model.Type{Logical: model.LogicalBigInt}}}, "users: add column n bigint NOT NULL"},
		{"drop column", ops.DropColumn{Table: "users", Column: model.Column{Name: "nick", Type: model.Type{SQL: "VARCHAR(40)"}}}, "users: drop column nick VARCHAR(40) NOT NULL"},
		{"drop autoincrement column", ops.DropColumn{Table: "t", Column: notes.Columns[0]}, "t: drop column id bigint NOT NULL AUTOINCREMENT"},
		{"alter type and null", ops.AlterColumn{Table: "members", Change: ops.ChangeType | ops.ChangeNullable, From: nick40, To: nick80}, "members: alter column nick: type varchar(40) -> varchar(80), set NOT NULL"},
		{"alter drop not null", ops.AlterColumn{Table: "m", Change: ops.ChangeNullable, From: nick80, To: nick40}, "m: alter column nick: drop NOT NULL"},
		{"alter default", ops.AlterColumn{Table: "m", Change: ops.ChangeDefault, From: model.Column{Name: "n", Default: "0"}, To: model.Column{Name: "n", Default: "1"}}, "m: alter column n: default 0 -> 1"},
		{"set default", ops.AlterColumn{Table: "m", Change: ops.ChangeDefault, From: model.Column{Name: "n"}, To: model.Column{Name: "n", Default: "1"}}, "m: alter column n: set default 1"},
		{"drop default", ops.AlterColumn{Table: "m", Change: ops.ChangeDefault, From: model.Column{Name: "n", Default: "1"}, To: model.Column{Name: "n"}}, "m: alter column n: drop default 1"},
		{"alter comment", ops.AlterColumn{Table: "m", Change: ops.ChangeComment, From: model.Column{Name: "n"}, To: model.Column{Name: "n", Comment: "hi"}}, `m: alter column n: set comment "hi"`},
		{"alter autoincrement", ops.AlterColumn{Table: "m", Change: ops.ChangeAutoIncrement, From: model.Column{Name: "id"}, To: model.Column{Name: "id", AutoIncrement: true}}, "m: alter column id: set autoincrement"},
		{"alter identity", ops.AlterColumn{Table: "m", Change: ops.ChangeIdentity, From: model.Column{Name: "id", Identity: model.IdentityAlways}, To: model.Column{Name: "id", Identity: model.IdentityByDefault}}, "m: alter column id: identity ALWAYS -> BY DEFAULT"},
		{"alter generated", ops.AlterColumn{Table: "m", Change: ops.ChangeGenerated, From: model.Column{Name: "g"}, To: model.Column{Name: "g", Generated: model.Generated{Expr: "a + b", Stored: true}}}, "m: alter column g: set generated GENERATED ALWAYS AS (a + b) STORED"},
		{"alter collation", ops.AlterColumn{Table: "m", Change: ops.ChangeCollation, From: model.Column{Name: "s"}, To: model.Column{Name: "s", Collation: "C"}}, "m: alter column s: set collation C"},
		{"alter charset", ops.AlterColumn{Table: "m", Change: ops.ChangeCollation, From: model.Column{Name: "s", Charset: "latin1"}, To: model.Column{Name: "s", Charset: "utf8mb4"}}, "m: alter column s: charset latin1 -> utf8mb4"},
		{"alter on update", ops.AlterColumn{Table: "m", Change: ops.ChangeOnUpdate, From: model.Column{Name: "u"}, To: model.Column{Name: "u", OnUpdate: "CURRENT_TIMESTAMP"}}, "m: alter column u: set on update CURRENT_TIMESTAMP"},
		{"rename column", ops.RenameColumn{Table: "t", From: "a", To: "b"}, "t: rename column a to b"},
		{"create index", ops.CreateIndex{Table: "notes", Index: model.Index{Name: "ix_notes_member_id", Parts: []model.IndexPart{{Column: "member_id"}}}}, "notes: create index ix_notes_member_id (member_id)"},
		{"create rich index", ops.CreateIndex{Table: "u", Concurrently: true, Index: model.Index{Name: "ix", Unique: true, Parts: []model.IndexPart{{Expr: "lower(email)"}, {Column: "name", Length: 10, Desc: true}}, Method: "btree", Include: []string{"a"}, Where: "deleted_at IS NULL"}}, "u: create unique index concurrently ix ((lower(email)), name(10) DESC) USING btree INCLUDE (a) WHERE deleted_at IS NULL"},
		{"drop index", ops.DropIndex{Table: "notes", Index: model.Index{Name: "ix_notes_member_id", Parts: []model.IndexPart{{Column: "member_id"}}}}, "notes: drop index ix_notes_member_id (member_id)"},
		{"add primary key", ops.AddPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Name: "pk_t", Columns: []string{"a", "b"}}}, "t: add primary key pk_t (a, b)"},
		{"drop unnamed primary key", ops.DropPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}}, "t: drop primary key (id)"},
		{"add unique", ops.AddUnique{Table: "users", Unique: model.Unique{Name: "uq_users_email", Columns: []string{"email"}}}, "users: add unique uq_users_email (email)"},
		{"drop unnamed unique", ops.DropUnique{Table: "users", Unique: model.Unique{Columns: []string{"email"}}}, "users: drop unique (email)"},
		{"add foreign key", ops.AddForeignKey{Table: "users", ForeignKey: fk}, "users: add foreign key fk_users_team_id_teams (team_id) -> teams (id) ON DELETE CASCADE"},
		{"drop foreign key", ops.DropForeignKey{Schema: "s", Table: "users", ForeignKey: model.ForeignKey{Columns: []string{"a"}, RefSchema: "o", RefTable: "t", RefColumns: []string{"x"}, OnUpdate: model.SetNull, Deferrable: true, InitiallyDeferred: true}}, "s.users: drop foreign key (a) -> o.t (x) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED"},
		{"add check", ops.AddCheck{Table: "t", Check: model.Check{Name: "ck_t_age", Expr: "age > 0"}}, "t: add check ck_t_age (age > 0)"},
		{"drop unnamed check", ops.DropCheck{Table: "t", Check: model.Check{Expr: "age > 0"}}, "t: drop check (age > 0)"},
		{"set comment", ops.SetTableComment{Table: "t", To: "people"}, `t: set comment "people"`},
		{"change comment", ops.SetTableComment{Table: "t", From: "a", To: "b"}, `t: comment "a" -> "b"`},
		{"drop comment", ops.SetTableComment{Table: "t", From: "a"}, `t: drop comment "a"`},
		{"set options", ops.SetTableOptions{Table: "t", From: []model.TableOption{{Name: "ENGINE", Value: "MyISAM"}}, To: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}}, "t: set options ENGINE=MyISAM -> ENGINE=InnoDB"},
		{"create enum", ops.CreateEnum{Enum: model.Enum{Name: "mood", Values: []string{"sad", "o'k"}}}, "create enum mood ('sad', 'o''k')"},
		{"drop enum", ops.DropEnum{Enum: model.Enum{Schema: "s", Name: "mood", Values: []string{"sad"}}}, "drop enum s.mood ('sad')"},
		{"add enum value at end", ops.AddEnumValue{Enum: "mood", Value: "happy"}, "enum mood: add value 'happy'"},
		{"add enum value after", ops.AddEnumValue{Enum: "mood", Value: "ok", After: "sad"}, "enum mood: add value 'ok' after 'sad'"},
		{"add enum value before", ops.AddEnumValue{Enum: "mood", Value: "awful", Before: "sad"}, "enum mood: add value 'awful' before 'sad'"},
		{"execute", ops.Execute{SQL: "\n  UPDATE users SET a = 1;\nUPDATE b SET c = 2;\n"}, "execute: UPDATE users SET a = 1; ..."},
		{"execute one line", ops.Execute{SQL: "VACUUM"}, "execute: VACUUM"},
		{"rename enum", ops.RenameEnum{Schema: "app", From: "mood", To: "mood__retort_old"}, "rename enum app.mood to mood__retort_old"},
		{"bulk insert", ops.BulkInsert{Table: "roles", Columns: []string{"id", "name"}, Rows: [][]any{{1, "admin"}, {2, "user"}}}, "roles: insert 2 rows (id, name)"},
		{"bulk insert one", ops.BulkInsert{Schema: "app", Table: "roles", Columns: []string{"id"}, Rows: [][]any{{1}}}, "app.roles: insert 1 row (id)"},
		{"custom", ops.Custom{Op: policy{"create_policy"}}, "custom: create_policy"},
		{"nil custom", ops.Custom{}, "custom: <nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, ops.Describe(tt.op)); diff != "" {
				t.Errorf("Describe (-want +got):\n%s", diff)
			}
		})
	}
}
