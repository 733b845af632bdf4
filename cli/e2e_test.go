package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
)

var (
	buildOnce sync.Once
	retortBin string
	buildErr  error
)

// retort builds the retort binary once per test run.
func retort(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "retort-bin-")
		if err != nil {
			buildErr = err
			return
		}
		retortBin = filepath.Join(dir, "retort")
		out, err := exec.Command("go", "build", "-o", retortBin, "../cmd/retort").CombinedOutput()
		if err != nil {
			buildErr = &buildFailure{out: string(out), err: err}
		}
	})
	if buildErr != nil {
		t.Fatalf("build retort: %v", buildErr)
	}
	return retortBin
}

type buildFailure struct {
	out string
	err error
}

func (b *buildFailure) Error() string { return b.err.Error() + "\n" + b.out }

// userModule is a brand-new Go module outside the repository.
type userModule struct {
	t   *testing.T
	dir string
	url string
}

func newUserModule(t *testing.T, url string) *userModule {
	t.Helper()
	dir := t.TempDir()
	m := &userModule{t: t, dir: dir, url: url}
	m.write("go.mod", "module example.com/shop\n\ngo 1.24\n")
	return m
}

func (m *userModule) write(name, content string) {
	m.t.Helper()
	p := filepath.Join(m.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		m.t.Fatal(err)
	}
}

func (m *userModule) copyModels(step string) {
	m.t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "examples", "quickstart", step, "models", "models.go"))
	if err != nil {
		m.t.Fatal(err)
	}
	m.write("models/models.go", string(src))
}

// addModel lists models.NAME{} in env.go's Models, as a user does for a new model.
func (m *userModule) addModel(name string) {
	m.t.Helper()
	p := filepath.Join(m.dir, "migrations", "env.go")
	src, err := os.ReadFile(p)
	if err != nil {
		m.t.Fatal(err)
	}
	out := strings.Replace(string(src), "\t\tmodels.User{},\n", "\t\tmodels.User{},\n\t\tmodels."+name+"{},\n", 1)
	if out == string(src) {
		m.t.Fatalf("env.go has no models.User{} line to add %s after:\n%s", name, src)
	}
	m.write("migrations/env.go", out)
}

// run runs retort in the module and checks its exit code.
func (m *userModule) run(wantCode int, args ...string) string {
	m.t.Helper()
	cmd := exec.Command(retort(m.t), args...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "RETORT_DATABASE_URL="+m.url)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		m.t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	if code != wantCode {
		m.t.Fatalf("retort %s: exit %d, want %d; output:\n%s", strings.Join(args, " "), code, wantCode, out.String())
	}
	return out.String()
}

func reflectSchema(t *testing.T, db *sql.DB, dialect string) model.Schema {
	t.Helper()
	be, err := backend.Lookup(dialect)
	if err != nil {
		t.Fatal(err)
	}
	s, err := be.Inspector.Inspect(context.Background(), db, introspect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func exec1(t *testing.T, db *sql.DB, query string) {
	t.Helper()
	if _, err := db.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// TestQuickstartSession runs the user session of the README in a new module
// on every dialect: init, autogenerate, upgrade, check, change the models,
// check fails, autogenerate, upgrade, check passes, downgrade -1 restores
// the first schema exactly, and the rows survive every step.
func TestQuickstartSession(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses POSIX paths")
	}
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testdb.Open(t, d)
			m := newUserModule(t, db.URL)
			m.copyModels("step1")

			m.run(0, "init", "--dialect", d, "--models", "./models")
			out := m.run(0, "revision", "--autogenerate", "-m", "initial")
			if !strings.Contains(out, "create table teams") || !strings.Contains(out, "create table users") {
				t.Errorf("revision output does not list the new tables:\n%s", out)
			}
			m.run(0, "upgrade", "head")
			m.run(0, "check")
			first := reflectSchema(t, db.DB, d)

			exec1(t, db.DB, "INSERT INTO teams (name, slug) VALUES ('core', 'core')")
			exec1(t, db.DB, "INSERT INTO users (email, name, role, team_id, balance) VALUES ('ada@example.com', 'Ada', 'admin', 1, 12.50)")
			exec1(t, db.DB, "INSERT INTO users (email, name, team_id) VALUES ('bob@example.com', 'Bob', 1)")

			m.copyModels("step2")
			m.addModel("Note")
			out = m.run(1, "check")
			for _, want := range []string{"notes", "bio", "name"} {
				if !strings.Contains(out, want) {
					t.Errorf("check output does not mention %q:\n%s", want, out)
				}
			}
			m.run(0, "revision", "--autogenerate", "-m", "second")
			m.run(0, "upgrade", "head")
			m.run(0, "check")
			if n := count(t, db.DB, "SELECT count(*) FROM users WHERE name IN ('Ada', 'Bob') AND team_id = 1"); n != 2 {
				t.Errorf("after upgrade: %d users kept, want 2", n)
			}
			exec1(t, db.DB, "INSERT INTO notes (user_id, body) VALUES (1, 'hello')")
			exec1(t, db.DB, "UPDATE users SET bio = 'writes code' WHERE id = 1")

			m.run(0, "downgrade", "-1")
			if diff := cmp.Diff(first, reflectSchema(t, db.DB, d)); diff != "" {
				t.Errorf("downgrade -1 did not restore the first schema (-want +got):\n%s", diff)
			}
			if n := count(t, db.DB, "SELECT count(*) FROM users WHERE email = 'ada@example.com' AND balance = 12.5 AND role = 'admin'"); n != 1 {
				t.Errorf("after downgrade: Ada's row changed or vanished")
			}
			if n := count(t, db.DB, "SELECT count(*) FROM teams"); n != 1 {
				t.Errorf("after downgrade: %d teams, want 1", n)
			}
			m.run(0, "check", "--help")
			out = m.run(0, "current")
			if !strings.Contains(out, "initial") {
				t.Errorf("current does not name the initial revision:\n%s", out)
			}
			out = m.run(0, "history")
			if !strings.Contains(out, "initial") || !strings.Contains(out, "second") {
				t.Errorf("history does not list both revisions:\n%s", out)
			}
			// Upgrading again re-applies the second revision onto the kept rows.
			m.run(0, "upgrade", "head")
			m.run(0, "check")
		})
	}
}
