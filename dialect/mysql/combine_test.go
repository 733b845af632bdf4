package mysql_test

import (
	"database/sql"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// combineCases are op lists on the table t (id int primary key, a int,
// b varchar(20), with a foreign key fk_t_a_p to p(id) and its index) and
// the statements they run as, offline on MySQL 8.
var combineCases = []struct {
	name string
	ops  []ops.Op
	want []string
}{
	{"three columns and an index", []ops.Op{
		addCol("c1", "int"), addCol("c2", "varchar(10)"), addCol("c3", "datetime"),
		ops.CreateIndex{Table: "t", Index: index("ix_t_c1", "c1")},
	}, []string{"ALTER TABLE t ADD COLUMN c1 int, ADD COLUMN c2 varchar(10), ADD COLUMN c3 datetime, ADD INDEX ix_t_c1 (c1)"}},
	{"one op keeps its own form", []ops.Op{
		ops.CreateIndex{Table: "t", Index: index("ix_t_x", "x")},
	}, []string{"CREATE INDEX ix_t_x ON t (x)"}},
	{"column, unique, check, comment, key", []ops.Op{
		addCol("c1", "int"),
		ops.AddUnique{Table: "t", Unique: model.Unique{Name: "uq_t_c1", Columns: []string{"c1"}}},
		ops.AddCheck{Table: "t", Check: model.Check{Name: "ck_t_c1", Expr: "c1 > 0"}},
		ops.SetTableComment{Table: "t", To: "things"},
		ops.AddForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk_t_c1_p", Columns: []string{"c1"}, RefTable: "p", RefColumns: []string{"id"}}},
	}, []string{"ALTER TABLE t ADD COLUMN c1 int, ADD UNIQUE INDEX uq_t_c1 (c1), ADD CONSTRAINT ck_t_c1 CHECK (c1 > 0), COMMENT = 'things', " +
		"ADD CONSTRAINT fk_t_c1_p FOREIGN KEY (c1) REFERENCES p (id)"}},
	{"modify and drop columns", []ops.Op{
		ops.AlterColumn{Table: "t", From: col("b", "varchar(20)"), To: col("b", "varchar(40)")},
		ops.DropColumn{Table: "t", Column: col("x", "int")},
		addCol("c1", "int"),
	}, []string{"ALTER TABLE t MODIFY COLUMN b varchar(40), DROP COLUMN x, ADD COLUMN c1 int"}},
	{"other tables and statements break the run", []ops.Op{
		addCol("c1", "int"),
		ops.AddColumn{Table: "p", Column: col("c1", "int")},
		ops.Execute{SQL: "UPDATE t SET a = 1"},
		addCol("c2", "int"), addCol("c3", "int"),
	}, []string{"ALTER TABLE t ADD COLUMN c1 int", "ALTER TABLE p ADD COLUMN c1 int", "UPDATE t SET a = 1",
		"ALTER TABLE t ADD COLUMN c2 int, ADD COLUMN c3 int"}},
	{"a column is touched once per statement", []ops.Op{
		addCol("c1", "int"),
		ops.AlterColumn{Table: "t", From: col("c1", "int"), To: col("c1", "bigint")},
	}, []string{"ALTER TABLE t ADD COLUMN c1 int", "ALTER TABLE t MODIFY COLUMN c1 bigint"}},
	{"no drop of a column a new index uses", []ops.Op{
		ops.CreateIndex{Table: "t", Index: index("ix_t_x", "x")},
		ops.DropColumn{Table: "t", Column: col("x", "int")},
	}, []string{"CREATE INDEX ix_t_x ON t (x)", "ALTER TABLE t DROP COLUMN x"}},
	{"renames and primary keys run alone", []ops.Op{
		ops.RenameColumn{Table: "t", From: "b", To: "bb"},
		addCol("c1", "int"),
		ops.AlterColumn{Table: "t", From: col("c1", "int"), To: col("c2", "int")},
		ops.DropPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}},
		ops.AddPrimaryKey{Table: "t", PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}},
	}, []string{"ALTER TABLE t RENAME COLUMN b TO bb", "ALTER TABLE t ADD COLUMN c1 int", "ALTER TABLE t CHANGE COLUMN c1 c2 int",
		"ALTER TABLE t DROP PRIMARY KEY", "ALTER TABLE t ADD PRIMARY KEY (id)"}},
	{"index drops only after column clauses", []ops.Op{
		addCol("c1", "int"),
		ops.DropIndex{Table: "t", Index: index("ix_t_b", "b")},
		ops.CreateIndex{Table: "t", Index: index("ix_t_b2", "b", "a")},
	}, []string{"ALTER TABLE t ADD COLUMN c1 int, DROP INDEX ix_t_b", "CREATE INDEX ix_t_b2 ON t (b, a)"}},
	{"two new indexes on one leading column", []ops.Op{
		ops.CreateIndex{Table: "t", Index: index("ix_t_a_b", "a", "b")},
		ops.CreateIndex{Table: "t", Index: index("ix_t_x", "x")},
		ops.CreateIndex{Table: "t", Index: index("ix_t_a", "a")},
	}, []string{"ALTER TABLE t ADD INDEX ix_t_a_b (a, b), ADD INDEX ix_t_x (x)", "CREATE INDEX ix_t_a ON t (a)"}},
	{"one FULLTEXT index per statement", []ops.Op{
		addCol("c1", "varchar(50)"),
		ops.CreateIndex{Table: "t", Index: model.Index{Name: "ft_t_b", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "b"}}}},
		ops.CreateIndex{Table: "t", Index: index("ix_t_x", "x")},
		ops.CreateIndex{Table: "t", Index: model.Index{Name: "ft_t_c1", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "c1"}}}},
	}, []string{"ALTER TABLE t ADD COLUMN c1 varchar(50), ADD FULLTEXT INDEX ft_t_b (b), ADD INDEX ix_t_x (x)", "CREATE FULLTEXT INDEX ft_t_c1 ON t (c1)"}},
	{"no foreign key added and dropped together", []ops.Op{
		ops.DropForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk_t_a_p"}},
		ops.AddForeignKey{Table: "t", ForeignKey: model.ForeignKey{Name: "fk_t_a_p2", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
	}, []string{"ALTER TABLE t DROP FOREIGN KEY fk_t_a_p",
		"ALTER TABLE t ADD CONSTRAINT fk_t_a_p2 FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE"}},
	{"table options run alone", []ops.Op{
		addCol("c1", "int"),
		ops.SetTableOptions{Table: "t", To: []model.TableOption{{Name: "charset", Value: "utf8mb4"}}},
		addCol("c2", "int"),
	}, []string{"ALTER TABLE t ADD COLUMN c1 int", "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4", "ALTER TABLE t ADD COLUMN c2 int"}},
}

func addCol(name, typ string) ops.AddColumn {
	return ops.AddColumn{Table: "t", Column: col(name, typ)}
}

func col(name, typ string) model.Column {
	return model.Column{Name: name, Type: model.Type{SQL: typ}, Nullable: true}
}

func index(name string, cols ...string) model.Index {
	ix := model.Index{Name: name}
	for _, c := range cols {
		ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
	}
	return ix
}

// runGroups plans list group by group with dialect.PlanGroup, running each
// group on db (when not nil) before planning the next, and returns the
// statements.
func runGroups(t *testing.T, db *sql.DB, d *mysql.Dialect, list []ops.Op, src dialect.TableSource) []string {
	t.Helper()
	var out []string
	for i := 0; i < len(list); {
		n, stmts, err := dialect.PlanGroup(t.Context(), d, list, i, src)
		if err != nil {
			t.Fatalf("op %d: %v", i+1, err)
		}
		for _, s := range stmts {
			out = append(out, s.SQL)
			if db != nil {
				if _, err := db.ExecContext(t.Context(), s.SQL); err != nil {
					t.Fatalf("%v\n%s", err, s.SQL)
				}
			}
		}
		i += n
	}
	return out
}

func TestCombineOffline(t *testing.T) {
	t.Parallel()
	for _, tt := range combineCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := runGroups(t, nil, mysql.New(), tt.ops, dialect.NoTables{})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCombineMariaDBOffline: offline on MariaDB an index that may be a
// foreign key's own merges as ADD INDEX IF NOT EXISTS.
func TestCombineMariaDBOffline(t *testing.T) {
	t.Parallel()
	list := []ops.Op{addCol("c1", "int"), ops.CreateIndex{Table: "t", Index: index("ix_t_c1", "c1")}}
	got := runGroups(t, nil, mysql.NewMariaDB(), list, dialect.NoTables{})
	want := []string{"ALTER TABLE t ADD COLUMN c1 int, ADD INDEX IF NOT EXISTS ix_t_c1 (c1)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// combineBase creates p and t (see combineCases) with rows.
func combineBase(t *testing.T, db *sql.DB) {
	t.Helper()
	for _, q := range []string{
		"CREATE TABLE p (id int NOT NULL PRIMARY KEY)",
		"CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int, b varchar(20), x int, KEY ix_t_b (b), " +
			"CONSTRAINT fk_t_a_p FOREIGN KEY (a) REFERENCES p (id))",
		"INSERT INTO p VALUES (1), (2)",
		"INSERT INTO t VALUES (1, 1, 'one', 10), (2, 2, 'two', 20), (3, NULL, NULL, NULL)",
	} {
		if _, err := db.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

// TestCombineOnServer runs each case on the server twice, op by op in one
// database and group by group in another: the server takes every merged
// statement, and both databases reflect the same, rows kept.
func TestCombineOnServer(t *testing.T) {
	t.Parallel()
	for _, tt := range combineCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			one, d := server(t)
			merged, _ := server(t)
			combineBase(t, one.DB)
			combineBase(t, merged.DB)
			applyEach(t, one.DB, d, tt.ops...)
			if got := runGroups(t, merged.DB, d, tt.ops, liveTables(t, merged.DB)); len(got) != len(tt.want) {
				t.Errorf("live run sent %d statements, want %d as offline:\n%q", len(got), len(tt.want), got)
			}
			if diff := cmp.Diff(inspect(t, one.DB), inspect(t, merged.DB)); diff != "" {
				t.Errorf("merged run reflects differently from the op-by-op run (-one +merged):\n%s", diff)
			}
			if n := countRows(t, merged.DB, "SELECT COUNT(*) FROM t"); n != 3 {
				t.Errorf("rows in t = %d, want 3", n)
			}
		})
	}
}

func countRows(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
