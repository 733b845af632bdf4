package faults

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/testdb"
)

// TestKillingRetortStopsItsDriver: `retort upgrade` builds a driver
// program and runs the migrations in it. Killing retort (kill -9, SIGTERM
// or SIGINT) used to leave the driver running the migration alone; the
// process the user started owns the work, so the driver must stop too.
// The driver is kept waiting for the MySQL migration lock, which the test
// holds, so it never ends by itself.
func TestKillingRetortStopsItsDriver(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc; kill -9 is covered by the parent-death signal only on Linux")
	}
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Parallel()
	db := testdb.MySQL(t)
	retort := userModule(t, db.URL)
	retort.write("migrations/k1_slow.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:        "k1",
		Message:   "create t",
		Upgrade:   func(op *migrate.Op) { op.CreateTable("t", op.Column("id", "integer").PrimaryKey()) },
		Downgrade: func(op *migrate.Op) { op.DropTable("t", op.Column("id", "integer").PrimaryKey()) },
	})
}
`)
	// Build the driver once, untimed.
	retort.must("heads")
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			// Hold the migration lock: the driver waits for it.
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			lock := mysql.LockName(db.Name, "retort_version")
			var got int
			if err := conn.QueryRowContext(context.Background(), "SELECT GET_LOCK(?, 5)", lock).Scan(&got); err != nil || got != 1 {
				t.Fatalf("GET_LOCK: %d, %v", got, err)
			}
			defer conn.ExecContext(context.Background(), "SELECT RELEASE_LOCK(?)", lock)
			c := retort.command("upgrade", "head")
			var out bytes.Buffer
			c.Stdout, c.Stderr = &out, &out
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			driver := waitForChild(t, c.Process.Pid, "retort-driver")
			if err := c.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- c.Wait() }()
			select {
			case <-exited:
			case <-time.After(30 * time.Second):
				c.Process.Kill()
				t.Fatalf("retort still runs 30s after %s", sig)
			}
			deadline := time.Now().Add(30 * time.Second)
			for alive(driver) {
				if time.Now().After(deadline) {
					syscall.Kill(driver, syscall.SIGKILL)
					t.Fatalf("the driver (pid %d) still runs 30s after retort got %s:\n%s", driver, sig, out.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
	// With the lock free, the migration runs: nothing was left half done.
	retort.must("upgrade", "head")
}

// waitForChild returns the pid of parent's child process named name.
func waitForChild(t *testing.T, parent int, name string) int {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			comm, ppid, _, ok := procStat(pid)
			if ok && ppid == parent && comm == name {
				return pid
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %s process under pid %d", name, parent)
	return 0
}

// alive reports whether pid runs (a zombie no longer does).
func alive(pid int) bool {
	_, _, state, ok := procStat(pid)
	return ok && state != "Z" && state != "X"
}

// procStat reads a process's name, parent and state from /proc.
func procStat(pid int) (comm string, ppid int, state string, ok bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", 0, "", false
	}
	s := string(data)
	open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || close < open {
		return "", 0, "", false
	}
	f := strings.Fields(s[close+1:])
	if len(f) < 2 {
		return "", 0, "", false
	}
	ppid, _ = strconv.Atoi(f[1])
	return s[open+1 : close], ppid, f[0], true
}
