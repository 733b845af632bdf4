package mysql_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/model"
)

// richSchema exercises every column and table feature MySQL has.
func richSchema() model.Schema {
	return model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"happy", "sad"}}},
		Tables: []model.Table{
			{
				Name: "teams",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalInt, Unsigned: true}, AutoIncrement: true},
					{Name: "name", Type: model.Type{Logical: model.LogicalString, Size: 100}},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_teams", Columns: []string{"id"}},
				Uniques:    []model.Unique{{Name: "uq_teams_name", Columns: []string{"name"}}},
				Options:    []model.TableOption{{Name: "engine", Value: "innodb"}},
			},
			{
				Name:    "members",
				Comment: "people who belong to a team",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
					{Name: "team_id", Type: model.Type{Logical: model.LogicalInt, Unsigned: true}, Nullable: true},
					{Name: "mentor_id", Type: model.Type{SQL: "bigint(20)"}, Nullable: true},
					{Name: "tiny", Type: model.Type{SQL: "TINYINT(4)"}, Default: "'0'"},
					{Name: "small", Type: model.Type{SQL: "smallint(5) unsigned"}, Default: "7"},
					{Name: "medium", Type: model.Type{SQL: "mediumint"}, Nullable: true},
					{Name: "active", Type: model.Type{Logical: model.LogicalBool}, Default: "true"},
					{Name: "email", Type: model.Type{SQL: "varchar(255)"}},
					{Name: "code", Type: model.Type{SQL: "char(8)"}, Default: "'AB''C'", Charset: "latin1"},
					{Name: "nick", Type: model.Type{SQL: "varchar(40)"}, Nullable: true, Collation: "utf8mb4_bin", Comment: "shown to others"},
					{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true},
					{Name: "cs_default", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Charset: "latin1", Collation: "latin1_swedish_ci"},
					{Name: "cs_same", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Charset: "UTF8MB4"},
					{Name: "co_only", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Collation: "latin1_bin"},
					{Name: "co_same", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Collation: "utf8mb4_general_ci"},
					{Name: "cs_utf8", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Charset: "utf8", Collation: "utf8_bin"},
					{Name: "notes", Type: model.Type{SQL: "mediumtext"}, Nullable: true},
					{Name: "avatar", Type: model.Type{Logical: model.LogicalBytes}, Nullable: true},
					{Name: "thumb", Type: model.Type{SQL: "blob"}, Nullable: true},
					{Name: "tag", Type: model.Type{SQL: "varbinary(4)"}, Default: "0x6162"},
					{Name: "balance", Type: model.Type{SQL: "decimal(12,2)"}, Default: "0.00"},
					{Name: "ratio", Type: model.Type{Logical: model.LogicalDecimal}, Nullable: true},
					{Name: "score", Type: model.Type{Logical: model.LogicalReal}, Default: "1.5"},
					{Name: "weight", Type: model.Type{Logical: model.LogicalDouble}, Nullable: true},
					{Name: "born", Type: model.Type{SQL: "date"}, Nullable: true, Default: "'2000-01-01'"},
					{Name: "created_at", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "now(6)"},
					{Name: "updated_at", Type: model.Type{SQL: "timestamp(3)"}, Default: "CURRENT_TIMESTAMP(3)", OnUpdate: "current_timestamp(3)"},
					{Name: "touched", Type: model.Type{SQL: "datetime"}, Nullable: true, OnUpdate: "CURRENT_TIMESTAMP"},
					{Name: "prefs", Type: model.Type{Logical: model.LogicalJSON}, Nullable: true},
					{Name: "uid", Type: model.Type{Logical: model.LogicalUUID}, Nullable: true},
					{Name: "role", Type: model.Type{EnumValues: []string{"admin", "user"}}, Default: "'user'"},
					{Name: "mood", Type: model.Type{Enum: "mood"}, Nullable: true, Default: "NULL"},
					{Name: "perms", Type: model.Type{SQL: "set('read','write')"}, Nullable: true, Default: "'read'"},
					{Name: "flags", Type: model.Type{SQL: "bit(4)"}, Default: "5"},
					{Name: "email_domain", Type: model.Type{SQL: "varchar(255)"}, Nullable: true,
						Generated: model.Generated{Expr: "substring_index(email, '@', -1)"}},
					{Name: "total", Type: model.Type{SQL: "decimal(13,2)"}, Nullable: true,
						Generated: model.Generated{Expr: "(balance * 2) + 1", Stored: true}},
				},
				PrimaryKey: model.PrimaryKey{Name: "pk_members", Columns: []string{"id"}},
				Indexes: []model.Index{
					{Name: "ix_members_email", Unique: true, Parts: []model.IndexPart{{Column: "email", Length: 191}}},
					{Name: "ix_members_bio", Method: "fulltext", Parts: []model.IndexPart{{Column: "bio"}}},
					{Name: "ix_members_nick_born", Method: "BTREE", Parts: []model.IndexPart{{Column: "nick"}, {Column: "born", Desc: true}}},
				},
				ForeignKeys: []model.ForeignKey{
					{Name: "fk_members_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"},
						OnDelete: model.SetNull, OnUpdate: model.Cascade},
					{Name: "fk_members_mentor_id_members", Columns: []string{"mentor_id"}, RefTable: "members", RefColumns: []string{"id"},
						OnDelete: model.Restrict},
				},
				Checks: []model.Check{
					{Name: "ck_members_balance", Expr: "balance >= 0 AND (tiny < 100 OR small > 1)"},
					{Name: "ck_members_code", Expr: "code <> 'zz'"},
				},
				Options: []model.TableOption{{Name: "DEFAULT CHARSET", Value: "utf8mb4"}, {Name: "collation", Value: "utf8mb4_general_ci"}},
			},
		},
	}
}

