package cli_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// editRevision replaces old with new in the one migrations file whose name
// matches glob, failing the test when old is not there.
func (m *userModule) editRevision(glob, old, new string) {
	m.t.Helper()
	files, err := filepath.Glob(filepath.Join(m.dir, "migrations", glob))
	if err != nil || len(files) != 1 {
		m.t.Fatalf("migrations/%s: %d files (%v)", glob, len(files), err)
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		m.t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		m.t.Fatalf("%s lacks %q:\n%s", files[0], old, src)
	}
	if err := os.WriteFile(files[0], []byte(strings.ReplaceAll(string(src), old, new)), 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// twoRevisions is a module with the quickstart's two revisions generated
// against db (and applied to it).
func twoRevisions(t *testing.T, db *testdb.DB) *userModule {
	t.Helper()
	m := newUserModule(t, db.URL)
	m.copyModels("step1")
	m.run(0, "init", "--dialect", db.Dialect, "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "initial", "--rev-id", "aaaa00000001")
	m.run(0, "upgrade", "head")
	m.copyModels("step2")
	m.addModel("Note")
	m.run(0, "revision", "--autogenerate", "-m", "second", "--rev-id", "bbbb00000002")
	return m
}

// TestCheckMigrations runs `retort check --migrations` on every configured
// dialect: a good history passes; a downgrade that forgets to drop a
// column, and a hand-edit that drifts from the models, fail with exit 1
// and say what is wrong.
func TestCheckMigrations(t *testing.T) {
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
			m := twoRevisions(t, db)
			args := []string{"check", "--migrations"}
			if d != "sqlite" {
				args = append(args, "--dev-url", testdb.ServerURL(t, d))
			}

			out := m.run(0, args...)
			wantContains(t, out, "aaaa00000001 initial: upgrade, downgrade, upgrade",
				"bbbb00000002 second: upgrade, downgrade, upgrade",
				"head matches the models", "leaves no tables", "The migrations are consistent.")

			// A downgrade that forgets to drop users.bio.
			m.editRevision("bbbb00000002_*.go", `op.DropColumn("users", "bio"`, `_ = 0 // op.DropColumn("users", "bio"`)
			out = m.run(1, args...)
			wantContains(t, out, "FAIL  bbbb00000002 second: the downgrade does not undo the upgrade", "users: drop column bio")
			m.editRevision("bbbb00000002_*.go", `_ = 0 // op.DropColumn("users", "bio"`, `op.DropColumn("users", "bio"`)
			m.run(0, args...)

			// A hand-edit of the first revision that no longer matches the models.
			varchar := "varchar"
			if d == "postgres" {
				varchar = "character varying"
			}
			m.editRevision("aaaa00000001_*.go", `op.Column("slug", "`+varchar+`(100)")`, `op.Column("slug", "`+varchar+`(90)")`)
			out = m.run(1, args...)
			wantContains(t, out, "FAIL  head does not match the models", "teams: alter column slug")
			if d != "sqlite" {
				wantContains(t, out, "dropped afterwards")
			}
		})
	}
}

// TestCheckMigrationsNeedsDevURL: a server dialect without --dev-url is a
// usage error that says what to pass.
func TestCheckMigrationsNeedsDevURL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Parallel()
	m := newUserModule(t, "postgres://nobody@127.0.0.1:1/none?sslmode=disable")
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "postgres", "--models", "./models")
	m.write("migrations/aaaa00000001_initial.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:      "aaaa00000001",
		Message: "initial",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("teams", op.Column("id", "bigint").PrimaryKey())
		},
		Downgrade: func(op *migrate.Op) {
			op.DropTable("teams", op.Column("id", "bigint").PrimaryKey())
		},
	})
}
`)
	out := m.run(2, "check", "--migrations")
	wantContains(t, out, "--dev-url")
}
