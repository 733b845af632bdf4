package cli_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// shell runs the sqlite3 shell with -bail on file, script on stdin, and
// returns what it printed and whether it succeeded.
func shell(t *testing.T, file, script string) (string, bool) {
	t.Helper()
	cmd := exec.Command("sqlite3", "-bail", file)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// snapshot is the schema text and every row of the tables a test makes.
func snapshot(t *testing.T, file string) string {
	t.Helper()
	out, ok := shell(t, file, "SELECT type, name, sql FROM sqlite_master ORDER BY name;\nSELECT 'parents', * FROM parents ORDER BY id;\nSELECT 'kids', * FROM kids ORDER BY id;\n")
	if !ok {
		t.Fatalf("reading %s: %s", file, out)
	}
	return out
}

// TestDiffSQLSQLiteFailedRebuildKeepsRows pins issue 12: the script of
// `retort diff --sql` on SQLite, piped into `sqlite3 -bail` as is, applies
// all of a table rebuild or nothing. A rebuild that fails midway (a row
// the new CHECK refuses while rows are copied) or at the end (a foreign
// key the rows violate, found before COMMIT) leaves the table, its rows
// and the rest of the schema as they were; with foreign keys off around
// it, dropping the parent's old copy cascades nothing either. On valid
// rows the same script applies and a second diff is empty.
func TestDiffSQLSQLiteFailedRebuildKeepsRows(t *testing.T) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("no sqlite3 shell")
	}
	const from = `PRAGMA foreign_keys = ON;
CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE, n INTEGER);
INSERT INTO parents VALUES (1, 'a'), (2, NULL);
INSERT INTO kids VALUES (10, 1, 5), (11, 2, 7);
`
	// The target rebuilds both tables: parents.name becomes NOT NULL, and
	// kids gains a CHECK.
	const to = `CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE, n INTEGER, CHECK (n > 0));
`
	for _, tc := range []struct {
		name   string
		break_ string // run on the from database after it is loaded
		fails  string // what sqlite3 prints, when the script must fail
	}{
		{name: "valid rows"},
		{name: "check fails while rows are copied", break_: "UPDATE kids SET n = -1 WHERE id = 11;", fails: "CHECK constraint failed"},
		{name: "foreign key violated at commit", break_: "PRAGMA foreign_keys = OFF; INSERT INTO kids VALUES (12, 99, 1);", fails: "foreign key violations"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
			for _, load := range []struct{ file, script string }{{a, from + tc.break_}, {b, to}} {
				if out, ok := shell(t, load.file, load.script); !ok {
					t.Fatalf("loading %s: %s", load.file, out)
				}
			}
			before := snapshot(t, a)
			code, script, stderr := runInProcess(t, "diff", "--from", "sqlite://"+a, "--to", "sqlite://"+b, "--sql")
			if code != 1 {
				t.Fatalf("diff --sql exited %d, want 1 (drift)\n%s", code, stderr)
			}
			for _, want := range []string{"PRAGMA foreign_keys = OFF;", "BEGIN;", "pragma_foreign_key_check", "COMMIT;", "PRAGMA foreign_keys = ON;"} {
				if !strings.Contains(script, want) {
					t.Errorf("the script lacks %q:\n%s", want, script)
				}
			}
			out, ok := shell(t, a, script)
			if tc.fails == "" {
				if !ok {
					t.Fatalf("the script failed on valid rows: %s\n%s", out, script)
				}
				code, again, stderr := runInProcess(t, "diff", "--from", "sqlite://"+a, "--to", "sqlite://"+b, "--sql")
				if code != 0 || strings.TrimSpace(again) != "" {
					t.Fatalf("after applying, diff --sql exited %d with stdout %q (want 0 and nothing)\n%s", code, again, stderr)
				}
				if after := snapshot(t, a); !strings.Contains(after, "kids|11|2|7") || !strings.Contains(after, "parents|2|") {
					t.Errorf("rows lost by the rebuild:\n%s", after)
				}
				return
			}
			if ok || !strings.Contains(out, tc.fails) {
				t.Fatalf("sqlite3 -bail: ok=%v, printed %q; want a failure with %q\n%s", ok, out, tc.fails, script)
			}
			if after := snapshot(t, a); after != before {
				t.Errorf("a failed script changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestDiffSQLEqualPrintsNoSQL pins issue 12: when the schemas agree,
// `diff --sql` prints nothing on stdout (it is SQL only) and exits 0,
// saying so on stderr; objects retort does not model are named on stderr,
// in a "not compared" line, and alone they are not drift.
func TestDiffSQLEqualPrintsNoSQL(t *testing.T) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("no sqlite3 shell")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if out, ok := shell(t, a, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);"); !ok {
		t.Fatal(out)
	}
	if out, ok := shell(t, b, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);\nCREATE VIEW v AS SELECT n FROM t;\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;"); !ok {
		t.Fatal(out)
	}
	code, stdout, stderr := runInProcess(t, "diff", "--from", "sqlite://"+a, "--to", "sqlite://"+a, "--sql")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "have the same schema") {
		t.Errorf("equal: exit %d, stdout %q, stderr %q; want 0, nothing, the sentence", code, stdout, stderr)
	}
	code, stdout, stderr = runInProcess(t, "diff", "--from", "sqlite://"+a, "--to", "sqlite://"+b, "--sql")
	want := "not compared in --to: 1 view (v), 1 trigger (tr on t)"
	if code != 0 || stdout != "" || !strings.Contains(stderr, want) {
		t.Errorf("unmodeled only: exit %d, stdout %q, stderr %q; want 0, nothing, %q", code, stdout, stderr, want)
	}
}
