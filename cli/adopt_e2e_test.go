package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// adoptSchema is a database that predates retort: written by hand, with a
// foreign key with an action, a named check, a unique constraint, an index,
// defaults and a nullable column, in SQL every dialect reads.
const adoptSchema = `
CREATE TABLE teams (
  id INTEGER NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  CONSTRAINT uq_teams_name UNIQUE (name)
);
CREATE TABLE members (
  id INTEGER NOT NULL PRIMARY KEY,
  team_id INTEGER NOT NULL,
  email VARCHAR(200) NOT NULL,
  nick VARCHAR(40),
  score INTEGER DEFAULT 0,
  CONSTRAINT ck_members_score CHECK (score >= 0),
  CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_members_email ON members (email);
INSERT INTO teams (id, name) VALUES (1, 'core');
INSERT INTO members (id, team_id, email, score) VALUES (1, 1, 'ada@example.com', 3);
`

// TestAdoptDatabase adopts a hand-made database on every dialect: init
// --from-database writes models that check finds equal to it (and inspect
// --format go prints the same file); revision --baseline writes the first
// revision and stamps the database, so upgrade head runs nothing there,
// while a fresh database gets a schema `retort diff` finds equal; a second
// baseline, and a baseline of a versioned database, are refused; a tagged
// struct env.go does not list fails check until Exclude names it.
func TestAdoptDatabase(t *testing.T) {
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
			db.ExecScript(t, adoptSchema)
			m := newUserModule(t, db.URL)

			out := m.run(0, "init", "--from-database")
			if !strings.Contains(out, "models.Members, models.Teams") {
				t.Errorf("init does not list the two tables' models:\n%s", out)
			}
			out = m.run(0, "check")
			if !strings.Contains(out, "No drift") {
				t.Errorf("check on the adopted database:\n%s", out)
			}
			written, err := os.ReadFile(filepath.Join(m.dir, "models", "models.go"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"type Members struct", "fk=fk_members_team(team_id) references teams(id) ondelete cascade", "check=ck_members_score(", "index=ix_members_email(email)"} {
				if !strings.Contains(string(written), want) {
					t.Errorf("models.go lacks %q:\n%s", want, written)
				}
			}
			if !regexp.MustCompile("Nick +\\*string +`db:\"nick,").Match(written) {
				t.Errorf("models.go: the nullable column nick is not a *string:\n%s", written)
			}
			header := func(src string) string { _, rest, _ := strings.Cut(src, "\n"); return rest }
			if got := m.runStdout(0, "inspect", "--format", "go"); header(got) != header(string(written)) {
				t.Errorf("inspect --format go differs from the models init wrote:\n%s\n---\n%s", got, written)
			}

			out = m.run(0, "revision", "--baseline", "-m", "initial", "--rev-id", "base0001")
			if !strings.Contains(out, "Stamped") {
				t.Errorf("revision --baseline does not say it stamped:\n%s", out)
			}
			if files, _ := filepath.Glob(filepath.Join(m.dir, "migrations", "base0001_*.go")); len(files) != 1 {
				t.Errorf("the baseline file: %v", files)
			} else if src, err := os.ReadFile(files[0]); err != nil || !strings.Contains(string(src), "retort revision --baseline") || !strings.Contains(string(src), "op.CreateTable(") {
				t.Errorf("the baseline file does not create the tables or say what wrote it (%v):\n%s", err, src)
			}
			if out = m.run(0, "current"); !strings.Contains(out, "base0001") {
				t.Errorf("current after the baseline:\n%s", out)
			}
			m.run(0, "upgrade", "head")
			if n := count(t, db.DB, "SELECT count(*) FROM members WHERE email = 'ada@example.com' AND score = 3"); n != 1 {
				t.Errorf("upgrade head after the baseline touched the rows: %d", n)
			}
			m.run(0, "check")
			if out = m.run(1, "revision", "--baseline", "-m", "again"); !strings.Contains(out, "already has revisions") {
				t.Errorf("a second baseline is not refused for the revisions:\n%s", out)
			}

			fresh := testdb.Open(t, d)
			m.run(0, "upgrade", "head", "--url", fresh.URL)
			m.run(0, "diff", "--from", db.URL, "--to", fresh.URL)

			// A baseline of a database that already has a version row is
			// refused, even in a package without revisions.
			files, _ := filepath.Glob(filepath.Join(m.dir, "migrations", "base0001_*.go"))
			if len(files) != 1 {
				t.Fatalf("the baseline file: %v", files)
			}
			baseline, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(files[0]); err != nil {
				t.Fatal(err)
			}
			if out = m.run(1, "revision", "--baseline", "-m", "initial"); !strings.Contains(out, "already has a version") || !strings.Contains(out, "base0001") {
				t.Errorf("a baseline of a versioned database is not refused:\n%s", out)
			}
			m.write(filepath.Join("migrations", filepath.Base(files[0])), string(baseline))

			// A tagged struct env.go does not list fails check, with the fix.
			m.write("models/audit.go", "package models\n\n// Audit is a read model.\ntype Audit struct {\n\tID int64 `db:\"id,pk\"`\n}\n")
			out = m.run(1, "check")
			if !strings.Contains(out, "models.Audit") || !strings.Contains(out, "Exclude") {
				t.Errorf("check does not name the unlisted struct and the fix:\n%s", out)
			}
			env := filepath.Join(m.dir, "migrations", "env.go")
			src, err := os.ReadFile(env)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(src), "Models: []any{", "Exclude: []any{models.Audit{}},\n\tModels: []any{", 1)
			if edited == string(src) {
				t.Fatalf("env.go has no Models list:\n%s", src)
			}
			m.write("migrations/env.go", edited)
			m.run(0, "check")
		})
	}
}

