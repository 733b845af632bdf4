package migrate

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestPostgresSchema works in Env.Schema: tables and the version table
// land there, and the pooled connection's search_path is restored.
func TestPostgresSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	env := blogEnv("postgres")
	env.Schema = "tenant_a"
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err == nil || !strings.Contains(err.Error(), "CREATE SCHEMA") {
		t.Fatalf("missing schema: err = %v, want advice to create it", err)
	}
	mustExec(t, db.DB, "CREATE SCHEMA tenant_a")
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'tenant_a'"); n != 3 {
		t.Errorf("tables in tenant_a = %d, want 3 (users, posts, retort_version)", n)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"); n != 0 {
		t.Errorf("tables in public = %d, want 0", n)
	}
	if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
		t.Errorf("Current (-want +got):\n%s", diff)
	}
	var path string
	if err := db.QueryRow("SHOW search_path").Scan(&path); err != nil || strings.Contains(path, "tenant_a") {
		t.Errorf("search_path after the run = %q (%v), want the default", path, err)
	}
	if _, err := Downgrade(ctx, db.DB, env, "base", Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'tenant_a'"); n != 1 {
		t.Errorf("tables in tenant_a at base = %d, want 1 (retort_version)", n)
	}
}

// TestPostgresNoTransaction: CREATE INDEX CONCURRENTLY runs outside the
// transaction; a failure after it says what stays applied.
func TestPostgresNoTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	items := model.Table{Name: "items", Columns: []model.Column{col("id", "integer", false), col("sku", "varchar(20)", true)}}
	ix := model.Index{Name: "ix_items_sku", Parts: []model.IndexPart{{Column: "sku"}}}
	env := testEnv("postgres")
	env.Add(withOps("p1", "", "items", ops.CreateTable{Table: items},
		ops.CreateIndex{Table: "items", Index: ix, Concurrently: true},
		ops.AddColumn{Table: "items", Column: col("qty", "integer", true)}))
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_items_sku'"); n != 1 {
		t.Errorf("index missing")
	}
	env.Add(withOps("p2", "p1", "breaks after a concurrent index",
		ops.AddColumn{Table: "items", Column: col("note", "text", true)},
		ops.CreateIndex{Table: "items", Index: model.Index{Name: "ix_items_qty", Parts: []model.IndexPart{{Column: "qty"}}}, Concurrently: true},
		ops.Execute{SQL: "NOT SQL", DownSQL: "SELECT 1"}))
	_, err := Upgrade(ctx, db.DB, env, "head", Options{})
	var me *MigrationError
	if !errors.As(err, &me) || me.RolledBack || me.Applied != 2 || me.OpIndex != 2 {
		t.Fatalf("err = %#v, want a *MigrationError at op 3 with 2 ops committed", err)
	}
	if !strings.Contains(err.Error(), "ops 1-2 of 3 ran outside a transaction and stay applied") {
		t.Errorf("error text:\n%v", err)
	}
	if diff := cmp.Diff([]string{"p1"}, mustCurrent(t, db.DB, env)); diff != "" {
		t.Errorf("Current (-want +got):\n%s", diff)
	}
}

// TestLockTimeout: while another session holds the migration lock, a run
// with LockTimeout gives up with a clear error.
func TestLockTimeout(t *testing.T) {
	t.Parallel()
	for _, d := range []string{"postgres", "mysql"} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			env := blogEnv(d)
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if d == "postgres" {
				_, err = conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", postgres.LockKey("", "retort_version"))
			} else {
				_, err = conn.ExecContext(ctx, "SELECT GET_LOCK(?, 5)", mysql.LockName(db.Name, "retort_version"))
			}
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = Upgrade(ctx, db.DB, env, "head", Options{LockTimeout: 1500 * time.Millisecond})
			if err == nil || !strings.Contains(err.Error(), "migration lock") {
				t.Fatalf("err = %v, want a lock timeout", err)
			}
			if time.Since(start) > 20*time.Second {
				t.Errorf("waited %s", time.Since(start))
			}
			if cur := mustCurrent(t, db.DB, env); cur != nil {
				t.Errorf("Current = %v, want none", cur)
			}
		})
	}
}

func TestCancelledContext(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Upgrade(ctx, db.DB, blogEnv(db.Dialect), "head", Options{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}
