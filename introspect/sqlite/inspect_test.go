package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/sqlite"
	"github.com/retortdb/retort/model"
)

func exec(t testing.TB, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestInspectHandWritten reflects a schema written by hand in raw SQL, with
// odd quoting, comments, lower-case keywords and column-level constraints.
func TestInspectHandWritten(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	exec(t, db.DB,
		`create table "Parent Table" (
			[key a] integer, -- a comment, with a comma
			`+"`key b`"+` text collate nocase,
			/* a (block) comment */
			constraint "pk parent" primary key ([key a], "key b")
		)`,
		`CREATE TABLE items(
			id integer primary key autoincrement,
			"select" VARCHAR(255) NOT NULL DEFAULT 'it''s, (x)' CHECK ("select" <> ''),
			qty INT CONSTRAINT ck_qty CHECK (qty >= 0) DEFAULT -1,
			price NUMERIC(10, 2) default (0.5),
			created DATETIME DEFAULT CURRENT_TIMESTAMP,
			total REAL GENERATED ALWAYS AS (qty * price) STORED,
			half AS (price / 2),
			pa INTEGER, pb TEXT,
			owner INTEGER CONSTRAINT fk_owner REFERENCES items(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
			code TEXT UNIQUE,
			CONSTRAINT uq_items_pa_pb UNIQUE (pa, pb),
			CONSTRAINT fk_items_parent FOREIGN KEY (pa, pb) REFERENCES "Parent Table" ON UPDATE CASCADE ON DELETE RESTRICT,
			check (price > 0),
			CONSTRAINT [ck named] CHECK ((qty + 1) > (0))
		)`,
		`CREATE INDEX ix_items_lower ON items (lower("select") DESC, qty COLLATE binary ASC) WHERE qty > 0 AND "select" != 'a,b'`,
		`create unique index "ix items code" on items(code collate nocase, pa desc)`,
		`CREATE TABLE excluded_table (a)`,
	)
	// SQLite reports the six standard type names (INT, INTEGER, REAL, TEXT,
	// BLOB, ANY) in upper case however they were written.
	got, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{
		IncludeTable: func(n string) bool { return n != "excluded_table" },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Schema{Tables: []model.Table{
		{
			Name: "Parent Table",
			Columns: []model.Column{
				{Name: "key a", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "key b", Type: model.Type{SQL: "TEXT"}, Nullable: true, Collation: "nocase"},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk parent", Columns: []string{"key a", "key b"}},
		},
		{
			Name: "items",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true, Nullable: true},
				{Name: "select", Type: model.Type{SQL: "VARCHAR(255)"}, Default: "'it''s, (x)'"},
				{Name: "qty", Type: model.Type{SQL: "INT"}, Nullable: true, Default: "-1"},
				{Name: "price", Type: model.Type{SQL: "NUMERIC(10, 2)"}, Nullable: true, Default: "0.5"},
				{Name: "created", Type: model.Type{SQL: "DATETIME"}, Nullable: true, Default: "CURRENT_TIMESTAMP"},
				{Name: "total", Type: model.Type{SQL: "REAL"}, Nullable: true, Generated: model.Generated{Expr: "qty * price", Stored: true}},
				{Name: "half", Type: model.Type{SQL: ""}, Nullable: true, Generated: model.Generated{Expr: "price / 2"}},
				{Name: "pa", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "pb", Type: model.Type{SQL: "TEXT"}, Nullable: true},
				{Name: "owner", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "code", Type: model.Type{SQL: "TEXT"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "ix items code", Unique: true, Parts: []model.IndexPart{{Column: "code", Collation: "nocase"}, {Column: "pa", Desc: true}}},
				{Name: "ix_items_lower", Parts: []model.IndexPart{{Expr: `lower("select")`, Desc: true}, {Column: "qty"}},
					Where: `qty > 0 AND "select" != 'a,b'`},
			},
			Uniques: []model.Unique{
				{Columns: []string{"code"}},
				{Name: "uq_items_pa_pb", Columns: []string{"pa", "pb"}},
			},
			ForeignKeys: []model.ForeignKey{
				{Name: "fk_owner", Columns: []string{"owner"}, RefTable: "items", RefColumns: []string{"id"},
					OnDelete: model.SetNull, Deferrable: true, InitiallyDeferred: true},
				{Name: "fk_items_parent", Columns: []string{"pa", "pb"}, RefTable: "Parent Table", RefColumns: []string{"key a", "key b"},
					OnDelete: model.Restrict, OnUpdate: model.Cascade},
			},
			Checks: []model.Check{
				{Expr: `"select" <> ''`},
				{Name: "ck_qty", Expr: "qty >= 0"},
				{Expr: "price > 0"},
				{Name: "ck named", Expr: "(qty + 1) > (0)"},
			},
		},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Inspect (-want +got):\n%s", diff)
	}

	// REFERENCES "Parent Table" names no columns: the parent's key is read
	// even when the parent itself is not admitted.
	only, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{
		IncludeTable: func(n string) bool { return n == "items" },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(only.Tables) != 1 {
		t.Fatalf("IncludeTable admitted %d tables, want 1", len(only.Tables))
	}
	if diff := cmp.Diff(want.Tables[1], only.Tables[0]); diff != "" {
		t.Errorf("items alone (-want +got):\n%s", diff)
	}
}

// countingQuerier counts the queries issued through it.
type countingQuerier struct {
	q introspect.Querier
	n atomic.Int64
}

func (c *countingQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n.Add(1)
	return c.q.QueryContext(ctx, query, args...)
}

// makeTables creates n tables of 10 columns with 2 indexes each and a
// foreign key on every other table.
func makeTables(t testing.TB, db *sql.DB, n int) {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE t%04d (id INTEGER PRIMARY KEY", i)
		for c := 1; c < 9; c++ {
			fmt.Fprintf(&b, ", c%d VARCHAR(20) NOT NULL DEFAULT 'x'", c)
		}
		b.WriteString(", ref INTEGER")
		if i%2 == 1 {
			fmt.Fprintf(&b, ", CONSTRAINT fk_t%04d_ref FOREIGN KEY (ref) REFERENCES t%04d (id) ON DELETE CASCADE", i, i-1)
		}
		b.WriteString(", CHECK (c1 <> ''))")
		for _, s := range []string{
			b.String(),
			fmt.Sprintf("CREATE INDEX ix_t%04d_c1 ON t%04d (c1, c2)", i, i),
			fmt.Sprintf("CREATE UNIQUE INDEX ix_t%04d_c3 ON t%04d (c3) WHERE c4 <> 'y'", i, i),
		} {
			if _, err := tx.Exec(s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestInspectQueryCountIsConstant(t *testing.T) {
	t.Parallel()
	count := func(n int) (int64, int) {
		db := testdb.SQLite(t)
		makeTables(t, db.DB, n)
		exec(t, db.DB, "CREATE TABLE skipped (a INTEGER)")
		q := &countingQuerier{q: db}
		s, err := sqlite.Inspector{}.Inspect(context.Background(), q, introspect.Options{
			IncludeTable: func(name string) bool { return name != "skipped" },
		})
		if err != nil {
			t.Fatal(err)
		}
		return q.n.Load(), len(s.Tables)
	}
	q3, n3 := count(3)
	q300, n300 := count(300)
	if n3 != 3 || n300 != 300 {
		t.Fatalf("reflected %d and %d tables, want 3 and 300", n3, n300)
	}
	if q3 != q300 {
		t.Errorf("queries: %d for 3 tables, %d for 300; want the same count", q3, q300)
	}
}

func TestInspectManyTablesShape(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	makeTables(t, db.DB, 4)
	s, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := s.Table("", "t0001")
	if !ok {
		t.Fatal("t0001 not reflected")
	}
	if len(tb.Columns) != 10 || len(tb.Indexes) != 2 || len(tb.ForeignKeys) != 1 || len(tb.Checks) != 1 {
		t.Errorf("t0001: %d columns, %d indexes, %d fks, %d checks; want 10, 2, 1, 1",
			len(tb.Columns), len(tb.Indexes), len(tb.ForeignKeys), len(tb.Checks))
	}
	want := model.ForeignKey{Name: "fk_t0001_ref", Columns: []string{"ref"}, RefTable: "t0000", RefColumns: []string{"id"}, OnDelete: model.Cascade}
	if diff := cmp.Diff(want, tb.ForeignKeys[0]); diff != "" {
		t.Errorf("fk (-want +got):\n%s", diff)
	}
}

func TestInspectEmptyAndFiltered(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	s, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 0 {
		t.Errorf("empty database: %d tables", len(s.Tables))
	}
	exec(t, db.DB, "CREATE TABLE a (x INTEGER PRIMARY KEY AUTOINCREMENT)", "INSERT INTO a DEFAULT VALUES",
		"CREATE TABLE b (y)", "CREATE VIRTUAL TABLE docs USING fts5(body)", "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)")
	// Virtual tables, their shadow tables and sqlite_sequence are not reflected.
	s, err = sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range s.Tables {
		names = append(names, tb.Name)
	}
	if diff := cmp.Diff([]string{"a", "b"}, names); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	s, err = sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{IncludeTable: func(n string) bool { return n == "b" }})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Schema{Tables: []model.Table{{Name: "b", Columns: []model.Column{{Name: "y", Nullable: true}}}}}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("filtered (-want +got):\n%s", diff)
	}
}

func BenchmarkInspect1000Tables(b *testing.B) {
	db := testdb.SQLite(b)
	makeTables(b, db.DB, 1000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		s, err := sqlite.Inspector{}.Inspect(ctx, db, introspect.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Tables) != 1000 {
			b.Fatalf("%d tables", len(s.Tables))
		}
	}
}

// TestInspectAttachedSchema reads an attached database through
// Options.Schema; its tables come back with Schema "".
func TestInspectAttachedSchema(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	other := t.TempDir() + "/aux.db"
	exec(t, db.DB,
		"ATTACH DATABASE '"+other+"' AS aux",
		"CREATE TABLE main.m (x INTEGER)",
		"CREATE TABLE aux.p (id INTEGER PRIMARY KEY, n TEXT UNIQUE)",
		"CREATE TABLE aux.c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p, CHECK (p_id > 0))",
		"CREATE INDEX aux.ix_c_p ON c (p_id)",
	)
	got, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{Schema: "aux"})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Schema{Tables: []model.Table{
		{
			Name: "c",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "p_id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
			},
			PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
			Indexes:     []model.Index{{Name: "ix_c_p", Parts: []model.IndexPart{{Column: "p_id"}}}},
			ForeignKeys: []model.ForeignKey{{Columns: []string{"p_id"}, RefTable: "p", RefColumns: []string{"id"}}},
			Checks:      []model.Check{{Expr: "p_id > 0"}},
		},
		{
			Name: "p",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "n", Type: model.Type{SQL: "TEXT"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Uniques:    []model.Unique{{Columns: []string{"n"}}},
		},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Inspect aux (-want +got):\n%s", diff)
	}
}

// TestInspectConflictClausesAndKeyOrder pins the ON CONFLICT clauses of
// NOT NULL, PRIMARY KEY and UNIQUE (read from the CREATE TABLE text, the
// only place SQLite keeps them) and a DESC primary key (read from the
// key's autoindex, pragma_index_xinfo), written on columns and as table
// constraints.
func TestInspectConflictClausesAndKeyOrder(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	exec(t, db.DB,
		`CREATE TABLE c1 (code TEXT PRIMARY KEY DESC ON CONFLICT REPLACE, v TEXT NOT NULL ON CONFLICT IGNORE, w TEXT UNIQUE ON CONFLICT FAIL)`,
		`CREATE TABLE c2 (a INT, b INT, x TEXT NOT NULL, PRIMARY KEY (a, b DESC) ON CONFLICT ROLLBACK, CONSTRAINT uq UNIQUE (b, x) ON CONFLICT ABORT)`,
	)
	got, err := sqlite.Inspector{}.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Schema{Tables: []model.Table{
		{
			Name: "c1",
			Columns: []model.Column{
				{Name: "code", Type: model.Type{SQL: "TEXT"}, Nullable: true},
				{Name: "v", Type: model.Type{SQL: "TEXT"}, NotNullOnConflict: model.ConflictIgnore},
				{Name: "w", Type: model.Type{SQL: "TEXT"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"code"}, OnConflict: model.ConflictReplace, Desc: []string{"code"}},
			Uniques:    []model.Unique{{Columns: []string{"w"}, OnConflict: model.ConflictFail}},
		},
		{
			Name: "c2",
			Columns: []model.Column{
				{Name: "a", Type: model.Type{SQL: "INT"}, Nullable: true},
				{Name: "b", Type: model.Type{SQL: "INT"}, Nullable: true},
				{Name: "x", Type: model.Type{SQL: "TEXT"}},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"a", "b"}, OnConflict: model.ConflictRollback, Desc: []string{"b"}},
			Uniques:    []model.Unique{{Name: "uq", Columns: []string{"b", "x"}, OnConflict: model.ConflictAbort}},
		},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Inspect (-want +got):\n%s", diff)
	}
}
