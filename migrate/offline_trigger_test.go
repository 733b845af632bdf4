package migrate

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestOfflineSQLRebuildKeepsTriggers: offline SQL on SQLite (upgrade
// --sql) creates again, after a table rebuild, the triggers the
// revisions' raw SQL created on the table, as sqlite_master keeps them;
// a trigger the revisions did not create stops the script (sqlite3
// -bail) before anything changes, rather than being dropped.
func TestOfflineSQLRebuildKeepsTriggers(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("no sqlite3 shell")
	}
	posts := model.Table{Name: "posts", Columns: []model.Column{
		{Name: "id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
		{Name: "body", Type: model.Type{SQL: "TEXT"}, Nullable: true},
		{Name: "edits", Type: model.Type{SQL: "INTEGER"}, Default: "0"},
	}, PrimaryKey: model.PrimaryKey{Columns: []string{"id"}}}
	const trigger = "CREATE TRIGGER IF NOT EXISTS posts_count AFTER UPDATE OF body ON posts\nBEGIN\n  UPDATE posts SET edits = CASE WHEN edits > 9 THEN 0 ELSE edits + 1 END WHERE id = NEW.id;\nEND"
	env := testEnv("sqlite")
	env.Add(withOps("r1", "", "create posts", ops.CreateTable{Table: posts}))
	env.Add(Revision{ID: "r2", Revises: "r1", Message: "count edits",
		Upgrade:   func(op *Recorder) { op.Execute(trigger) },
		Downgrade: func(op *Recorder) { op.Execute("DROP TRIGGER posts_count") }})
	to := posts.Columns[1]
	to.Type.SQL = "VARCHAR(2000)"
	env.Add(withOps("r3", "r2", "longer body",
		ops.AlterColumn{Table: "posts", Change: ops.ChangeType, From: posts.Columns[1], To: to}))
	script, err := SQL(context.Background(), env, "", "head", Up)
	if err != nil {
		t.Fatal(err)
	}
	run := func(file, sql string) (string, bool) {
		cmd := exec.Command("sqlite3", "-bail", file)
		cmd.Stdin = strings.NewReader(sql)
		out, err := cmd.CombinedOutput()
		return string(out), err == nil
	}
	file := filepath.Join(t.TempDir(), "a.db")
	if out, ok := run(file, script); !ok {
		t.Fatalf("the script failed: %s\n%s", out, script)
	}
	got, _ := run(file, "SELECT sql FROM sqlite_master WHERE type = 'trigger';\nSELECT sql FROM sqlite_master WHERE name = 'posts';")
	want := "CREATE TRIGGER posts_count AFTER UPDATE OF body ON posts\nBEGIN\n  UPDATE posts SET edits = CASE WHEN edits > 9 THEN 0 ELSE edits + 1 END WHERE id = NEW.id;\nEND"
	if !strings.Contains(got, want) || !strings.Contains(got, "VARCHAR(2000)") {
		t.Errorf("after the script, sqlite_master holds\n%s\nwant the trigger %q on the rebuilt table", got, want)
	}

	// A trigger the revisions did not create: the rebuild's guard stops
	// the script.
	other := filepath.Join(t.TempDir(), "b.db")
	upTo2, err := SQL(context.Background(), env, "", "r2", Up)
	if err != nil {
		t.Fatal(err)
	}
	if out, ok := run(other, upTo2+"\nCREATE TRIGGER stranger AFTER INSERT ON posts BEGIN SELECT 1; END;"); !ok {
		t.Fatalf("setting up: %s", out)
	}
	rest, err := SQL(context.Background(), env, "r2", "head", Up)
	if err != nil {
		t.Fatal(err)
	}
	out, ok := run(other, rest)
	if ok || !strings.Contains(out, "would drop its trigger stranger") {
		t.Errorf("with a trigger the revisions did not create: ok=%v, printed %q\n%s", ok, out, rest)
	}
	if got, _ := run(other, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger';"); strings.TrimSpace(got) != "2" {
		t.Errorf("triggers after the refused script: %s, want 2", got)
	}
}