func TestRoundTripRichModel(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	m := richSchema()
	createAll(t, db.DB, d, m)
	assertSameAsModel(t, db.DB, d, m)
}

// TestRoundTripRawSQL creates a schema by hand, reflects it, creates the
// reflected model in a second database and checks both reflect the same.
func TestRoundTripRawSQL(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	db.ExecScript(t, rawSchemaSQL)
	got := inspect(t, db.DB)
	want := model.Schema{Tables: []model.Table{
		{
			Name: "p", Comment: "parent",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "int(11)"}, AutoIncrement: true},
				{Name: "select", Type: model.Type{SQL: "varchar(10)"}, Nullable: true, Default: "'a b'"},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Options:    []model.TableOption{{Name: "CHARSET", Value: "utf8mb4"}, {Name: "COLLATE", Value: "utf8mb4_general_ci"}, {Name: "ENGINE", Value: "InnoDB"}},
		},
		{
			Name: "t", Comment: "tab",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint(20) unsigned"}, AutoIncrement: true},
				{Name: "a", Type: model.Type{SQL: "int(11)"}, Nullable: true, Default: "0"},
				{Name: "b", Type: model.Type{SQL: "tinyint(1)"}, Default: "1"},
				{Name: "c", Type: model.Type{SQL: "varchar(20)"}, Nullable: true, Default: "'x''y'"},
				{Name: "d", Type: model.Type{SQL: "varchar(10)"}, Nullable: true},
				{Name: "e", Type: model.Type{SQL: "datetime(3)"}, Nullable: true, Default: "CURRENT_TIMESTAMP(3)", OnUpdate: "CURRENT_TIMESTAMP(3)"},
				{Name: "f", Type: model.Type{SQL: "timestamp"}, Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP"},
				{Name: "g", Type: model.Type{SQL: "json"}, Nullable: true},
				{Name: "h", Type: model.Type{SQL: "enum('a','b')"}, Nullable: true, Default: "'a'"},
				{Name: "i", Type: model.Type{SQL: "set('x','y')"}, Nullable: true},
				{Name: "j", Type: model.Type{SQL: "decimal(10,2)"}, Nullable: true, Default: "1.50"},
				{Name: "k", Type: model.Type{SQL: "bit(1)"}, Nullable: true, Default: "b'1'"},
				{Name: "l", Type: model.Type{SQL: "int(11)"}, Nullable: true, Generated: model.Generated{Expr: "`a` + 1"}},
				{Name: "m", Type: model.Type{SQL: "varchar(30)"}, Nullable: true, Generated: model.Generated{Expr: "concat(`c`,'z')", Stored: true}},
				{Name: "n", Type: model.Type{SQL: "varchar(10)"}, Nullable: true, Charset: "latin1", Collation: "latin1_bin", Comment: "hi"},
				{Name: "o", Type: model.Type{SQL: "text"}, Nullable: true},
				{Name: "pid", Type: model.Type{SQL: "int(11)"}, Nullable: true},
				{Name: "email", Type: model.Type{SQL: "varchar(255)"}, Nullable: true},
				{Name: "q", Type: model.Type{SQL: "char(3)"}, Nullable: true, Charset: "ascii"},
				{Name: "r", Type: model.Type{SQL: "varchar(5)"}, Nullable: true, Collation: "utf8mb4_unicode_ci"},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "fk_t_p", Parts: []model.IndexPart{{Column: "pid"}}},
				{Name: "ft", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "o"}}},
				{Name: "ix_ad", Parts: []model.IndexPart{{Column: "a"}, {Column: "c", Desc: true}}},
				{Name: "uq_e", Unique: true, Parts: []model.IndexPart{{Column: "email", Length: 191}}},
			},
			ForeignKeys: []model.ForeignKey{{Name: "fk_t_p", Columns: []string{"pid"}, RefTable: "p", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			Checks: []model.Check{
				{Name: "CONSTRAINT_1", Expr: "`a` < 100"},
				{Name: "ck_a", Expr: "`a` > 0 and `c` <> 'q'"},
			},
			Options: []model.TableOption{{Name: "CHARSET", Value: "utf8mb4"}, {Name: "COLLATE", Value: "utf8mb4_general_ci"}, {Name: "ENGINE", Value: "InnoDB"}},
		},
	}}
	if d.Flavor == 0 {
		// MySQL 8 spells types without display widths and wraps
		// expressions; compare normalised there.
		want, got = comparable(d, want), comparable(d, got)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("reflected raw SQL (-want +got):\n%s", diff)
	}

	// Re-create the reflected model in a second database: it must reflect
	// back identical, and equal to Canonical of itself.
	db2, _ := server(t)
	createAll(t, db2.DB, d, got)
	got2 := inspect(t, db2.DB)
	if diff := cmp.Diff(got, got2); diff != "" {
		t.Errorf("re-created schema (-first +second):\n%s", diff)
	}
	assertSameAsModel(t, db2.DB, d, got)
}

