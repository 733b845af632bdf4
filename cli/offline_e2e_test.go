package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
)

// stdout runs retort in the module and returns its standard output only
// (a script to pipe), failing the test on a non-zero exit.
func (m *userModule) stdout(args ...string) string {
	m.t.Helper()
	cmd := exec.Command(retort(m.t), args...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "RETORT_DATABASE_URL="+m.url)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		m.t.Fatalf("retort %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// sqlite3 runs the sqlite3 shell on file with input on stdin, stopping at
// the first error, and returns what it prints.
func sqlite3(t *testing.T, file, input string, args ...string) string {
	t.Helper()
	cmd := exec.Command("sqlite3", append([]string{"-bail", file}, args...)...)
	cmd.Stdin = strings.NewReader(input)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3 -bail %s: %v\n%s\ninput:\n%s", file, err, out, input)
	}
	return string(out)
}

// TestCLIOfflineQuickstart: `upgrade --sql base:head` of the quick start
// on SQLite, whose second revision needs table rebuilds, applied by the
// sqlite3 shell with -bail to an empty file, gives the same sqlite_master
// as `upgrade head`; `stamp --sql head` applied to another empty file
// writes the version table `upgrade head` wrote.
func TestCLIOfflineQuickstart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("no sqlite3 shell")
	}
	dir := t.TempDir()
	online := filepath.Join(dir, "online.db")
	m := newUserModule(t, "sqlite://"+online)
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "initial")
	m.run(0, "upgrade", "head")
	m.copyModels("step2")
	m.addModel("Note")
	m.run(0, "revision", "--autogenerate", "-m", "second")
	m.run(0, "upgrade", "head")

	script := m.stdout("upgrade", "--sql", "base:head")
	if !strings.Contains(script, "_retort_old_") {
		t.Errorf("the script has no table rebuild; the test no longer covers one:\n%s", script)
	}
	offline := filepath.Join(dir, "offline.db")
	sqlite3(t, offline, script)
	const dump = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence' ORDER BY type, name;\nSELECT version_num FROM retort_version;\n"
	if diff := cmp.Diff(sqlite3(t, online, dump), sqlite3(t, offline, dump)); diff != "" {
		t.Errorf("sqlite_master after the offline script (-upgrade head +upgrade --sql):\n%s\nscript:\n%s", diff, script)
	}

	stamp := m.stdout("stamp", "--sql", "head")
	stamped := filepath.Join(dir, "stamped.db")
	sqlite3(t, stamped, stamp)
	const versions = "SELECT version_num FROM retort_version;\n"
	if got, want := sqlite3(t, stamped, versions), sqlite3(t, online, versions); got != want || want == "" {
		t.Errorf("stamp --sql head wrote %q, upgrade head %q:\n%s", got, want, stamp)
	}
}

// TestCLISchemaFlags: `upgrade --sql --schema t2` writes t2's search_path,
// not env.go's Schema; `current` and `check` read the schema --schema
// names.
func TestCLISchemaFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.Postgres(t)
	exec1(t, db.DB, "CREATE SCHEMA t1")
	exec1(t, db.DB, "CREATE SCHEMA t2")
	m := newUserModule(t, db.URL)
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "postgres", "--models", "./models")
	p := filepath.Join(m.dir, "migrations", "env.go")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\tDialect: ", "\tSchema: \"t1\",\n\tDialect: ", 1)
	if edited == string(src) {
		t.Fatalf("env.go has no Dialect line:\n%s", src)
	}
	m.write("migrations/env.go", edited)
	m.run(0, "revision", "--autogenerate", "-m", "initial")

	script := m.stdout("upgrade", "--sql", "head", "--schema", "t2")
	if !strings.Contains(script, "t2") || strings.Contains(script, "t1") {
		t.Errorf("upgrade --sql --schema t2 does not confine the script to t2:\n%s", script)
	}
	stamp := m.stdout("stamp", "--sql", "head", "--schema", "t2")
	if !strings.Contains(stamp, "t2") || strings.Contains(stamp, "t1") {
		t.Errorf("stamp --sql --schema t2 does not confine the script to t2:\n%s", stamp)
	}

	m.run(0, "upgrade", "head", "--schema", "t2")
	if n := count(t, db.DB, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 't2' AND table_name = 'users'"); n != 1 {
		t.Fatal("upgrade --schema t2 did not create t2.users")
	}
	wantContains(t, m.run(0, "current", "--schema", "t2"), "initial")
	if out := m.run(0, "current"); !strings.Contains(out, "<base>") {
		t.Errorf("current (env.go's t1) = %q, want <base>", out)
	}
	wantContains(t, m.run(0, "check", "--schema", "t2"), "No drift")
	m.run(1, "check")
}
