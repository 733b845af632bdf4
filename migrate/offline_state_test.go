package migrate

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// rebuildEnv is blogEnv and revisions that SQLite applies with table
// rebuilds: a type change, a dropped indexed column, a check, a foreign
// key, a renamed column.
func rebuildEnv() *Env {
	env := blogEnv("sqlite")
	env.Add(withOps("r4", "r3", "widen and check",
		ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: col("name", "varchar(100)", false), To: col("name", "varchar(200)", false)},
		ops.AddCheck{Table: "users", Check: model.Check{Name: "ck_users_name", Expr: "length(name) > 0"}}))
	env.Add(withOps("r5", "r4", "drop title",
		ops.DropIndex{Table: "posts", Index: postsIndex},
		ops.DropColumn{Table: "posts", Column: col("title", "varchar(100)", true)}))
	env.Add(withOps("r6", "r5", "editors",
		ops.AddColumn{Table: "posts", Column: col("editor_id", "integer", true)},
		ops.AddForeignKey{Table: "posts", ForeignKey: model.ForeignKey{Name: "fk_posts_editor_id_users",
			Columns: []string{"editor_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: model.SetNull}},
		ops.CreateIndex{Table: "posts", Index: model.Index{Name: "ix_posts_editor_id", Parts: []model.IndexPart{{Column: "editor_id"}}}},
		ops.RenameColumn{Table: "users", From: "email", To: "mail"},
		ops.AlterColumn{Table: "users", Change: ops.ChangeNullable, From: col("mail", "varchar(200)", true), To: col("mail", "varchar(200)", false)}))
	return env
}

// TestOfflineRebuild: `upgrade --sql base:head` of revisions that need
// SQLite table rebuilds prints them from the schema the revisions imply;
// the SQL applied by the sqlite3 shell with -bail to an empty file gives
// the same schema, per sqlite_master, as the runner's upgrade; the same
// holds for a downgrade printed from head.
func TestOfflineRebuild(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("no sqlite3 shell")
	}
	ctx := context.Background()
	env := rebuildEnv()
	online := testdb.SQLite(t)
	if _, err := Upgrade(ctx, online.DB, env, "head", Options{AllowDataLoss: true}); err != nil {
		t.Fatal(err)
	}
	script, err := SQL(ctx, env, "base", "head", Up)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(script, "ALTER TABLE posts RENAME TO _retort_old_posts") {
		t.Errorf("no rebuild in the script:\n%s", script)
	}
	offline := testdb.SQLite(t)
	shell(t, offline.Name, script)
	if diff := cmp.Diff(schemaDump(t, online.Name), schemaDump(t, offline.Name)); diff != "" {
		t.Errorf("schema after the offline script (-online +offline):\n%s\nscript:\n%s", diff, script)
	}

	if _, err := Downgrade(ctx, online.DB, env, "r3", Options{AllowDataLoss: true}); err != nil {
		t.Fatal(err)
	}
	down, err := SQL(ctx, env, "head", "r3", Down)
	if err != nil {
		t.Fatal(err)
	}
	shell(t, offline.Name, down)
	if diff := cmp.Diff(schemaDump(t, online.Name), schemaDump(t, offline.Name)); diff != "" {
		t.Errorf("schema after the offline downgrade (-online +offline):\n%s\nscript:\n%s", diff, down)
	}
}

// shell runs script with the sqlite3 shell on the file, stopping at the
// first error.
func shell(t *testing.T, file, script string) {
	t.Helper()
	cmd := exec.Command("sqlite3", "-bail", file)
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sqlite3 -bail: %v\n%s\nscript:\n%s", err, out, script)
	}
}

// schemaDump is the sqlite3 shell's .schema of the file, the version
// table left out.
func schemaDump(t *testing.T, file string) string {
	t.Helper()
	out, err := exec.Command("sqlite3", file, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'retort%' ORDER BY type, name").CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	return string(out)
}
