package sqlite_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func TestQuoteIdent(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	for _, tc := range []struct{ in, want string }{
		{"users", "users"},
		{"user_id2", "user_id2"},
		{"_x", "_x"},
		{"Users", `"Users"`},
		{"select", `"select"`},
		{"order", `"order"`},
		{"2x", `"2x"`},
		{"a b", `"a b"`},
		{`we"ird`, `"we""ird"`},
		{"", `""`},
	} {
		if got := d.QuoteIdent(tc.in); got != tc.want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestTypeSQL(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	for _, tc := range []struct {
		name string
		in   model.Type
		want string
	}{
		{"bool", model.Type{Logical: model.LogicalBool}, "BOOLEAN"},
		{"smallint", model.Type{Logical: model.LogicalSmallInt}, "SMALLINT"},
		{"int", model.Type{Logical: model.LogicalInt}, "INTEGER"},
		{"bigint", model.Type{Logical: model.LogicalBigInt, Unsigned: true}, "BIGINT"},
		{"real", model.Type{Logical: model.LogicalReal}, "REAL"},
		{"double", model.Type{Logical: model.LogicalDouble}, "DOUBLE"},
		{"decimal", model.Type{Logical: model.LogicalDecimal}, "NUMERIC"},
		{"string", model.Type{Logical: model.LogicalString}, "TEXT"},
		{"varchar", model.Type{Logical: model.LogicalString, Size: 40}, "VARCHAR(40)"},
		{"bytes", model.Type{Logical: model.LogicalBytes}, "BLOB"},
		{"timestamp", model.Type{Logical: model.LogicalTimestamp}, "DATETIME"},
		{"json", model.Type{Logical: model.LogicalJSON}, "TEXT"},
		{"uuid", model.Type{Logical: model.LogicalUUID}, "CHAR(36)"},
		{"enum", model.Type{Enum: "mood", EnumValues: []string{"a"}}, "TEXT"},
		{"sql wins", model.Type{SQL: "varchar(9)", Logical: model.LogicalInt}, "varchar(9)"},
		{"none", model.Type{}, ""},
	} {
		if got := d.TypeSQL(tc.in); got != tc.want {
			t.Errorf("%s: TypeSQL = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestNormalizeType(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	same := [][]string{
		{"INTEGER", "integer", " Integer "},
		{"DOUBLE PRECISION", "double precision", "DOUBLE  PRECISION"},
		{"VARCHAR(255)", "varchar ( 255 )", "VarChar(255)"},
		{"NUMERIC(10,2)", "numeric(10, 2)", "NUMERIC( 10 , 2 )"},
		{"TEXT", "text"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if a, b := d.NormalizeType(group[0]), d.NormalizeType(s); a != b {
				t.Errorf("NormalizeType(%q) = %q, NormalizeType(%q) = %q; want equal", group[0], a, s, b)
			}
		}
	}
	different := [][2]string{
		{"DATETIME", "TIMESTAMP"}, {"FLOAT", "DOUBLE"}, {"VARCHAR(10)", "VARCHAR(20)"}, {"TEXT", "VARCHAR(10)"},
		{"INTEGER", "BIGINT"},
		// Declared types are kept verbatim: synonyms elsewhere are two
		// types here (INT PRIMARY KEY is no rowid alias).
		{"INTEGER", "int"}, {"INTEGER", "int4"}, {"BIGINT", "int8"}, {"BOOLEAN", "bool"},
		{"DOUBLE", "double precision"}, {"REAL", "float4"}, {"VARCHAR(255)", "nvarchar(255)"},
		{"NUMERIC(10,2)", "DECIMAL(10,2)"}, {"CHAR(36)", "character(36)"},
	}
	for _, p := range different {
		if d.NormalizeType(p[0]) == d.NormalizeType(p[1]) {
			t.Errorf("NormalizeType(%q) == NormalizeType(%q); want different", p[0], p[1])
		}
	}
}

func TestNormalizeDefault(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	col := func(typ, def string) model.Column { return model.Column{Type: model.Type{SQL: typ}, Default: def} }
	same := []struct {
		name string
		a, b model.Column
	}{
		{"parentheses", col("TEXT", "('x')"), col("TEXT", "'x'")},
		{"nested parentheses", col("INTEGER", "((0))"), col("INTEGER", "0")},
		{"keyword case", col("DATETIME", "current_timestamp"), col("DATETIME", "CURRENT_TIMESTAMP")},
		{"keyword in parentheses", col("DATETIME", "(CURRENT_TIMESTAMP)"), col("DATETIME", "CURRENT_TIMESTAMP")},
		{"null case", col("TEXT", "null"), col("TEXT", "(NULL)")},
		{"true is 1", col("BOOLEAN", "TRUE"), col("BOOLEAN", "1")},
		{"false is 0", col("BOOLEAN", "false"), col("BOOLEAN", "0")},
		{"quoted number on integer", col("INTEGER", "'0'"), col("INTEGER", "0")},
		{"float on integer", col("INTEGER", "1.0"), col("INTEGER", "1")},
		{"plus sign", col("INTEGER", "+5"), col("INTEGER", "5")},
		{"real", col("REAL", "1"), col("REAL", "1.0")},
		{"numeric", col("NUMERIC(10,2)", "'2.50'"), col("NUMERIC(10,2)", "2.5")},
		{"number on text", col("TEXT", "0"), col("TEXT", "'0'")},
		{"negative", col("INTEGER", "(-1)"), col("INTEGER", "-1")},
		{"function", col("TEXT", "(datetime('now'))"), col("TEXT", "DATETIME( 'now' )")},
		{"expression", col("INTEGER", "(1+1)"), col("INTEGER", "1 + 1")},
	}
	for _, tc := range same {
		if a, b := d.NormalizeDefault(tc.a), d.NormalizeDefault(tc.b); a != b {
			t.Errorf("%s: %q normalizes to %q, %q to %q; want equal", tc.name, tc.a.Default, a, tc.b.Default, b)
		}
	}
	different := []struct {
		name string
		a, b model.Column
	}{
		{"number and text on blob", col("BLOB", "0"), col("BLOB", "'0'")},
		{"strings", col("TEXT", "'a'"), col("TEXT", "'A'")},
		{"text number forms", col("TEXT", "'1.0'"), col("TEXT", "'1'")},
		{"none and empty string", col("TEXT", ""), col("TEXT", "''")},
		// DEFAULT NULL is kept apart from no default, as SQLite keeps it.
		{"null and none", col("TEXT", "NULL"), col("TEXT", "")},
	}
	for _, tc := range different {
		if a, b := d.NormalizeDefault(tc.a), d.NormalizeDefault(tc.b); a == b {
			t.Errorf("%s: %q and %q both normalize to %q; want different", tc.name, tc.a.Default, tc.b.Default, a)
		}
	}
}

func TestNormalizeExpr(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	same := [][]string{
		{"qty >= 0", "(qty>=0)", "((QTY >= 0))", `"qty" >= 0`, "qty >= /* c */ 0"},
		{"a <> b", "a != b"},
		{"a = 1", "a == 1"},
		{"lower(email)", "LOWER( email )", `lower("email")`},
		{"x IN ('a', 'b')", "x in ('a','b')", `"X" IN ('a' , 'b')`},
		{"(qty + 1) > (0)", "(qty + 1) > 0"},
		{"a > -1", "a > - 1", "a>-1"},
		{`"select" IS NOT NULL`, `"SELECT" is not null`},
		{"t.a = 1", "t . a = 1"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if a, b := d.NormalizeExpr(group[0]), d.NormalizeExpr(s); a != b {
				t.Errorf("NormalizeExpr(%q) = %q, NormalizeExpr(%q) = %q; want equal", group[0], a, s, b)
			}
		}
	}
	different := [][2]string{
		{"a - 1", "a - -1"},
		{"x = 'a'", "x = 'A'"},
		{"(a + b) * c", "a + b * c"},
	}
	for _, p := range different {
		if d.NormalizeExpr(p[0]) == d.NormalizeExpr(p[1]) {
			t.Errorf("NormalizeExpr(%q) == NormalizeExpr(%q) = %q; want different", p[0], p[1], d.NormalizeExpr(p[0]))
		}
	}
}

func TestConnSetup(t *testing.T) {
	t.Parallel()
	var cs dialect.ConnSetup = sqlite.New()
	got := [][]string{cs.BeforeTx(), cs.Verify(), cs.AfterTx()}
	want := [][]string{{"PRAGMA foreign_keys = OFF"}, {"PRAGMA foreign_key_check"}, {"PRAGMA foreign_keys = ON"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ConnSetup (-want +got):\n%s", diff)
	}
	d := sqlite.New()
	if d.Name() != "sqlite" || !d.TransactionalDDL() {
		t.Errorf("Name() = %q, TransactionalDDL() = %v", d.Name(), d.TransactionalDDL())
	}
}

// TestOffline: what needs a rebuild fails clearly without a live table;
// what does not still gives SQL.
func TestOffline(t *testing.T) {
	t.Parallel()
	d := sqlite.New()
	ctx := context.Background()
	col := model.Column{Name: "c", Type: model.Type{SQL: "TEXT"}, Nullable: true}
	for _, op := range []ops.Op{
		ops.AlterColumn{Table: "t", From: col, To: model.Column{Name: "c", Type: model.Type{SQL: "INTEGER"}}},
		ops.AddCheck{Table: "t", Check: model.Check{Expr: "c > 0"}},
		ops.AddColumn{Table: "t", Column: model.Column{Name: "d", Type: model.Type{SQL: "TEXT"}}},
	} {
		_, err := d.Statements(ctx, op, dialect.NoTables{})
		if !errors.Is(err, dialect.ErrOffline) {
			t.Errorf("%T offline: err = %v, want ErrOffline", op, err)
		}
	}
	for _, tc := range []struct {
		op   ops.Op
		want string
	}{
		{ops.AddColumn{Table: "t", Column: col}, `ALTER TABLE t ADD COLUMN c TEXT`},
		{ops.DropColumn{Table: "t", Column: col}, `ALTER TABLE t DROP COLUMN c`},
		{ops.RenameColumn{Table: "t", From: "c", To: "Order"}, `ALTER TABLE t RENAME COLUMN c TO "Order"`},
		{ops.RenameTable{From: "t", To: "u"}, `ALTER TABLE t RENAME TO u`},
		{ops.DropIndex{Schema: "aux", Table: "t", Index: model.Index{Name: "ix"}}, `DROP INDEX aux.ix`},
		{ops.Execute{SQL: "VACUUM", NoTransaction: true}, "VACUUM"},
	} {
		stmts, err := d.Statements(ctx, tc.op, nil)
		if err != nil {
			t.Errorf("%T: %v", tc.op, err)
			continue
		}
		var got []string
		for _, s := range stmts {
			got = append(got, s.SQL)
		}
		if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
			t.Errorf("%T (-want +got):\n%s", tc.op, diff)
		}
	}
}

// TestRebuildStatements pins the shape of a rebuild: the steps of SQLite's
// procedure, in order.
func TestRebuildStatements(t *testing.T) {
	t.Parallel()
	live := model.Table{
		Name: "t",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
			{Name: "c", Type: model.Type{SQL: "TEXT"}, Nullable: true},
			{Name: "g", Type: model.Type{SQL: "TEXT"}, Nullable: true, Generated: model.Generated{Expr: "upper(c)"}},
		},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
		Indexes:    []model.Index{{Name: "ix_t_c", Parts: []model.IndexPart{{Column: "c"}}}},
	}
	tables := dialect.TableSourceFunc(func(_ context.Context, _, name string) (model.Table, bool, error) {
		return live, name == "t", nil
	})
	from := live.Columns[1]
	to := from
	to.Nullable, to.Default = false, "'none'"
	stmts, err := sqlite.New().Statements(context.Background(),
		ops.AlterColumn{Table: "t", Change: ops.ChangeNullable | ops.ChangeDefault, From: from, To: to}, tables)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stmts {
		got = append(got, s.SQL)
	}
	want := []string{
		// Without a catalog to read its triggers from, the rebuild refuses
		// a table that has any, rather than dropping them.
		"SELECT json_extract('{}', 'retort: alter column c rebuilds table t, which would drop its trigger ' || name || '; run it with the retort runner, which creates triggers again') FROM sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = lower('t') ORDER BY name",
		// The old table makes way, so that the new one is created under
		// its own name (sqlite_master then holds CREATE TABLE t, as for a
		// new table, not the CREATE TABLE "t" a RENAME would store).
		// The rebuild refuses to run with foreign keys on.
		"SELECT json_extract('{}', 'retort: alter column c rebuilds table t, which needs PRAGMA foreign_keys = OFF (run it with the retort runner or the script retort writes, which turn foreign keys off)') FROM pragma_foreign_keys WHERE foreign_keys",
		"PRAGMA legacy_alter_table = ON",
		"ALTER TABLE t RENAME TO _retort_old_t",
		"CREATE TABLE t (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n\tc TEXT NOT NULL DEFAULT 'none',\n\tg TEXT GENERATED ALWAYS AS (upper(c)) VIRTUAL\n)",
		"INSERT INTO t (id, c) SELECT id, COALESCE(c, 'none') FROM _retort_old_t",
		// The AUTOINCREMENT counter is carried over.
		"DELETE FROM sqlite_sequence WHERE name = 't'",
		"INSERT INTO sqlite_sequence (name, seq) SELECT 't', seq FROM sqlite_sequence WHERE name = '_retort_old_t'",
		"DROP TABLE _retort_old_t",
		"PRAGMA legacy_alter_table = OFF",
		"CREATE INDEX ix_t_c ON t (c)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rebuild (-want +got):\n%s", diff)
	}
	_, err = sqlite.New().Statements(context.Background(), ops.AddCheck{Table: "missing", Check: model.Check{Expr: "1"}}, tables)
	if !errors.Is(err, sqlite.ErrNoTable) {
		t.Errorf("rebuild of a missing table: err = %v, want ErrNoTable", err)
	}
	_, err = sqlite.New().Statements(context.Background(), ops.DropCheck{Table: "t", Check: model.Check{Name: "nope"}}, tables)
	if !errors.Is(err, sqlite.ErrNotFound) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("drop of a missing check: err = %v, want ErrNotFound naming it", err)
	}
}

// TestRebuildKeepsData runs a rebuild on a table full of awkward values and
// a self-reference, with a child table pointing at it.
func TestRebuildKeepsData(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, s := range []string{
		`CREATE TABLE "Node" (id INTEGER PRIMARY KEY AUTOINCREMENT, parent INTEGER REFERENCES "Node"(id) ON DELETE CASCADE, b BLOB, r REAL, s TEXT)`,
		`CREATE TABLE leaf (id INTEGER PRIMARY KEY, node_id INTEGER NOT NULL REFERENCES "Node"(id) ON DELETE CASCADE)`,
		`INSERT INTO "Node" (id, parent, b, r, s) VALUES (1, NULL, X'00FF', 1.5, 'it''s'), (2, 1, NULL, -0.0, ''), (7, 2, X'', 1e300, NULL)`,
		`INSERT INTO leaf VALUES (1, 7), (2, 1)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	const q = `SELECT id, parent, hex(b), r, s FROM "Node" ORDER BY id`
	before := rowsOf(t, db, q)
	mustApply(t, db, ops.AddCheck{Table: "Node", Check: model.Check{Name: "ck_node_r", Expr: "r IS NOT NULL"}})
	if diff := cmp.Diff(before, rowsOf(t, db, q)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"2"}}, rowsOf(t, db, `SELECT count(*) FROM leaf`)); diff != "" {
		t.Errorf("leaf rows (-want +got):\n%s", diff)
	}
	// The rebuilt table keeps numbering after the highest id.
	if _, err := db.Exec(`INSERT INTO "Node" (r) VALUES (0)`); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"8"}}, rowsOf(t, db, `SELECT max(id) FROM "Node"`)); diff != "" {
		t.Errorf("next id (-want +got):\n%s", diff)
	}
	// The foreign keys still work both ways after the rebuild.
	if _, err := db.Exec(`DELETE FROM "Node" WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"1"}}, rowsOf(t, db, `SELECT count(*) FROM leaf`)); diff != "" {
		t.Errorf("leaf rows after cascading delete (-want +got):\n%s", diff)
	}
}

