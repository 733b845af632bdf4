package migrate

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var usersIndexA = model.Index{Name: "ix_users_a", Parts: []model.IndexPart{{Column: "a"}}}

// combinedEnv creates users, then adds three columns and an index to it
// (merged into one ALTER TABLE on MySQL); typeB is column b's type.
func combinedEnv(typeB string) *Env {
	env := testEnv("mysql")
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	env.Add(withOps("r2", "r1", "three columns and an index",
		ops.AddColumn{Table: "users", Column: col("a", "int", true)},
		ops.AddColumn{Table: "users", Column: col("b", typeB, true)},
		ops.AddColumn{Table: "users", Column: col("c", "varchar(20)", true)},
		ops.CreateIndex{Table: "users", Index: usersIndexA}))
	return env
}

// TestOfflineSQLCombined compares the offline SQL of combinedEnv with a
// golden file: up, r2 is one ALTER TABLE; down, one as well.
func TestOfflineSQLCombined(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	env := combinedEnv("int")
	up, err := SQL(ctx, env, "", "head", Up)
	if err != nil {
		t.Fatal(err)
	}
	down, err := SQL(ctx, env, "heads", "base", Down)
	if err != nil {
		t.Fatal(err)
	}
	got := "-- upgrade base:head\n" + up + "\n-- downgrade heads:base\n" + down
	path := filepath.Join("testdata", "offline_mysql_combined.sql")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
	if n := strings.Count(up, "ALTER TABLE"); n != 1 {
		t.Errorf("upgrade has %d ALTER TABLE statements, want 1:\n%s", n, up)
	}
}

// TestMySQLCombinedAlter: on the server, the three columns and the index
// are added to a table with rows; the rows stay and the table reflects as
// the model says.
func TestMySQLCombinedAlter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.MySQL(t)
	env := combinedEnv("int")
	if _, err := Upgrade(ctx, db.DB, env, "r1", Options{}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db.DB, "INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob'), (3, 'cy')")
	res, err := Upgrade(ctx, db.DB, env, "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Ops != 4 {
		t.Errorf("applied %+v, want r2 with 4 ops", res.Applied)
	}
	if diff := cmp.Diff([]string{"users(id,name,a,b,c)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema (-want +got):\n%s", diff)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_users_a'"); n != 1 {
		t.Errorf("ix_users_a columns = %d, want 1", n)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM users WHERE name IN ('ann', 'bob', 'cy') AND a IS NULL"); n != 3 {
		t.Errorf("rows kept = %d, want 3", n)
	}
	if _, err := Downgrade(ctx, db.DB, env, "r1", Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"users(id,name)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema after downgrade (-want +got):\n%s", diff)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM users"); n != 3 {
		t.Errorf("rows after downgrade = %d, want 3", n)
	}
}

// TestMySQLCombinedFailure: a merged ALTER TABLE that fails leaves none of
// its ops applied; progress shows the ops before it, and a run with the
// revision fixed resumes at the group.
func TestMySQLCombinedFailure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.MySQL(t)
	broken := func(typeB string) *Env {
		env := testEnv("mysql")
		env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
		env.Add(withOps("r2", "r1", "group fails",
			ops.AddColumn{Table: "users", Column: col("x", "int", true)},
			ops.Execute{SQL: "UPDATE users SET name = name", DownSQL: "SELECT 1"},
			ops.AddColumn{Table: "users", Column: col("a", "int", true)},
			ops.AddColumn{Table: "users", Column: col("b", typeB, true)},
			ops.CreateIndex{Table: "users", Index: usersIndexA}))
		return env
	}
	env := broken("no_such_type")
	_, err := Upgrade(ctx, db.DB, env, "head", Options{})
	var me *MigrationError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want a *MigrationError", err)
	}
	wantSQL := "ALTER TABLE users ADD COLUMN a int, ADD COLUMN b no_such_type, ADD INDEX ix_users_a (a)"
	if me.OpIndex != 2 || me.Applied != 2 || !me.Resumable || me.SQL != wantSQL {
		t.Errorf("MigrationError = %+v, want op 3, 2 applied, SQL %q", me, wantSQL)
	}
	for _, want := range []string{"at op 3 of 5", "ops 3-5 of 5 were sent as this one ALTER TABLE, which failed as a whole", "ops 1-2 of 5 stay applied"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if diff := cmp.Diff([]string{"users(id,name,x)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema after the failure (-want +got):\n%s", diff)
	}
	if n := count(t, db.DB, "SELECT ops_done FROM retort_version_progress WHERE version_num = 'r2'"); n != 2 {
		t.Errorf("progress ops_done = %d, want 2", n)
	}
	res, err := Upgrade(ctx, db.DB, broken("bigint"), "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Resumed != 2 {
		t.Errorf("resumed run applied %+v, want r2 with 2 ops skipped", res.Applied)
	}
	if diff := cmp.Diff([]string{"users(id,name,x,a,b)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema after resuming (-want +got):\n%s", diff)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM retort_version_progress"); n != 0 {
		t.Errorf("progress rows = %d, want 0", n)
	}
	if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
		t.Errorf("Current (-want +got):\n%s", diff)
	}
}
