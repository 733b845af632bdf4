package faults

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/converge"
	"github.com/retortdb/retort/internal/testdb"
)

// opsOf is how many ops f1, f2 and f3 have.
var opsOf = []struct {
	rev string
	ops int
}{{"f1", 3}, {"f2", 4}, {"f3", 3}}

// TestKillAtEveryOpBoundary kills the migrating process right after each
// op's statement completed (and, on MySQL, also right after the op was
// recorded), then runs `upgrade f3` again: it must exit 0 and leave the
// schema dump and rows of a run that was never interrupted. On MySQL the
// first kill leaves the progress row one op behind the database, which
// used to make every rerun fail with "Duplicate column name".
func TestKillAtEveryOpBoundary(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			requireDump(t, d)
			want := reference(t, d, "f3")
			events := []string{"executed"}
			if d == "mysql" {
				events = append(events, "recorded")
			}
			for _, r := range opsOf {
				for op := 1; op <= r.ops; op++ {
					for _, ev := range events {
						kill := fmt.Sprintf("%s:%d:%s", r.rev, op, ev)
						t.Run(kill, func(t *testing.T) {
							db := testdb.Open(t, d)
							if got := runChild(t, db, "upgrade", "f3", kill); !got.killed {
								t.Fatalf("the run was not killed at %s (exit %d):\n%s", kill, got.code, got.stderr)
							}
							if got := runChild(t, db, "upgrade", "f3", ""); got.code != 0 {
								t.Fatalf("rerun after a kill at %s: exit %d:\n%s", kill, got.code, got.stderr)
							}
							if diff := converge.UnifiedDiff("uninterrupted", "killed at "+kill, want, state(t, db)); diff != "" {
								t.Errorf("state differs:\n%s", diff)
							}
						})
					}
				}
			}
		})
	}
}

// TestKillMidStatement kills the migrating process while the server runs
// f5's ALTER of a table of 100,000 rows. MySQL completes the statement
// after its client is gone, so the progress row lags the database; the
// rerun must find the change made and finish. PostgreSQL and SQLite roll
// the revision back. Each ends in the state of an uninterrupted run.
func TestKillMidStatement(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			requireDump(t, d)
			want := reference(t, d, "head")
			db := testdb.Open(t, d)
			mustMigrate(t, db, "upgrade", "f4")
			if d == "sqlite" {
				if got := runChild(t, db, "upgrade", "head", "f5:0:sleep40"); !got.killed {
					t.Fatalf("not killed (exit %d): the rebuild finished within 40ms?\n%s", got.code, got.stderr)
				}
			} else {
				killDuringAlter(t, db)
			}
			if got := runChild(t, db, "upgrade", "head", ""); got.code != 0 {
				t.Fatalf("rerun after a kill mid-statement: exit %d:\n%s", got.code, got.stderr)
			}
			if diff := converge.UnifiedDiff("uninterrupted", "killed mid-statement", want, state(t, db)); diff != "" {
				t.Errorf("state differs:\n%s", diff)
			}
		})
	}
}

// killDuringAlter starts `upgrade head`, kills it with SIGKILL once the
// server shows f5's ALTER TABLE running, and waits for the server to be
// done with the statement.
func killDuringAlter(t *testing.T, db *testdb.DB) {
	t.Helper()
	activity := "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'ALTER TABLE%big%'"
	if db.Dialect == "postgres" {
		activity = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'ALTER TABLE%big%'"
	}
	running := func() bool {
		var n int
		if err := db.QueryRow(activity).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	c, stderr := start(t, db, "upgrade", "head", "")
	deadline := time.Now().Add(time.Minute)
	for !running() {
		if time.Now().After(deadline) || c.ProcessState != nil {
			c.Process.Kill()
			t.Fatalf("the ALTER TABLE of big never showed as running:\n%s", stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.Process.Signal(syscall.SIGKILL)
	if got := wait(c, stderr); !got.killed {
		t.Fatalf("the run ended before the kill (exit %d):\n%s", got.code, got.stderr)
	}
	for running() {
		if time.Now().After(deadline) {
			t.Fatal("the server still runs the ALTER TABLE a minute later")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if db.Dialect == "mysql" {
		// What makes MySQL hard: the server finished the statement the
		// killed client sent, and nothing recorded it.
		var typ string
		if err := db.QueryRow("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'big' AND COLUMN_NAME = 'n'").Scan(&typ); err != nil {
			t.Fatal(err)
		}
		var done int
		if err := db.QueryRow("SELECT ops_done FROM retort_version_progress WHERE version_num = 'f5'").Scan(&done); err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(typ, "bigint") || done != 0 {
			t.Logf("after the kill: big.n is %s and the progress row says %d ops done; the server did not complete the statement this time", typ, done)
		}
	}
}

// requireDump skips (fails under CI) when the server's client tools that
// dump a schema are missing.
func requireDump(t *testing.T, d string) {
	t.Helper()
	for _, c := range converge.Clients(converge.Dialect(d)) {
		if _, err := lookPath(c); err != nil {
			if testing.Short() || !inCI() {
				t.Skipf("%s not installed", c)
			}
			t.Fatalf("%s not installed; CI installs it", c)
		}
	}
}
