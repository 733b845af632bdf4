package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

func TestCLIGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Run("file name must match its id", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.write("migrations/cccc00000003_x.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() { Env.Add(migrate.Revision{ID: "dddd00000004", Revises: "aaaa00000001", Message: "x"}) }
`)
		out := m.run(2, "heads")
		wantContains(t, out, "cccc00000003_x.go", `declares revision "dddd00000004"`)
	})
	t.Run("missing parent names the file", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.write("migrations/eeee00000005_orphan.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() { Env.Add(migrate.Revision{ID: "eeee00000005", Revises: "ffff99999999", Message: "orphan"}) }
`)
		out := m.run(2, "history")
		wantContains(t, out, "eeee00000005_orphan.go", "ffff99999999")
	})
	t.Run("branch, splice and merge", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.run(0, "revision", "-m", "second", "--rev-id", "bbbb00000002")
		out := m.run(2, "revision", "-m", "side", "--head", "aaaa00000001", "--rev-id", "cccc00000003")
		wantContains(t, out, "--splice")
		m.run(0, "revision", "-m", "side", "--head", "aaaa00000001", "--splice", "--rev-id", "cccc00000003")
		out = m.run(0, "heads")
		wantContains(t, out, "bbbb00000002", "cccc00000003")
		out = m.run(2, "revision", "-m", "ambiguous")
		wantContains(t, out, "multiple heads", "retort merge")
		m.run(0, "upgrade", "heads")
		out = m.run(0, "current")
		wantContains(t, out, "bbbb00000002", "cccc00000003")
		m.run(0, "merge", "-m", "join", "--rev-id", "dddd00000004", "heads")
		out = m.run(0, "heads")
		if strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, "dddd00000004") {
			t.Errorf("after merge, heads = %q, want only dddd00000004", out)
		}
		m.run(0, "upgrade", "head")
		out = m.run(0, "history")
		wantContains(t, out, "bbbb00000002, cccc00000003 -> dddd00000004 (head) (mergepoint), join", "(branchpoint)")
		out = m.run(0, "upgrade", "--sql", "base:head")
		wantContains(t, out, "Running upgrade", "dddd00000004")
	})
}

// TestCLITenants migrates several databases in one run and reports each,
// one failure not hiding the others.
func TestCLITenants(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	m, _ := sqliteModule(t)
	a, b := testdb.SQLite(t), testdb.SQLite(t)
	bad := "sqlite://" + filepath.Join(t.TempDir(), "missing", "x.db")
	out := m.run(2, "upgrade", "head", "--url", a.URL, "--url", bad, "--url", b.URL, "-j", "2")
	wantContains(t, out, "FAILED", "missing", "failed on 1 of 3 tenants")
	if strings.Count(out, "ok      ") != 2 {
		t.Errorf("want two ok tenants:\n%s", out)
	}
	for _, db := range []*testdb.DB{a, b} {
		if n := count(t, db.DB, "SELECT count(*) FROM retort_version WHERE version_num = 'aaaa00000001'"); n != 1 {
			t.Errorf("%s: not at aaaa00000001", db.Name)
		}
	}
}

// TestCLIPostgresSchemas migrates one PostgreSQL database's schemas as tenants.
func TestCLIPostgresSchemas(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.Postgres(t)
	exec1(t, db.DB, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b")
	m := newUserModule(t, db.URL)
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "postgres", "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "initial", "--rev-id", "aaaa00000001")
	out := m.run(0, "upgrade", "head", "--schema", "tenant_a", "--schema", "tenant_b")
	wantContains(t, out, "tenant_a", "tenant_b")
	for _, s := range []string{"tenant_a", "tenant_b"} {
		if n := count(t, db.DB, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"+s+"' AND table_name IN ('users', 'teams', 'retort_version')"); n != 3 {
			t.Errorf("schema %s has %d of the 3 tables", s, n)
		}
	}
	if n := count(t, db.DB, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'users'"); n != 0 {
		t.Error("public got the tables too")
	}
}
