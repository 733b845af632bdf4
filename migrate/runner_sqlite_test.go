package migrate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestSQLiteRebuildKeepsData runs an ALTER that SQLite can only do by
// rebuilding the table, through the runner, on a table with rows and a
// table referencing it.
func TestSQLiteRebuildKeepsData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	env := blogEnv("sqlite")
	name := col("name", "varchar(100)", false)
	wide := col("name", "varchar(200)", true)
	env.Add(withOps("r4", "r3", "widen users.name",
		ops.AlterColumn{Table: "users", Change: ops.ChangeType | ops.ChangeNullable, From: name, To: wide}))
	if _, err := Upgrade(ctx, db.DB, env, "r3", Options{}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db.DB, "INSERT INTO users (id, name, email) VALUES (1, 'ann', 'a@x'), (2, 'bob', 'b@x')")
	mustExec(t, db.DB, "INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'hello'), (11, 2, 'again')")
	dump := func() string {
		rows, err := db.Query("SELECT u.id, u.name, u.email, p.id, p.title FROM users u JOIN posts p ON p.user_id = u.id ORDER BY p.id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var uid, pid int
			var name, email, title string
			if err := rows.Scan(&uid, &name, &email, &pid, &title); err != nil {
				t.Fatal(err)
			}
			b.WriteString(strings.Join([]string{name, email, title}, ",") + ";")
		}
		return b.String()
	}
	before := dump()
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, dump()); diff != "" {
		t.Errorf("rows after the rebuild (-want +got):\n%s", diff)
	}
	var nullable int
	if err := db.QueryRow("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'name'").Scan(&nullable); err != nil {
		t.Fatal(err)
	}
	if nullable != 0 {
		t.Errorf("users.name still NOT NULL after the rebuild")
	}
	if _, err := Downgrade(ctx, db.DB, env, "-1", Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, dump()); diff != "" {
		t.Errorf("rows after the downgrade rebuild (-want +got):\n%s", diff)
	}
	var fk int
	if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("PRAGMA foreign_keys = %d (%v) after the run, want 1 (AfterTx)", fk, err)
	}
}

// TestSQLiteVerifyRollsBack: a revision that leaves a dangling foreign key
// (possible because foreign keys are off during the migration) fails the
// foreign_key_check before COMMIT and is rolled back.
func TestSQLiteVerifyRollsBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	env := blogEnv("sqlite")
	env.Add(withOps("r4", "r3", "dangling post",
		ops.Execute{SQL: "INSERT INTO posts (id, user_id, title) VALUES (1, 999, 'orphan')", DownSQL: "DELETE FROM posts WHERE id = 1"}))
	_, err := Upgrade(ctx, db.DB, env, "head", Options{})
	var me *MigrationError
	if !errors.As(err, &me) || me.Revision != "r4" || !me.RolledBack || me.OpIndex != -1 {
		t.Fatalf("err = %v, want a rolled back *MigrationError of r4 outside any op", err)
	}
	for _, want := range []string{"integrity check failed", "table=posts", "parent=users", "rolled back to r3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM posts"); n != 0 {
		t.Errorf("posts rows = %d, want 0", n)
	}
	if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
		t.Errorf("Current (-want +got):\n%s", diff)
	}
}

// TestBranchedRun applies and undoes a branched, merged history on SQLite:
// the version table holds one row per applied head.
func TestBranchedRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	table := func(name string) ops.Op {
		return ops.CreateTable{Table: model.Table{Name: name, Columns: []model.Column{col("id", "integer", false)}}}
	}
	env := testEnv("sqlite")
	env.Add(withOps("a", "", "root", table("ta")))
	b1 := withOps("b1", "a", "bee one", table("tb1"))
	b1.BranchLabels = []string{"bee"}
	env.Add(b1)
	env.Add(withOps("b2", "b1", "bee two", table("tb2")))
	env.Add(withOps("c1", "a", "sea one", table("tc1")))
	m := withOps("m", "", "merge", table("tm"))
	m.Merges = []string{"b2", "c1"}
	env.Add(m)

	steps := []struct {
		up     bool
		target string
		want   []string
	}{
		{true, "b2", []string{"b2"}},
		{true, "c1", []string{"b2", "c1"}},
		{false, "b1", []string{"b1", "c1"}},
		{true, "heads", []string{"m"}},
		// Only the merge descends from c1; b2 stays.
		{false, "c1", []string{"b2", "c1"}},
		{false, "bee@-1", []string{"b1", "c1"}},
		{false, "base", nil},
	}
	// After the merge, bee@head is the merge revision: it descends from b1.
	if got, err := mustGraph(t, env).Resolve("bee@head", nil); err != nil || len(got) != 1 || got[0] != "m" {
		t.Errorf("bee@head = %v, %v; want m", got, err)
	}
	for _, st := range steps {
		var err error
		if st.up {
			_, err = Upgrade(ctx, db.DB, env, st.target, Options{})
		} else {
			_, err = Downgrade(ctx, db.DB, env, st.target, Options{})
		}
		if err != nil {
			t.Fatalf("%v %s: %v", st.up, st.target, err)
		}
		if diff := cmp.Diff(st.want, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("after %v %s: Current (-want +got):\n%s", st.up, st.target, diff)
		}
	}
	if got := tablesOf(t, db, env); len(got) != 0 {
		t.Errorf("tables at base: %v", got)
	}
}

// TestOfflineRebuildUnknownTable: a rebuild of a table that raw SQL
// created cannot be printed offline (the replayed schema does not hold it);
// the error names the revision and op.
func TestOfflineRebuildUnknownTable(t *testing.T) {
	t.Parallel()
	env := blogEnv("sqlite")
	env.Add(withOps("r4", "r3", "raw table", ops.Execute{SQL: "CREATE TABLE tags (name varchar(10))", DownSQL: "DROP TABLE tags"}))
	env.Add(withOps("r5", "r4", "widen",
		ops.AlterColumn{Table: "tags", Change: ops.ChangeType, From: col("name", "varchar(10)", true), To: col("name", "varchar(20)", true)}))
	_, err := SQL(context.Background(), env, "r3", "head", Up)
	if !errors.Is(err, dialect.ErrOffline) {
		t.Fatalf("err = %v, want dialect.ErrOffline", err)
	}
	if !strings.Contains(err.Error(), "revision r5, op 1 of 1") {
		t.Errorf("error does not name the revision and op: %v", err)
	}
}

func mustGraph(t testing.TB, env *Env) *Graph {
	t.Helper()
	g, err := env.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
