package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

// countingQuerier counts and records the queries run through it.
type countingQuerier struct {
	q       introspect.Querier
	mu      sync.Mutex
	queries []string
}

func (c *countingQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.mu.Lock()
	c.queries = append(c.queries, query)
	c.mu.Unlock()
	return c.q.QueryContext(ctx, query, args...)
}

// createTables creates n tables t0000..: ten columns, two indexes, and a
// foreign key to the previous table on every other table.
func createTables(tb testing.TB, db *sql.DB, n int) {
	tb.Helper()
	var batch []string
	flush := func() {
		if len(batch) == 0 {
			return
		}
		for _, q := range batch {
			if _, err := db.Exec(q); err != nil {
				tb.Fatal(err)
			}
		}
		batch = batch[:0]
	}
	for i := range n {
		fk := ""
		if i%2 == 1 {
			fk = fmt.Sprintf(",\n CONSTRAINT fk_t%04d_parent FOREIGN KEY (parent_id) REFERENCES t%04d (id) ON DELETE CASCADE", i, i-1)
		}
		batch = append(batch, fmt.Sprintf("CREATE TABLE t%04d (\n"+
			" id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"+
			" parent_id bigint unsigned NULL,\n"+
			" name varchar(100) NOT NULL DEFAULT '',\n"+
			" email varchar(255) NOT NULL,\n"+
			" qty int NOT NULL DEFAULT 0 CHECK (qty >= 0),\n"+
			" price decimal(10,2) NULL,\n"+
			" body text NULL,\n"+
			" active tinyint(1) NOT NULL DEFAULT 1,\n"+
			" created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"+
			" updated_at timestamp NULL ON UPDATE CURRENT_TIMESTAMP,\n"+
			" KEY ix_t%04d_name (name),\n"+
			" UNIQUE KEY uq_t%04d_email (email)%s\n) COMMENT='table %d'", i, i, i, fk, i))
		if len(batch) == 50 {
			flush()
		}
	}
	flush()
}

func TestQueryCountIsConstant(t *testing.T) {
	t.Parallel()
	counts := map[int]int{}
	for _, n := range []int{3, 300} {
		db := testdb.MySQL(t)
		createTables(t, db.DB, n)
		cq := &countingQuerier{q: db.DB}
		s, err := Inspector{}.Inspect(t.Context(), cq, introspect.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Tables) != n {
			t.Fatalf("%d tables reflected, want %d", len(s.Tables), n)
		}
		for _, q := range cq.queries {
			// The one SHOW CREATE TABLE round trip (readIndexUsing) lists
			// its tables in order and is read by table name.
			if !strings.Contains(q, "ORDER BY") && !strings.HasPrefix(q, "BEGIN NOT ATOMIC SHOW CREATE TABLE") {
				t.Errorf("query without ORDER BY: %s", q)
			}
		}
		counts[n] = len(cq.queries)
	}
	if counts[3] != counts[300] {
		t.Errorf("queries: %d for 3 tables, %d for 300", counts[3], counts[300])
	}
	t.Logf("%d queries for 3 and for 300 tables", counts[3])
}

