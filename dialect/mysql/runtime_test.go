package mysql_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/testdb"
)

// TestLockNameStable pins the GET_LOCK name: a release that changed it
// would let it and an older one migrate at once.
func TestLockNameStable(t *testing.T) {
	t.Parallel()
	if got := mysql.LockName("app", "retort_version"); got != "retort:a9b5c51e9dfe6947" {
		t.Errorf("LockName(app, retort_version) = %q", got)
	}
}

// TestLock: the lock is the server's user lock of the connection's
// database, a second session gives up after its timeout, and unlock frees
// it.
func TestLock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.MySQL(t)
	d := mysql.New()
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
	unlock, err := d.Lock(ctx, a, "ignored", "retort_version", 0)
	if err != nil {
		t.Fatal(err)
	}
	name := mysql.LockName(db.Name, "retort_version")
	var holder, self int64
	if err := a.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&self); err != nil {
		t.Fatal(err)
	}
	if err := b.QueryRowContext(ctx, "SELECT COALESCE(IS_USED_LOCK(?), 0)", name).Scan(&holder); err != nil || holder != self {
		t.Fatalf("IS_USED_LOCK(%s) = %d, %v; want the locking connection %d", name, holder, err, self)
	}
	start := time.Now()
	_, err = d.Lock(ctx, b, "", "retort_version", 500*time.Millisecond)
	var te *dialect.LockTimeoutError
	if !errors.As(err, &te) || te.Lock != name {
		t.Fatalf("second Lock: err = %v, want a *LockTimeoutError naming %s", err, name)
	}
	if !strings.Contains(err.Error(), "another process has held the migration lock "+name+" for longer than 500ms") {
		t.Errorf("error text: %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("waited %s", time.Since(start))
	}
	unlock(ctx)
	var free int
	if err := b.QueryRowContext(ctx, "SELECT IS_FREE_LOCK(?)", name).Scan(&free); err != nil || free != 1 {
		t.Errorf("IS_FREE_LOCK after unlock = %d, %v; want 1", free, err)
	}
}

// TestProbeServer: the probed dialect has the server's flavour and the
// database's default collation, as the server reports them.
func TestProbeServer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.MySQL(t)
	var version, collation string
	if err := db.QueryRowContext(ctx, "SELECT VERSION(), @@collation_database").Scan(&version, &collation); err != nil {
		t.Fatal(err)
	}
	got, err := mysql.New().ProbeServer(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	d, ok := got.(*mysql.Dialect)
	if !ok {
		t.Fatalf("ProbeServer returned %T", got)
	}
	wantFlavor := mysql.FlavorMySQL
	if strings.Contains(strings.ToLower(version), "mariadb") {
		wantFlavor = mysql.FlavorMariaDB
	}
	if d.Flavor != wantFlavor || d.DatabaseCollation != collation || d.Version.Major == 0 {
		t.Errorf("ProbeServer on %q (%s) = flavour %v, version %+v, collation %q", version, collation, d.Flavor, d.Version, d.DatabaseCollation)
	}
}

// TestScratchDatabase: the scratch database statements create a database
// the server lists in information_schema.SCHEMATA and drop it again.
func TestScratchDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.MySQL(t)
	d := mysql.New()
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
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count() != 1 {
		t.Fatalf("%s: database %s not listed", d.CreateDatabaseSQL(q), name)
	}
	for _, drop := range d.DropDatabaseSQL(q) {
		if _, err := db.ExecContext(ctx, drop); err != nil {
			t.Fatalf("%s: %v", drop, err)
		}
	}
	if count() != 0 {
		t.Errorf("%v: database %s still listed", d.DropDatabaseSQL(q), name)
	}
}