// TestRebuildRefusesViolations: a rebuild that breaks a foreign key is
// rolled back by the Verify query.
func TestRebuildRefusesViolations(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, s := range []string{
		`CREATE TABLE p (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER)`,
		`INSERT INTO c VALUES (1, 42)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	err := apply(t, db, ops.AddForeignKey{Table: "c", ForeignKey: model.ForeignKey{Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}})
	if err == nil {
		t.Fatal("adding a violated foreign key succeeded")
	}
	if got := reflectDB(t, db); len(got.Tables[0].ForeignKeys) != 0 {
		t.Errorf("the failed migration left a foreign key: %+v", got.Tables[0].ForeignKeys)
	}
}

// TestRebuildKeepsViews: a view that reads a rebuilt table still works,
// and a trigger on it is created again from its own SQL (sqlite_master
// is the oracle). Until issue 14, triggers were dropped with the old table.
func TestRebuildKeepsViews(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)`,
		`CREATE VIEW v AS SELECT id, upper(a) AS a FROM t`,
		`CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END`,
		`INSERT INTO t VALUES (1, 'x')`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	mustApply(t, db, ops.AddCheck{Table: "t", Check: model.Check{Expr: "a <> ''"}})
	if diff := cmp.Diff([][]string{{"1", "X"}}, rowsOf(t, db, `SELECT id, a FROM v`)); diff != "" {
		t.Errorf("view rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"tr", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"}}, rowsOf(t, db, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`)); diff != "" {
		t.Errorf("triggers (-want +got):\n%s", diff)
	}
}

// TestRebuildKeepsTableOptions: STRICT and WITHOUT ROWID survive a rebuild.
func TestRebuildKeepsTableOptions(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, s := range []string{
		`CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT) STRICT`,
		`CREATE TABLE w (id INTEGER PRIMARY KEY, v INT) WITHOUT ROWID, STRICT`,
		`INSERT INTO s VALUES (1, 'a')`,
		`INSERT INTO w VALUES (1, 2)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	before := reflectDB(t, db)
	want := []model.Table{
		{Name: "s", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "INTEGER"}, Nullable: true}, {Name: "v", Type: model.Type{SQL: "TEXT"}, Nullable: true}},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}, Options: []model.TableOption{{Name: "STRICT", Value: "ON"}}},
		// WITHOUT ROWID keys are NOT NULL, and INTEGER is no rowid alias.
		{Name: "w", Columns: []model.Column{{Name: "id", Type: model.Type{SQL: "INTEGER"}}, {Name: "v", Type: model.Type{SQL: "INT"}, Nullable: true}},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}, Options: []model.TableOption{{Name: "STRICT", Value: "ON"}, {Name: "WITHOUT ROWID", Value: "ON"}}},
	}
	if diff := cmp.Diff(want, before.Tables); diff != "" {
		t.Fatalf("reflected (-want +got):\n%s", diff)
	}
	ck := model.Check{Name: "ck_v", Expr: "v IS NOT NULL"}
	mustApply(t, db, ops.AddCheck{Table: "s", Check: ck}, ops.AddCheck{Table: "w", Check: ck})
	mustApply(t, db, ops.DropCheck{Table: "s", Check: ck}, ops.DropCheck{Table: "w", Check: ck})
	if diff := cmp.Diff(before, reflectDB(t, db)); diff != "" {
		t.Errorf("after two rebuilds (-want +got):\n%s", diff)
	}
	if _, err := db.Exec(`INSERT INTO s VALUES ('abc', 'x')`); err == nil {
		t.Error("the rebuilt STRICT table accepted text in an INTEGER column")
	}
	if diff := cmp.Diff([][]string{{"1", "2"}}, rowsOf(t, db, `SELECT id, v FROM w`)); diff != "" {
		t.Errorf("rows of w (-want +got):\n%s", diff)
	}
}