// rawSchemaSQL is a schema written by hand, with every feature.
const rawSchemaSQL = "CREATE TABLE p (id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, `select` varchar(10) DEFAULT 'a b') ENGINE=InnoDB COMMENT='parent';\n" +
	"CREATE TABLE t (\n" +
	" id bigint unsigned NOT NULL AUTO_INCREMENT,\n" +
	" a int(11) DEFAULT 0, b tinyint(1) NOT NULL DEFAULT 1, c varchar(20) DEFAULT 'x''y', d varchar(10) DEFAULT NULL,\n" +
	" e datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n" +
	" f timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),\n" +
	" g json, h enum('a','b') DEFAULT 'a', i set('x','y'), j decimal(10,2) DEFAULT '1.50', k bit(1) DEFAULT b'1',\n" +
	" l int GENERATED ALWAYS AS (a+1) VIRTUAL, m varchar(30) AS (concat(c,'z')) STORED,\n" +
	" n varchar(10) CHARACTER SET latin1 COLLATE latin1_bin COMMENT 'hi', o text, pid int, email varchar(255),\n" +
	" q char(3) CHARACTER SET ascii, r varchar(5) COLLATE utf8mb4_unicode_ci,\n" +
	" PRIMARY KEY(id), UNIQUE KEY uq_e (email(191)), KEY ix_ad (a, c DESC), FULLTEXT KEY ft (o),\n" +
	" CONSTRAINT fk_t_p FOREIGN KEY (pid) REFERENCES p(id) ON DELETE CASCADE,\n" +
	" CONSTRAINT ck_a CHECK (a > 0 and c <> 'q'), CHECK (`a` < 100)\n" +
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='tab';"
