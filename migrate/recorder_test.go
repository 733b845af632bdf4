package migrate

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func TestOpBuilder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		record func(op *Recorder)
		want   []ops.Op
	}{
		{
			name: "create table with inline constraints",
			record: func(op *Recorder) {
				op.CreateTable("notes",
					op.Column("id", "bigint").PrimaryKey().AutoIncrement(),
					op.Column("member_id", "bigint").NotNull().References("members", "id").OnDelete("CASCADE"),
					op.Column("slug", "varchar(40)").NotNull().Unique().Check("length(slug) > 0"),
					op.Column("body", "text").Default("''").Comment("the note").Collation("C").Charset("utf8mb4"),
					op.Column("n", "int").IdentityByDefault(),
					op.Column("m", "int").IdentityAlways().OnUpdate("CURRENT_TIMESTAMP"),
					op.Column("total", "int").GeneratedStored("n + m"),
					op.Column("half", "int").GeneratedVirtual("n / 2"),
					op.Column("mood", "mood").Enum("mood", "happy", "sad").Logical(model.LogicalString).Size(10).Unsigned(),
					op.Comment("notes of members"),
					op.Option("ENGINE", "InnoDB"),
				)
			},
			want: []ops.Op{ops.CreateTable{Table: model.Table{
				Name: "notes",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
					{Name: "member_id", Type: model.Type{SQL: "bigint"}},
					{Name: "slug", Type: model.Type{SQL: "varchar(40)"}},
					{Name: "body", Type: model.Type{SQL: "text"}, Nullable: true, Default: "''", Comment: "the note", Collation: "C", Charset: "utf8mb4"},
					{Name: "n", Type: model.Type{SQL: "int"}, Nullable: true, Identity: model.IdentityByDefault},
					{Name: "m", Type: model.Type{SQL: "int"}, Nullable: true, Identity: model.IdentityAlways, OnUpdate: "CURRENT_TIMESTAMP"},
					{Name: "total", Type: model.Type{SQL: "int"}, Nullable: true, Generated: model.Generated{Expr: "n + m", Stored: true}},
					{Name: "half", Type: model.Type{SQL: "int"}, Nullable: true, Generated: model.Generated{Expr: "n / 2"}},
					{Name: "mood", Type: model.Type{SQL: "mood", Enum: "mood", EnumValues: []string{"happy", "sad"}, Logical: model.LogicalString, Size: 10, Unsigned: true}, Nullable: true},
				},
				PrimaryKey:  model.PrimaryKey{Name: "pk_notes", Columns: []string{"id"}},
				Uniques:     []model.Unique{{Name: "uq_notes_slug", Columns: []string{"slug"}}},
				ForeignKeys: []model.ForeignKey{{Name: "fk_notes_member_id_members", Columns: []string{"member_id"}, RefTable: "members", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
				Checks:      []model.Check{{Name: "ck_notes_slug", Expr: "length(slug) > 0"}},
				Comment:     "notes of members",
				Options:     []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}},
			}}},
		},
		{
			name: "drop table with table-level items in a schema",
			record: func(op *Recorder) {
				op.InSchema("app").DropTable("links",
					op.Column("a", "int").NotNull(),
					op.Column("b", "int").NotNull(),
					op.PrimaryKey("links_pkey", "a", "b"),
					op.Unique("links_b_key", "b"),
					op.ForeignKey("links_a_fkey", []string{"a"}, "things", []string{"id"}).OnUpdate("set null").Deferrable().InitiallyDeferred().RefSchema("other"),
					op.Check("links_a_check", "a > 0"),
					op.Index("links_b_idx", "b").Desc("b"),
				)
			},
			want: []ops.Op{ops.DropTable{Table: model.Table{
				Schema: "app",
				Name:   "links",
				Columns: []model.Column{
					{Name: "a", Type: model.Type{SQL: "int"}},
					{Name: "b", Type: model.Type{SQL: "int"}},
				},
				PrimaryKey:  model.PrimaryKey{Name: "links_pkey", Columns: []string{"a", "b"}},
				Uniques:     []model.Unique{{Name: "links_b_key", Columns: []string{"b"}}},
				ForeignKeys: []model.ForeignKey{{Name: "links_a_fkey", Columns: []string{"a"}, RefSchema: "other", RefTable: "things", RefColumns: []string{"id"}, OnUpdate: model.SetNull, Deferrable: true, InitiallyDeferred: true}},
				Checks:      []model.Check{{Name: "links_a_check", Expr: "a > 0"}},
				Indexes:     []model.Index{{Name: "links_b_idx", Parts: []model.IndexPart{{Column: "b", Desc: true}}}},
			}}},
		},
		{
			name: "composite inline primary key",
			record: func(op *Recorder) {
				op.CreateTable("m", op.Column("a", "int").PrimaryKey(), op.Column("b", "int").PrimaryKey())
			},
			want: []ops.Op{ops.CreateTable{Table: model.Table{
				Name:       "m",
				Columns:    []model.Column{{Name: "a", Type: model.Type{SQL: "int"}}, {Name: "b", Type: model.Type{SQL: "int"}}},
				PrimaryKey: model.PrimaryKey{Name: "pk_m", Columns: []string{"a", "b"}},
			}}},
		},
		{
			name: "columns",
			record: func(op *Recorder) {
				op.AddColumn("members", op.Column("bio", "text").RenamedFrom("about"))
				op.AddColumn("members", op.Column("team_id", "bigint").References("teams", "id").Unique().Check("team_id > 0"))
				op.DropColumn("members", "bio", op.Column("bio", "text"))
				op.DropColumn("members", "old")
				op.RenameColumn("members", "nick", "nickname")
				op.RenameTable("members", "people")
			},
			want: []ops.Op{
				ops.AddColumn{Table: "members", Column: model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true, RenamedFrom: "about"}},
				ops.AddColumn{Table: "members", Column: model.Column{Name: "team_id", Type: model.Type{SQL: "bigint"}, Nullable: true}},
				ops.AddUnique{Table: "members", Unique: model.Unique{Name: "uq_members_team_id", Columns: []string{"team_id"}}},
				ops.AddForeignKey{Table: "members", ForeignKey: model.ForeignKey{Name: "fk_members_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}}},
				ops.AddCheck{Table: "members", Check: model.Check{Name: "ck_members_team_id", Expr: "team_id > 0"}},
				ops.DropColumn{Table: "members", Column: model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true}},
				ops.DropColumn{Table: "members", Column: model.Column{Name: "old", Nullable: true}},
				ops.RenameColumn{Table: "members", From: "nick", To: "nickname"},
				ops.RenameTable{From: "members", To: "people"},
			},
		},
		{
			name: "alter column type and nullability",
			record: func(op *Recorder) {
				op.AlterColumn("members", "nick").Type("varchar(40)", "varchar(80)").SetNotNull()
			},
			want: []ops.Op{ops.AlterColumn{
				Table: "members", Change: ops.ChangeType | ops.ChangeNullable,
				From: model.Column{Name: "nick", Type: model.Type{SQL: "varchar(40)"}, Nullable: true},
				To:   model.Column{Name: "nick", Type: model.Type{SQL: "varchar(80)"}},
			}},
		},
		{
			name: "alter column with existing and every aspect",
			record: func(op *Recorder) {
				op.AlterColumn("t", "c").
					Existing(op.Column("c", "int").NotNull().Default("0").Comment("keep")).
					DropNotNull().Default("0", "1").Comment("keep", "new").SetAutoIncrement().
					Identity(model.IdentityNone, model.IdentityAlways).
					Generated(model.Generated{}, model.Generated{Expr: "a", Stored: true}).
					Collation("a", "b").Charset("x", "y").OnUpdate("", "CURRENT_TIMESTAMP")
			},
			want: []ops.Op{ops.AlterColumn{
				Table: "t",
				Change: ops.ChangeNullable | ops.ChangeDefault | ops.ChangeComment | ops.ChangeAutoIncrement |
					ops.ChangeIdentity | ops.ChangeGenerated | ops.ChangeCollation | ops.ChangeOnUpdate,
				From: model.Column{Name: "c", Type: model.Type{SQL: "int"}, Default: "0", Comment: "keep", Collation: "a", Charset: "x"},
				To: model.Column{Name: "c", Type: model.Type{SQL: "int"}, Nullable: true, Default: "1", Comment: "new", AutoIncrement: true,
					Identity: model.IdentityAlways, Generated: model.Generated{Expr: "a", Stored: true}, Collation: "b", Charset: "y", OnUpdate: "CURRENT_TIMESTAMP"},
			}},
		},
		{
			name: "alter column explicit change bits",
			record: func(op *Recorder) {
				op.AlterColumn("t", "c").Change(ops.ChangeType).Type("int", "bigint").Change(ops.ChangeDefault).DropAutoIncrement().RenamedFrom("", "d")
			},
			want: []ops.Op{ops.AlterColumn{
				Table: "t", Change: ops.ChangeDefault,
				From: model.Column{Name: "c", Type: model.Type{SQL: "int"}, Nullable: true, AutoIncrement: true},
				To:   model.Column{Name: "c", Type: model.Type{SQL: "bigint"}, Nullable: true, RenamedFrom: "d"},
			}},
		},
		{
			name: "indexes",
			record: func(op *Recorder) {
				op.CreateIndex("ix_users_email", "users", "email").Unique().Where("deleted_at IS NULL").Using("btree").Include("id", "name").Length("email", 191).Concurrently()
				op.CreateIndex("ix_users_mixed", "users", "a").Expr("lower(name)").Columns("b").Desc("lower(name)").Desc("b")
				op.InSchema("s").DropIndex("ix_old", "users")
			},
			want: []ops.Op{
				ops.CreateIndex{Table: "users", Concurrently: true, Index: model.Index{
					Name: "ix_users_email", Unique: true, Parts: []model.IndexPart{{Column: "email", Length: 191}},
					Where: "deleted_at IS NULL", Method: "btree", Include: []string{"id", "name"},
				}},
				ops.CreateIndex{Table: "users", Index: model.Index{
					Name: "ix_users_mixed", Parts: []model.IndexPart{{Column: "a"}, {Expr: "lower(name)", Desc: true}, {Column: "b", Desc: true}},
				}},
				ops.DropIndex{Schema: "s", Table: "users", Index: model.Index{Name: "ix_old"}},
			},
		},
		{
			name: "constraints",
			record: func(op *Recorder) {
				op.AddPrimaryKey("pk_t", "t", "a", "b")
				op.DropPrimaryKey("pk_t", "t", "a")
				op.AddUnique("uq_t_a", "t", "a")
				op.DropUnique("uq_t_a", "t", "a")
				op.AddForeignKey("fk_t_a_u", "t", []string{"a"}, "u", []string{"id"}).OnDelete("SET NULL").OnUpdate("CASCADE")
				op.DropForeignKey("fk_t_a_u", "t", []string{"a"}, "u", []string{"id"}).RefSchema("x").Deferrable()
				op.AddCheck("ck_t_a", "t", "a > 0")
				op.DropCheck("ck_t_a", "t", "a > 0")
			},
			want: []ops.Op{
				ops.AddPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Name: "pk_t", Columns: []string{"a", "b"}}},
				ops.DropPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Name: "pk_t", Columns: []string{"a"}}},
				ops.AddUnique{Table: "t", Unique: model.Unique{Name: "uq_t_a", Columns: []string{"a"}}},
				ops.DropUnique{Table: "t", Unique: model.Unique{Name: "uq_t_a", Columns: []string{"a"}}},
				ops.AddForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk_t_a_u", Columns: []string{"a"}, RefTable: "u", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.Cascade}},
				ops.DropForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk_t_a_u", Columns: []string{"a"}, RefSchema: "x", RefTable: "u", RefColumns: []string{"id"}, Deferrable: true}},
				ops.AddCheck{Table: "t", Check: model.Check{Name: "ck_t_a", Expr: "a > 0"}},
				ops.DropCheck{Table: "t", Check: model.Check{Name: "ck_t_a", Expr: "a > 0"}},
			},
		},
		{
			name: "table comment and options",
			record: func(op *Recorder) {
				op.SetTableComment("t", "", "hello")
				op.SetTableOptions("t").From("ENGINE", "MyISAM").To("ENGINE", "InnoDB").To("CHARSET", "utf8mb4")
			},
			want: []ops.Op{
				ops.SetTableComment{Table: "t", To: "hello"},
				ops.SetTableOptions{Table: "t", From: []model.TableOption{{Name: "ENGINE", Value: "MyISAM"}}, To: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}, {Name: "CHARSET", Value: "utf8mb4"}}},
			},
		},
		{
			name: "enums and execute",
			record: func(op *Recorder) {
				op.InSchema("app").CreateEnum("mood", "happy", "sad")
				op.AddEnumValue("mood", "ok").After("happy")
				op.AddEnumValue("mood", "meh").Before("sad")
				op.DropEnum("old")
				op.Execute("UPDATE t SET a = 1").Down("UPDATE t SET a = 0").NoTransaction()
				op.Execute("VACUUM")
			},
			want: []ops.Op{
				ops.CreateEnum{Enum: model.Enum{Schema: "app", Name: "mood", Values: []string{"happy", "sad"}}},
				ops.AddEnumValue{Enum: "mood", Value: "ok", After: "happy"},
				ops.AddEnumValue{Enum: "mood", Value: "meh", Before: "sad"},
				ops.DropEnum{Enum: model.Enum{Name: "old"}},
				ops.Execute{SQL: "UPDATE t SET a = 1", DownSQL: "UPDATE t SET a = 0", NoTransaction: true},
				ops.Execute{SQL: "VACUUM"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var op Recorder
			tt.record(&op)
			if diff := cmp.Diff(tt.want, op.Ops()); diff != "" {
				t.Errorf("recorded ops mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOpBuilderPanics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		record func(op *Recorder)
	}{
		{"unknown action", func(op *Recorder) { op.Column("a", "int").OnDelete("EXPLODE") }},
		{"OnDelete without References", func(op *Recorder) { op.CreateTable("t", op.Column("a", "int").OnDelete("CASCADE")) }},
		{"two primary keys", func(op *Recorder) {
			op.CreateTable("t", op.PrimaryKey("p", "a"), op.PrimaryKey("q", "b"))
		}},
		{"inline constraint on drop column", func(op *Recorder) { op.DropColumn("t", "a", op.Column("a", "int").Unique()) }},
		{"drop column name mismatch", func(op *Recorder) { op.DropColumn("t", "a", op.Column("b", "int")) }},
		{"existing name mismatch", func(op *Recorder) { op.AlterColumn("t", "a").Existing(op.Column("b", "int")) }},
		{"desc of unknown key", func(op *Recorder) { op.CreateIndex("ix", "t", "a").Desc("b") }},
		{"concurrently table item", func(op *Recorder) { op.CreateTable("t", op.Index("ix", "a").Concurrently()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				r := recover()
				err, ok := r.(error)
				var be *BuildError
				if !ok || !errors.As(err, &be) {
					t.Errorf("panic value = %v, want a *BuildError", r)
				}
			}()
			var op Recorder
			tt.record(&op)
		})
	}
}

// TestOpBuilderCoversOps proves every op type but Custom has a builder
// method, by recording one of each.
func TestOpBuilderCoversOps(t *testing.T) {
	t.Parallel()
	var op Recorder
	op.CreateTable("t")
	op.DropTable("t")
	op.RenameTable("t", "u")
	op.AddColumn("t", op.Column("c", "int"))
	op.DropColumn("t", "c")
	op.AlterColumn("t", "c")
	op.RenameColumn("t", "c", "d")
	op.CreateIndex("i", "t")
	op.DropIndex("i", "t")
	op.AddPrimaryKey("p", "t")
	op.DropPrimaryKey("p", "t")
	op.AddUnique("u", "t")
	op.DropUnique("u", "t")
	op.AddForeignKey("f", "t", nil, "u", nil)
	op.DropForeignKey("f", "t", nil, "u", nil)
	op.AddCheck("c", "t", "true")
	op.DropCheck("c", "t", "true")
	op.SetTableComment("t", "", "x")
	op.SetIndexComment("t", "ix", "", "x")
	op.CreateExtension("citext")
	op.DropExtension("citext")
	op.AddExclude("ex", "t", "USING gist (a WITH &&)").Comment("c")
	op.DropExclude("ex", "t", "USING gist (a WITH &&)")
	op.SetTableOptions("t")
	op.CreateEnum("e")
	op.DropEnum("e")
	op.AddEnumValue("e", "v")
	op.SetEnumComment("e", "", "x")
	op.ValidateCheck("c", "t", "true")
	op.Execute("SELECT 1")
	op.BulkInsert("t", []string{"a"}, []any{1})
	op.RenameEnum("e", "f")
	got := map[string]bool{}
	for _, o := range op.Ops() {
		got[typeName(o)] = true
	}
	for _, o := range ops.All() {
		if _, custom := o.(ops.Custom); custom {
			continue
		}
		if !got[typeName(o)] {
			t.Errorf("no builder method records %s", typeName(o))
		}
	}
}

func typeName(o ops.Op) string { return fmt.Sprintf("%T", o) }

func ExampleRecorder() {
	var op Recorder
	op.CreateTable("notes",
		op.Column("id", "bigint").PrimaryKey().AutoIncrement(),
		op.Column("member_id", "bigint").NotNull().References("members", "id").OnDelete("CASCADE"),
	)
	op.CreateIndex("ix_notes_member_id", "notes", "member_id")
	op.AlterColumn("members", "nick").Type("varchar(40)", "varchar(80)").SetNotNull()
	for _, o := range op.Ops() {
		switch o := o.(type) {
		case ops.CreateTable:
			fmt.Println("create table", o.Table.Name, o.Table.PrimaryKey.Name, o.Table.ForeignKeys[0].Name, o.Table.ForeignKeys[0].OnDelete)
		case ops.CreateIndex:
			fmt.Println("create index", o.Index.Name)
		case ops.AlterColumn:
			fmt.Println("alter column", o.To.Name, o.Change, o.From.Type.SQL, "->", o.To.Type.SQL)
		}
	}
	// Output:
	// create table notes pk_notes fk_notes_member_id_members CASCADE
	// create index ix_notes_member_id
	// alter column nick type|nullable varchar(40) -> varchar(80)
}