// runStdout runs retort in the module, checks its exit code and returns
// its standard output alone.
func (m *userModule) runStdout(wantCode int, args ...string) string {
	m.t.Helper()
	cmd := exec.Command(retort(m.t), args...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "RETORT_DATABASE_URL="+m.url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		m.t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	if code != wantCode {
		m.t.Fatalf("retort %s: exit %d, want %d; stderr:\n%s", strings.Join(args, " "), code, wantCode, stderr.String())
	}
	return stdout.String()
}

// TestInitListsTablesOnly: init lists neither a mixin nor a second struct
// over a table another model maps to (that one goes to Exclude), so check
// passes after the first revision without a warning.
func TestInitListsTablesOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.SQLite(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", "package models\n\n"+
		"// Base is a mixin.\ntype Base struct {\n\tCreatedAt int64 `db:\"created_at\"`\n}\n\n"+
		"// User is a model.\ntype User struct {\n\tBase\n\tID    int64  `db:\"id,pk\"`\n\tEmail string `db:\"email\"`\n}\n\n"+
		"// TableName names the table.\nfunc (User) TableName() string { return \"users\" }\n\n"+
		"// UserView reads part of users.\ntype UserView struct {\n\tID int64 `db:\"id,pk\"`\n}\n\n"+
		"// TableName names the table.\nfunc (UserView) TableName() string { return \"users\" }\n")
	out := m.run(0, "init", "--dialect", "sqlite")
	if !strings.Contains(out, "models: models.User)") || !strings.Contains(out, "models.UserView maps to table users, like models.User") {
		t.Errorf("init output:\n%s", out)
	}
	env, err := os.ReadFile(filepath.Join(m.dir, "migrations", "env.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(env), "Exclude: []any{\n\t\tmodels.UserView{},") || strings.Contains(string(env), "models.Base{}") {
		t.Errorf("env.go:\n%s", env)
	}
	m.run(0, "revision", "--autogenerate", "-m", "initial")
	m.run(0, "upgrade", "head")
	if out = m.run(0, "check"); strings.Contains(out, "warning") || strings.Contains(out, "error") {
		t.Errorf("check warns:\n%s", out)
	}
}