func TestIncludeTable(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	createTables(t, db.DB, 4)
	all, err := Inspector{}.Inspect(t.Context(), db.DB, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cq := &countingQuerier{q: db.DB}
	some, err := Inspector{}.Inspect(t.Context(), cq, introspect.Options{IncludeTable: func(name string) bool { return name != "t0002" }})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Schema{ServerOrder: all.ServerOrder}
	for _, tb := range all.Tables {
		if tb.Name != "t0002" {
			want.Tables = append(want.Tables, tb)
		}
	}
	if diff := cmp.Diff(want, some); diff != "" {
		t.Errorf("filtered (-want +got):\n%s", diff)
	}
	in := 0
	for _, q := range cq.queries {
		if strings.Contains(q, "IN (?,?,?)") {
			in++
		}
	}
	if in != 6 {
		t.Errorf("%d queries restricted to the admitted tables, want 6:\n%s", in, strings.Join(cq.queries, "\n"))
	}

	none, err := Inspector{}.Inspect(t.Context(), db.DB, introspect.Options{IncludeTable: func(string) bool { return false }})
	if err != nil || len(none.Tables) != 0 {
		t.Errorf("nothing admitted: %d tables, err %v", len(none.Tables), err)
	}
}

// TestSchemaOption reads another database than the connection's: its
// tables come back with Schema "" and same-database references unqualified.
func TestSchemaOption(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	other := testdb.MySQL(t)
	createTables(t, other.DB, 2)
	s, err := Inspector{}.Inspect(t.Context(), db.DB, introspect.Options{Schema: other.Name})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 2 || s.Tables[1].ForeignKeys[0].RefSchema != "" || s.Tables[0].Schema != "" {
		t.Errorf("got %+v", s.Tables)
	}
	direct, err := Inspector{}.Inspect(t.Context(), other.DB, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(direct, s); diff != "" {
		t.Errorf("Schema option vs connection default (-want +got):\n%s", diff)
	}
}

// TestColumnLevelChecks: a user's column check is kept; only MariaDB's JSON
// check on a longtext named after its column is folded into type json.
func TestColumnLevelChecks(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	if _, err := db.Exec("CREATE TABLE c (a int CHECK (a > 0), j json, lt longtext CHECK (json_valid(lt)), other longtext, CONSTRAINT other CHECK (json_valid(lt)))"); err != nil {
		t.Fatal(err)
	}
	s, err := Inspector{}.Inspect(t.Context(), db.DB, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := s.Tables[0]
	var types []string
	for _, c := range tb.Columns {
		types = append(types, c.Name+" "+c.Type.SQL+" "+c.Collation)
	}
	if diff := cmp.Diff([]string{"a int(11) ", "j json ", "lt json ", "other longtext "}, types); diff != "" && strings.Contains(serverVersion(t, db.DB), "MariaDB") {
		t.Errorf("column types (-want +got):\n%s", diff)
	}
	var checks []string
	for _, c := range tb.Checks {
		checks = append(checks, c.Name)
	}
	if diff := cmp.Diff([]string{"a", "other"}, checks); diff != "" && strings.Contains(serverVersion(t, db.DB), "MariaDB") {
		t.Errorf("checks (-want +got):\n%s", diff)
	}
}

func serverVersion(t *testing.T, db *sql.DB) string {
	var v string
	if err := db.QueryRow("SELECT VERSION()").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDefaultsMySQL8 covers the MySQL 8 branch of default reading, which
// the MariaDB server here cannot exercise.
func TestDefaultsMySQL8(t *testing.T) {
	t.Parallel()
	r := &reader{}
	tests := []struct {
		def       sql.NullString
		extra, dt string
		want      string
	}{
		{sql.NullString{}, "", "varchar", ""},
		{sql.NullString{String: "x'y", Valid: true}, "", "varchar", "'x''y'"},
		{sql.NullString{String: "", Valid: true}, "", "varchar", "''"},
		{sql.NullString{String: "0", Valid: true}, "", "int", "0"},
		{sql.NullString{String: "1.50", Valid: true}, "", "decimal", "1.50"},
		{sql.NullString{String: "b'1'", Valid: true}, "", "bit", "b'1'"},
		{sql.NullString{String: "2000-01-01", Valid: true}, "", "date", "'2000-01-01'"},
		{sql.NullString{String: "CURRENT_TIMESTAMP", Valid: true}, "default_generated on update current_timestamp", "timestamp", "CURRENT_TIMESTAMP"},
		{sql.NullString{String: "uuid()", Valid: true}, "default_generated", "char", "uuid()"},
		{sql.NullString{String: "NULL", Valid: true}, "", "varchar", "'NULL'"},
	}
	for _, tt := range tests {
		if got := r.defaultOf(tt.def, tt.extra, tt.dt); got != tt.want {
			t.Errorf("defaultOf(%v, %q, %q) = %q, want %q", tt.def, tt.extra, tt.dt, got, tt.want)
		}
	}
	m := &reader{srv: server{mariaDB: true}}
	if got := m.defaultOf(sql.NullString{String: "NULL", Valid: true}, "", "varchar"); got != "" {
		t.Errorf("MariaDB NULL default = %q, want none", got)
	}
}

// TestTableKinds: views (and MariaDB sequences) are not tables; MariaDB's
// system-versioned tables are.
func TestTableKinds(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	stmts := "CREATE TABLE a (id int PRIMARY KEY); CREATE VIEW v AS SELECT id FROM a"
	want := []string{"a"}
	if strings.Contains(serverVersion(t, db.DB), "MariaDB") {
		stmts += "; CREATE SEQUENCE s; CREATE TABLE h (x int) WITH SYSTEM VERSIONING"
		want = []string{"a", "h"}
	}
	db.ExecScript(t, stmts)
	s, err := Inspector{}.Inspect(t.Context(), db.DB, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range s.Tables {
		got = append(got, tb.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}

// TestPrefetchSameAsSequential: reading through a pool (queries at once)
// and through a single-query querier give the same schema.
func TestPrefetchSameAsSequential(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	createTables(t, db.DB, 20)
	if _, err := db.Exec("CREATE TABLE j (id int PRIMARY KEY, doc json, n int CHECK (n > 0), KEY ix_j_n (n DESC))"); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []introspect.Options{{}, {IncludeTable: func(n string) bool { return n != "t0003" }}} {
		pooled, err := Inspector{}.Inspect(t.Context(), db.DB, opts)
		if err != nil {
			t.Fatal(err)
		}
		cq := &countingQuerier{q: db.DB}
		sequential, err := Inspector{}.Inspect(t.Context(), cq, opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sequential, pooled); diff != "" {
			t.Errorf("pooled read differs from sequential (-sequential +pooled):\n%s", diff)
		}
		if len(pooled.Tables) < 20 {
			t.Errorf("%d tables", len(pooled.Tables))
		}
	}
}

func TestBufferedRowScan(t *testing.T) {
	t.Parallel()
	row := bufferedRow{{String: "a", Valid: true}, {String: "12", Valid: true}, {}}
	var s string
	var n, null sql.NullInt64
	if err := row.Scan(&s, &n, &null); err != nil || s != "a" || n.Int64 != 12 || !n.Valid || null.Valid {
		t.Errorf("Scan: %q %+v %+v %v", s, n, null, err)
	}
	if err := row.Scan(&s); err == nil {
		t.Error("Scan with too few destinations: no error")
	}
	var f float64
	if err := row.Scan(&s, &f, &null); err == nil {
		t.Error("Scan into *float64: no error")
	}
}
