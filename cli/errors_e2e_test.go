package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// sqliteModule is a user module on SQLite with the step1 models, initialised
// and upgraded to its first revision.
func sqliteModule(t *testing.T) (*userModule, *testdb.DB) {
	t.Helper()
	db := testdb.SQLite(t)
	m := newUserModule(t, db.URL)
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "initial", "--rev-id", "aaaa00000001")
	m.run(0, "upgrade", "head")
	return m, db
}

func wantContains(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

func TestCLIErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Run("malformed tag names file and line", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		src, err := os.ReadFile(filepath.Join(m.dir, "models", "models.go"))
		if err != nil {
			t.Fatal(err)
		}
		m.write("models/models.go", strings.Replace(string(src), `type=varchar(255),unique"`, `type=varchar(255),uniq"`, 1))
		out := m.run(2, "check")
		wantContains(t, out, `models.User.Email (models/models.go:`, `unknown tag option "uniq"; did you mean "unique"?`)
		out = m.run(2, "revision", "--autogenerate", "-m", "broken")
		wantContains(t, out, `unknown tag option "uniq"`)
		files, _ := filepath.Glob(filepath.Join(m.dir, "migrations", "*_broken.go"))
		if len(files) != 0 {
			t.Errorf("a revision file was written despite the error: %v", files)
		}
	})
	t.Run("missing database directory", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.url = "sqlite://" + filepath.Join(m.dir, "no", "such", "dir", "app.db")
		out := m.run(2, "upgrade", "head")
		wantContains(t, out, "does not exist", "mkdir -p")
		if _, err := os.Stat(filepath.Join(m.dir, "no")); err == nil {
			t.Error("the missing directory was created")
		}
	})
	t.Run("unknown revision", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		out := m.run(2, "upgrade", "nosuchrev")
		wantContains(t, out, `unknown`, `"nosuchrev"`)
		out = m.run(2, "downgrade", "zzzz")
		wantContains(t, out, `"zzzz"`)
		out = m.run(0, "current")
		wantContains(t, out, "aaaa00000001")
	})
	t.Run("failing migration rolls back", func(t *testing.T) {
		t.Parallel()
		m, db := sqliteModule(t)
		exec1(t, db.DB, "INSERT INTO teams (name, slug) VALUES ('core', 'core')")
		m.write("migrations/bbbb00000002_bad.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:      "bbbb00000002",
		Revises: "aaaa00000001",
		Message: "bad",
		Upgrade: func(op *migrate.Op) {
			op.AddColumn("teams", op.Column("motto", "TEXT"))
			op.CreateTable("audit", op.Column("id", "INTEGER").PrimaryKey())
			op.Execute("UPDATE no_such_table SET x = 1")
		},
		Downgrade: func(op *migrate.Op) {
			op.DropTable("audit", op.Column("id", "INTEGER").PrimaryKey())
			op.DropColumn("teams", "motto")
		},
	})
}
`)
		out := m.run(2, "upgrade", "head")
		wantContains(t, out, "bbbb00000002", "op 3", "no_such_table")
		s := reflectSchema(t, db.DB, "sqlite")
		if _, ok := s.Table("", "audit"); ok {
			t.Error("table audit survived the rolled-back revision")
		}
		teams, _ := s.Table("", "teams")
		if _, ok := teams.Column("motto"); ok {
			t.Error("column teams.motto survived the rolled-back revision")
		}
		if n := count(t, db.DB, "SELECT count(*) FROM teams"); n != 1 {
			t.Errorf("teams has %d rows after the failed upgrade, want 1", n)
		}
		out = m.run(0, "current")
		wantContains(t, out, "aaaa00000001")
	})
	t.Run("not at head refuses autogenerate", func(t *testing.T) {
		t.Parallel()
		m, _ := sqliteModule(t)
		m.run(0, "downgrade", "base")
		out := m.run(1, "revision", "--autogenerate", "-m", "stale")
		wantContains(t, out, "retort upgrade head")
	})
	t.Run("unknown command suggests", func(t *testing.T) {
		t.Parallel()
		m := newUserModule(t, "sqlite://x.db")
		out := m.run(2, "upgrdae")
		wantContains(t, out, `did you mean "upgrade"?`)
	})
}
