package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/testdb"
)

// TestLockKeyStable pins the advisory lock keys: a release that changed
// them would let it and an older one migrate at once.
func TestLockKeyStable(t *testing.T) {
	t.Parallel()
	if got := postgres.LockKey("", "retort_version"); got != 5332461252033776806 {
		t.Errorf("LockKey(retort_version) = %d", got)
	}
	if got := postgres.LockKey("tenant_a", "retort_version"); got != 7268394313987013682 {
		t.Errorf("LockKey(tenant_a.retort_version) = %d", got)
	}
}

// TestLock: the lock is the server's advisory lock, a second session
// waits for it and gives up after its timeout, and unlock frees it.
func TestLock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	d := postgres.New()
	a, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	unlock, err := d.Lock(ctx, a, "", "retort_version", 0)
	if err != nil {
		t.Fatal(err)
	}
	key := postgres.LockKey("", "retort_version")
	var free bool
	if err := db.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&free); err != nil || free {
		t.Fatalf("pg_try_advisory_lock while held = %v, %v; want false", free, err)
	}
	start := time.Now()
	_, err = d.Lock(ctx, b, "", "retort_version", 300*time.Millisecond)
	var te *dialect.LockTimeoutError
	if !errors.As(err, &te) || te.Timeout != 300*time.Millisecond {
		t.Fatalf("second Lock: err = %v, want a *LockTimeoutError", err)
	}
	if !strings.Contains(err.Error(), "another process has held the migration lock for longer than 300ms") {
		t.Errorf("error text: %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("waited %s", time.Since(start))
	}
	// The cancelled wait broke b's connection; the runner closes it too.
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := d.Lock(ctx, c, "other", "retort_version", 300*time.Millisecond); err != nil {
		t.Errorf("the lock of another schema's version table: %v", err)
	}
	var pid, held int
	if err := a.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	heldBy := func() int {
		t.Helper()
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1", pid).Scan(&held); err != nil {
			t.Fatal(err)
		}
		return held
	}
	if n := heldBy(); n != 1 {
		t.Errorf("advisory locks of the locking session = %d, want 1", n)
	}
	unlock(ctx)
	// (The server may still hand the lock to b's abandoned wait until it
	// notices the closed connection, so ask pg_locks about a.)
	if n := heldBy(); n != 0 {
		t.Errorf("advisory locks of the locking session after unlock = %d, want 0", n)
	}
}

// TestSetUpSession: a missing schema is named with the fix; an existing
// one becomes the search_path, and reset restores the default.
func TestSetUpSession(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	d := postgres.New()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var before string
	if err := conn.QueryRowContext(ctx, "SHOW search_path").Scan(&before); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetUpSession(ctx, conn, "Tenant A"); err == nil || !strings.Contains(err.Error(), `CREATE SCHEMA "Tenant A"`) {
		t.Fatalf("missing schema: err = %v, want the CREATE SCHEMA to run", err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE SCHEMA "Tenant A"`); err != nil {
		t.Fatal(err)
	}
	reset, err := d.SetUpSession(ctx, conn, "Tenant A")
	if err != nil {
		t.Fatal(err)
	}
	var path string
	if err := conn.QueryRowContext(ctx, "SHOW search_path").Scan(&path); err != nil || path != `"Tenant A"` {
		t.Errorf("search_path = %q, %v; want \"Tenant A\"", path, err)
	}
	if got := d.SessionSQL("Tenant A"); len(got) != 1 || got[0] != `SET search_path TO "Tenant A"` {
		t.Errorf("SessionSQL = %q", got)
	}
	reset(ctx)
	if err := conn.QueryRowContext(ctx, "SHOW search_path").Scan(&path); err != nil || path != before {
		t.Errorf("search_path after reset = %q, %v; want %q", path, err, before)
	}
}

// TestScratchDatabase: the scratch database statements create a database
// the server lists in pg_database, and drop it again even while a session
// is still connected to it (WITH (FORCE)).
func TestScratchDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Postgres(t)
	d := postgres.New()
	name := testdb.Name(t)
	q := d.QuoteIdent(name)
	if _, err := db.ExecContext(ctx, d.CreateDatabaseSQL(q)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, drop := range d.DropDatabaseSQL(q) {
			if _, err := db.ExecContext(context.WithoutCancel(ctx), drop); err == nil {
				return
			}
		}
	})
	count := func() int {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count() != 1 {
		t.Fatalf("%s: database %s not in pg_database", d.CreateDatabaseSQL(q), name)
	}
	drops := d.DropDatabaseSQL(q)
	if _, err := db.ExecContext(ctx, drops[0]); err != nil {
		t.Fatalf("%s: %v", drops[0], err)
	}
	if count() != 0 {
		t.Errorf("%v: database %s still in pg_database", drops, name)
	}
	for _, drop := range drops {
		if _, err := db.ExecContext(ctx, drop); err != nil {
			t.Errorf("%s on a dropped database: %v (IF EXISTS)", drop, err)
		}
	}
}
