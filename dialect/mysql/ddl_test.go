package mysql_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestStatementsCoverEveryOp proves the switch in Statements knows every op
// type: zero values give statements or nothing, never "unsupported", except
// Custom.
func TestStatementsCoverEveryOp(t *testing.T) {
	t.Parallel()
	for _, d := range []*mysql.Dialect{mysql.New(), mysql.NewMariaDB()} {
		for _, op := range ops.All() {
			_, err := d.Statements(t.Context(), op, dialect.NoTables{})
			_, custom := op.(ops.Custom)
			if custom != (err != nil) {
				t.Errorf("%s %T: err = %v", d.Flavor, op, err)
			}
		}
	}
}

func TestStatementsSQL(t *testing.T) {
	t.Parallel()
	col := model.Column{Name: "title", Type: model.Type{SQL: "varchar(200)"}, Nullable: true, Default: "'n'", Comment: "it's"}
	tests := []struct {
		name    string
		dialect *mysql.Dialect
		op      ops.Op
		want    []string
	}{
		{"create table", mysql.New(), ops.CreateTable{Table: model.Table{
			Name: "order", Comment: "orders",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{Logical: model.LogicalBigInt, Unsigned: true}, AutoIncrement: true},
				{Name: "at", Type: model.Type{SQL: "timestamp"}, Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP"},
				{Name: "uid", Type: model.Type{Logical: model.LogicalUUID}, Default: "uuid()"},
				{Name: "g", Type: model.Type{SQL: "int"}, Generated: model.Generated{Expr: "id + 1", Stored: true}},
				{Name: "name", Type: model.Type{SQL: "varchar(10)"}, Charset: "latin1", Collation: "latin1_bin"},
			},
			PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
			Uniques:     []model.Unique{{Name: "uq_name", Columns: []string{"name"}}},
			Indexes:     []model.Index{{Name: "ix_at", Parts: []model.IndexPart{{Column: "at", Desc: true}, {Column: "name", Length: 5}}}},
			ForeignKeys: []model.ForeignKey{{Name: "fk_x", Columns: []string{"g"}, RefTable: "x", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			Checks:      []model.Check{{Name: "ck_g", Expr: "g > 0"}},
			Options:     []model.TableOption{{Name: "engine", Value: "innodb"}, {Name: "charset", Value: "utf8mb4"}},
		}}, []string{"CREATE TABLE `order` (\n" +
			"  id bigint unsigned NOT NULL AUTO_INCREMENT,\n" +
			"  at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n" +
			"  uid char(36) NOT NULL DEFAULT (uuid()),\n" +
			"  g int GENERATED ALWAYS AS (id + 1) STORED NOT NULL,\n" +
			"  name varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL,\n" +
			"  PRIMARY KEY (id),\n" +
			"  UNIQUE KEY uq_name (name),\n" +
			"  KEY ix_at (at DESC, name(5)),\n" +
			"  CONSTRAINT fk_x FOREIGN KEY (g) REFERENCES x (id) ON DELETE CASCADE,\n" +
			"  CONSTRAINT ck_g CHECK (g > 0)\n" +
			") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='orders'"}},
		{"text default mysql", mysql.New(), ops.AddColumn{Table: "t", Column: model.Column{Name: "b", Type: model.Type{SQL: "text"}, Default: "'x'"}}, []string{"ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT ('x')"}},
		{"text default mariadb", mysql.NewMariaDB(), ops.AddColumn{Table: "t", Column: model.Column{Name: "b", Type: model.Type{SQL: "text"}, Default: "'x'"}}, []string{"ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT 'x'"}},
		{"timestamp precision", mysql.New(), ops.AddColumn{Table: "t", Column: model.Column{Name: "at", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "now()", OnUpdate: "CURRENT_TIMESTAMP"}}, []string{"ALTER TABLE t ADD COLUMN at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)"}},
		{"drop table", mysql.New(), ops.DropTable{Table: model.Table{Name: "t"}}, []string{"DROP TABLE t"}},
		{"rename table", mysql.New(), ops.RenameTable{From: "a", To: "b"}, []string{"RENAME TABLE a TO b"}},
		{"add column", mysql.New(), ops.AddColumn{Table: "t", Column: col}, []string{"ALTER TABLE t ADD COLUMN title varchar(200) DEFAULT 'n' COMMENT 'it''s'"}},
		{"drop column", mysql.New(), ops.DropColumn{Table: "t", Column: col}, []string{"ALTER TABLE t DROP COLUMN title"}},
		{"alter column", mysql.New(), ops.AlterColumn{Table: "t", From: col, To: model.Column{Name: "title", Type: model.Type{SQL: "text"}}}, []string{"ALTER TABLE t MODIFY COLUMN title text NOT NULL"}},
		{"rename column", mysql.New(), ops.RenameColumn{Table: "t", From: "a", To: "b"}, []string{"ALTER TABLE t RENAME COLUMN a TO b"}},
		{"create index", mysql.New(), ops.CreateIndex{Table: "t", Index: model.Index{Name: "ft", Method: "fulltext", Parts: []model.IndexPart{{Column: "body"}}}}, []string{"CREATE FULLTEXT INDEX ft ON t (body)"}},
		{"create unique index", mysql.New(), ops.CreateIndex{Schema: "s", Table: "t", Index: model.Index{Name: "u", Unique: true, Method: "BTREE", Parts: []model.IndexPart{{Column: "a"}, {Expr: "lower(b)"}}}}, []string{"CREATE UNIQUE INDEX u ON s.t (a, (lower(b))) USING BTREE"}},
		{"create fulltext index offline mariadb", mysql.NewMariaDB(), ops.CreateIndex{Table: "t", Index: model.Index{Name: "ft", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "a"}}}}, []string{"CREATE FULLTEXT INDEX ft ON t (a)"}},
		{"create index offline mariadb", mysql.NewMariaDB(), ops.CreateIndex{Table: "t", Index: model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a"}}}}, []string{"CREATE INDEX IF NOT EXISTS ix ON t (a)"}},
		{"drop index", mysql.New(), ops.DropIndex{Table: "t", Index: model.Index{Name: "ix"}}, []string{"DROP INDEX ix ON t"}},
		{"add pk", mysql.New(), ops.AddPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Columns: []string{"a", "b"}}}, []string{"ALTER TABLE t ADD PRIMARY KEY (a, b)"}},
		{"drop pk", mysql.New(), ops.DropPrimaryKey{Table: "t"}, []string{"ALTER TABLE t DROP PRIMARY KEY"}},
		{"add unique", mysql.New(), ops.AddUnique{Table: "t", Unique: model.Unique{Name: "uq", Columns: []string{"a"}}}, []string{"ALTER TABLE t ADD UNIQUE INDEX uq (a)"}},
		{"drop unique", mysql.New(), ops.DropUnique{Table: "t", Unique: model.Unique{Name: "uq"}}, []string{"DROP INDEX uq ON t"}},
		{"add fk", mysql.New(), ops.AddForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk", Columns: []string{"a"}, RefSchema: "o", RefTable: "u", RefColumns: []string{"id"}, OnUpdate: model.SetNull}}, []string{"ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES o.u (id) ON UPDATE SET NULL"}},
		{"drop fk", mysql.New(), ops.DropForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk"}}, []string{"ALTER TABLE t DROP FOREIGN KEY fk"}},
		{"add check", mysql.New(), ops.AddCheck{Table: "t", Check: model.Check{Name: "ck", Expr: "a > 0"}}, []string{"ALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0)"}},
		{"drop check mysql", mysql.New(), ops.DropCheck{Table: "t", Check: model.Check{Name: "ck"}}, []string{"ALTER TABLE t DROP CHECK ck"}},
		{"drop check mariadb", mysql.NewMariaDB(), ops.DropCheck{Table: "t", Check: model.Check{Name: "ck"}}, []string{"ALTER TABLE t DROP CONSTRAINT ck"}},
		{"comment", mysql.New(), ops.SetTableComment{Table: "t", To: `a\b`}, []string{`ALTER TABLE t COMMENT = 'a\\b'`}},
		{"row_format reset", mysql.New(), ops.SetTableOptions{Table: "t", To: []model.TableOption{{Name: "ROW_FORMAT", Value: "DEFAULT"}, {Name: "KEY_BLOCK_SIZE", Value: "0"}}}, []string{"ALTER TABLE t KEY_BLOCK_SIZE=0 ROW_FORMAT=DEFAULT"}},
		{"options", mysql.New(), ops.SetTableOptions{Table: "t", To: []model.TableOption{{Name: "ENGINE", Value: "myisam"}, {Name: "COLLATE", Value: "utf8mb4_bin"}}}, []string{"ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, ENGINE=MyISAM"}},
		{"create enum", mysql.New(), ops.CreateEnum{Enum: model.Enum{Name: "e"}}, nil},
		{"add enum value", mysql.New(), ops.AddEnumValue{Enum: "e", Value: "v"}, nil},
		{"execute", mysql.New(), ops.Execute{SQL: "DELETE FROM t"}, []string{"DELETE FROM t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stmts, err := tt.dialect.Statements(t.Context(), tt.op, dialect.NoTables{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestRenameColumnOldServer checks the CHANGE COLUMN fallback for servers
// without RENAME COLUMN, and that offline SQL says it needs the live table.
func TestRenameColumnOldServer(t *testing.T) {
	t.Parallel()
	d := mysql.NewForVersion("10.3.39-MariaDB")
	op := ops.RenameColumn{Table: "t", From: "a", To: "b"}
	src := dialect.TableSourceFunc(func(_ context.Context, _, name string) (model.Table, bool, error) {
		return model.Table{Name: name, Columns: []model.Column{{Name: "a", Type: model.Type{SQL: "int(11)"}, Default: "0"}}}, true, nil
	})
	stmts, err := d.Statements(t.Context(), op, src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stmts[0].SQL, "ALTER TABLE t CHANGE COLUMN a b int(11) NOT NULL DEFAULT 0"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := d.Statements(t.Context(), op, dialect.NoTables{}); !errors.Is(err, dialect.ErrOffline) {
		t.Errorf("offline: err = %v, want ErrOffline", err)
	}
}

func TestParseVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		flavor mysql.Flavor
		v      mysql.Version
	}{
		{"10.11.19-MariaDB-0+deb12u1", mysql.FlavorMariaDB, mysql.Version{Major: 10, Minor: 11, Patch: 19}},
		{"5.5.5-10.4.32-MariaDB", mysql.FlavorMariaDB, mysql.Version{Major: 10, Minor: 4, Patch: 32}},
		{"8.0.36", mysql.FlavorMySQL, mysql.Version{Major: 8, Minor: 0, Patch: 36}},
		{"8.4.0-log", mysql.FlavorMySQL, mysql.Version{Major: 8, Minor: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			f, v := mysql.ParseVersion(tt.in)
			if f != tt.flavor || v != tt.v {
				t.Errorf("got %v %+v, want %v %+v", f, v, tt.flavor, tt.v)
			}
		})
	}
}

func TestQuoteIdent(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	for in, want := range map[string]string{"users": "users", "order": "`order`", "Select": "`Select`", "a b": "`a b`", "x`y": "`x``y`", "1abc": "`1abc`", "_ok$": "_ok$"} {
		if got := d.QuoteIdent(in); got != want {
			t.Errorf("QuoteIdent(%q) = %q, want %q", in, got, want)
		}
	}
}
