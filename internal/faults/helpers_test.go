package faults

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/converge"
	"github.com/retortdb/retort/internal/testdb"
)

// run is one child process's outcome.
type run struct {
	code   int
	killed bool
	stderr string
}

// start starts a child running cmd to target on db, killing itself as
// kill says (see child).
func start(t *testing.T, db *testdb.DB, cmd, target, kill string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), "FAULTS_CHILD=1", "FAULTS_DIALECT="+db.Dialect, "FAULTS_URL="+db.URL,
		"FAULTS_CMD="+cmd, "FAULTS_TARGET="+target, "FAULTS_KILL="+kill)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	return c, &stderr
}

// wait waits for a child.
func wait(c *exec.Cmd, stderr *bytes.Buffer) run {
	err := c.Wait()
	r := run{stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
		r.killed = ee.ExitCode() < 0
	} else if err != nil {
		r.code = -1
	}
	return r
}

// runChild runs a child to completion.
func runChild(t *testing.T, db *testdb.DB, cmd, target, kill string) run {
	t.Helper()
	return wait(start(t, db, cmd, target, kill))
}

// mustMigrate runs a child that must exit 0.
func mustMigrate(t *testing.T, db *testdb.DB, cmd, target string) {
	t.Helper()
	if r := runChild(t, db, cmd, target, ""); r.code != 0 {
		t.Fatalf("%s %s: exit %d:\n%s", cmd, target, r.code, r.stderr)
	}
}

// state is what a database holds: the server's own schema dump and the
// rows of every table the scenario writes.
func state(t *testing.T, db *testdb.DB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dump, err := converge.Dump(ctx, converge.Dialect(db.Dialect), db.URL)
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	var b strings.Builder
	b.WriteString(dump)
	for _, q := range []string{
		"SELECT version_num FROM retort_version ORDER BY version_num",
		"SELECT id, name FROM items ORDER BY id",
		"SELECT id, qty FROM items ORDER BY id",
		"SELECT COUNT(*), SUM(n), MIN(pad) FROM big",
	} {
		b.WriteString("\n-- " + q + "\n")
		rows, err := db.Query(q)
		if err != nil {
			b.WriteString("error\n") // the table does not exist at this revision
			continue
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				if i > 0 {
					b.WriteString("\t")
				}
				b.WriteString(strings.TrimSpace(strings.ReplaceAll(fmtValue(v), "\n", " ")))
			}
			b.WriteString("\n")
		}
		rows.Close()
	}
	return b.String()
}

func fmtValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		if len(x) > 20 {
			return x[:20] + "..."
		}
		return x
	}
	return fmt.Sprint(v)
}

// reference returns the state a never-interrupted upgrade to target
// leaves, on a fresh database of the dialect.
func reference(t *testing.T, dialect, target string) string {
	t.Helper()
	db := testdb.Open(t, dialect)
	mustMigrate(t, db, "upgrade", target)
	return state(t, db)
}

func lookPath(name string) (string, error) { return exec.LookPath(name) }

func inCI() bool { return os.Getenv("CI") != "" }