func TestCanonical(t *testing.T) {
	t.Parallel()
	in := model.Schema{
		Enums: []model.Enum{{Name: "mood", Values: []string{"ok", "it's bad"}}},
		Tables: []model.Table{
			{
				Name: "b",
				Columns: []model.Column{
					{Name: "id", Type: model.Type{SQL: "bigint"}, Identity: model.IdentityAlways, Default: "0", Comment: "key"},
					{Name: "m", Type: model.Type{Enum: "mood"}, Charset: "utf8mb4", OnUpdate: "CURRENT_TIMESTAMP"},
					{Name: "a_id", Type: model.Type{SQL: "int"}, AutoIncrement: true, Nullable: true},
					{Name: "g", Type: model.Type{SQL: "int"}, Default: "1", Generated: model.Generated{Expr: "a_id + 1"}},
				},
				PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []model.ForeignKey{{Columns: []string{"a_id"}, RefSchema: "", RefTable: "a", InitiallyDeferred: true}},
				Indexes: []model.Index{
					{Name: "ix_z", Parts: []model.IndexPart{{Column: "m", Length: 4}}, Method: "hash", Include: []string{"g"}},
					{Name: "ix_a", Parts: []model.IndexPart{{Column: "g"}}},
				},
				Comment: "bees",
				Options: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}},
			},
			{
				Name: "a",
				Columns: []model.Column{
					{Name: "x", Type: model.Type{SQL: "text"}},
					{Name: "y", Type: model.Type{SQL: "integer"}, AutoIncrement: true},
				},
				PrimaryKey: model.PrimaryKey{Columns: []string{"x", "y"}},
			},
		},
	}
	want := model.Schema{Tables: []model.Table{
		{
			Name: "a",
			Columns: []model.Column{
				{Name: "x", Type: model.Type{SQL: "TEXT"}},
				{Name: "y", Type: model.Type{SQL: "INTEGER"}},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"x", "y"}},
		},
		{
			Name: "b",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
				{Name: "m", Type: model.Type{SQL: "TEXT"}},
				{Name: "a_id", Type: model.Type{SQL: "INT"}, Nullable: true},
				{Name: "g", Type: model.Type{SQL: "INT"}, Generated: model.Generated{Expr: "a_id + 1"}},
			},
			PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
			ForeignKeys: []model.ForeignKey{{Columns: []string{"a_id"}, RefTable: "a", RefColumns: []string{"x", "y"}, Deferrable: true, InitiallyDeferred: true}},
			Indexes: []model.Index{
				{Name: "ix_a", Parts: []model.IndexPart{{Column: "g"}}},
				{Name: "ix_z", Parts: []model.IndexPart{{Column: "m"}}},
			},
			Checks: []model.Check{{Name: "ck_b_m", Expr: "m IN ('ok', 'it''s bad')"}},
		},
	}}
	if diff := cmp.Diff(want, sqlite.New().Canonical(in)); diff != "" {
		t.Errorf("Canonical (-want +got):\n%s", diff)
	}
}
