package migrate

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var (
	teamsTable = model.Table{
		Name:       "teams",
		Columns:    []model.Column{col("id", "integer", false), col("name", "varchar(100)", false), col("slug", "varchar(100)", true)},
		PrimaryKey: model.PrimaryKey{Name: "pk_teams", Columns: []string{"id"}},
	}
	slugColumn = col("slug", "varchar(100)", true)
)

// gateEnv is g1 (create teams) and g2 (drop teams.slug), g2 reviewed or
// not.
func gateEnv(dialect string, reviewed bool) *Env {
	env := testEnv(dialect)
	env.Add(withOps("g1", "", "create teams", ops.CreateTable{Table: teamsTable}))
	g2 := withOps("g2", "g1", "drop slug", ops.DropColumn{Table: "teams", Column: slugColumn})
	if reviewed {
		g2.Reviewed = []string{ReviewedDataLoss}
	}
	env.Add(g2)
	return env
}

// seedTeams upgrades to g1 and adds two teams.
func seedTeams(t *testing.T, db *testdb.DB, env *Env) {
	t.Helper()
	if _, err := Upgrade(context.Background(), db.DB, env, "g1", Options{}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db.DB, "INSERT INTO teams (id, name, slug) VALUES (1, 'core', 'core-team'), (2, 'ops', 'ops-team')")
}

// wantRefused checks err is the gate's refusal of exactly the revision id
// with findings holding each of want, in order.
func wantRefused(t *testing.T, err error, dir Direction, id string, want ...string) *DataLossError {
	t.Helper()
	var e *DataLossError
	if !errors.As(err, &e) || !errors.Is(err, ErrDataLoss) {
		t.Fatalf("err = %v, want a *DataLossError", err)
	}
	if e.Direction != dir || len(e.Revisions) != 1 || e.Revisions[0].ID != id {
		t.Fatalf("refused %s %+v, want the %s of %s", e.Direction, e.Revisions, dir, id)
	}
	var got []string
	for _, l := range e.Revisions[0].Losses {
		got = append(got, fmt.Sprintf("op %d: %s", l.Op+1, l.Message))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	msg := err.Error()
	lines := []string{"refusing revision " + id, "its " + dir.String() + " loses data", `Reviewed: []string{"data-loss"}`, "AllowDataLoss"}
	for _, w := range want {
		n, m, _ := strings.Cut(w, ": ")
		lines = append(lines, n+": data loss: "+m)
	}
	for _, w := range lines {
		if !strings.Contains(msg, w) {
			t.Errorf("error lacks %q:\n%s", w, msg)
		}
	}
	if f := e.Revisions[0].File; filepath.Base(f) != "runner_helpers_test.go" && filepath.Base(f) != "gate_test.go" {
		t.Errorf("File = %q, want the test file that declares the revision's func", f)
	}
	return e
}

// slugs counts the teams whose slug is still there.
func slugs(t *testing.T, db *testdb.DB) int {
	t.Helper()
	return count(t, db.DB, "SELECT COUNT(*) FROM teams WHERE slug IN ('core-team', 'ops-team')")
}

// TestGateRefusesUpgrade: an application calling Upgrade on a revision
// whose upgrade drops a column, without review, gets an error naming the
// revision and the finding, and nothing is applied; AllowDataLoss applies
// it; a reviewed revision applies.
func TestGateRefusesUpgrade(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := gateEnv(db.Dialect, false)
		seedTeams(t, db, env)
		res, err := Upgrade(ctx, db.DB, env, "head", Options{})
		wantRefused(t, err, Up, "g2", "op 1: drops column teams.slug (varchar(100) NULL) and every value in it")
		if len(res.Applied) != 0 {
			t.Errorf("applied %v", appliedIDs(res))
		}
		if diff := cmp.Diff([]string{"g1"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if n := slugs(t, db); n != 2 {
			t.Errorf("%d slugs left, want 2", n)
		}

		if _, err := Upgrade(ctx, db.DB, env, "head", Options{AllowDataLoss: true}); err != nil {
			t.Fatalf("AllowDataLoss: %v", err)
		}
		if diff := cmp.Diff([]string{"teams(id,name)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("after AllowDataLoss (-want +got):\n%s", diff)
		}
	})
}

func TestGateReviewedApplies(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		env := gateEnv(db.Dialect, true)
		seedTeams(t, db, env)
		if _, err := Upgrade(context.Background(), db.DB, env, "head", Options{}); err != nil {
			t.Fatalf("reviewed revision: %v", err)
		}
		if diff := cmp.Diff([]string{"teams(id,name)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// TestGateDowngrade: a downgrade that only undoes its upgrade (drops the
// column it added, narrows back the column it widened) runs without
// review; one that loses other data is refused, the rows intact.
func TestGateDowngrade(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := gateEnv(db.Dialect, true)
		env.Add(withOps("g3", "g2", "bio, longer names",
			ops.AddColumn{Table: "teams", Column: col("bio", "text", true)},
			ops.AlterColumn{Table: "teams", Change: ops.ChangeType, From: col("name", "varchar(100)", false), To: col("name", "varchar(200)", false)}))
		env.Add(Revision{ID: "g4", Revises: "g3", Message: "notes",
			Upgrade: func(op *Recorder) { op.AddColumn("teams", op.Column("notes", "text")) },
			Downgrade: func(op *Recorder) {
				op.DropColumn("teams", "notes", op.Column("notes", "text"))
				op.Execute("DELETE FROM teams")
			}})
		seedTeams(t, db, env)
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
			t.Fatal(err)
		}
		_, err := Downgrade(ctx, db.DB, env, "-1", Options{})
		wantRefused(t, err, Down, "g4", "op 2: raw SQL deletes every row of teams (DELETE without WHERE)")
		if n := count(t, db.DB, "SELECT COUNT(*) FROM teams"); n != 2 {
			t.Errorf("%d teams after the refused downgrade, want 2", n)
		}
		if diff := cmp.Diff([]string{"g4"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if _, err := Downgrade(ctx, db.DB, env, "-1", Options{AllowDataLoss: true}); err != nil {
			t.Fatalf("AllowDataLoss: %v", err)
		}
		if n := count(t, db.DB, "SELECT COUNT(*) FROM teams"); n != 0 {
			t.Errorf("%d teams after the allowed downgrade, want 0", n)
		}
		// g3's downgrade drops the column it added and narrows name back:
		// no review needed. A name that no longer fits stops it where the
		// server checks lengths, and stays whole.
		long := strings.Repeat("x", 150)
		mustExec(t, db.DB, "INSERT INTO teams (id, name) VALUES (3, '"+long+"')")
		_, err = Downgrade(ctx, db.DB, env, "-1", Options{})
		if db.Dialect == "sqlite" {
			if err != nil {
				t.Fatalf("SQLite keeps every value: %v", err)
			}
		} else {
			var me *MigrationError
			if !errors.As(err, &me) || me.Revision != "g3" {
				t.Fatalf("narrowing back over a 150-character name: err = %v, want g3's MigrationError", err)
			}
			if diff := cmp.Diff([]string{"g3"}, mustCurrent(t, db.DB, env)); diff != "" {
				t.Errorf("Current (-want +got):\n%s", diff)
			}
			mustExec(t, db.DB, "UPDATE teams SET name = 'short' WHERE id = 3")
			if _, err := Downgrade(ctx, db.DB, env, "-1", Options{}); err != nil {
				t.Fatal(err)
			}
			long = "short"
		}
		if n := count(t, db.DB, "SELECT COUNT(*) FROM teams WHERE name = '"+long+"'"); n != 1 {
			t.Errorf("the name was changed or lost")
		}
		if diff := cmp.Diff([]string{"g2"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
	})
}

func TestGateLossesDowngradePolicy(t *testing.T) {
	t.Parallel()
	d := postgresDialect(t)
	name := func(typ string) model.Column { return col("name", typ, false) }
	widen := ops.AlterColumn{Table: "t", Change: ops.ChangeType, From: name("varchar(100)"), To: name("varchar(200)")}
	scale := ops.AlterColumn{Table: "t", Change: ops.ChangeType, From: name("numeric(10,1)"), To: name("numeric(11,2)")}
	mood := func(n string, vals ...string) model.Enum { return model.Enum{Name: n, Values: vals} }
	moodCol := func(e string) model.Column { return model.Column{Name: "m", Type: model.Type{Enum: e}} }
	tests := []struct {
		name     string
		up, down []ops.Op
		want     []string
	}{
		{"drop what the upgrade created", []ops.Op{
			ops.CreateTable{Table: model.Table{Name: "n", Columns: []model.Column{col("id", "integer", false)}}},
			ops.AddColumn{Table: "t", Column: col("bio", "text", true)},
		}, []ops.Op{
			ops.DropColumn{Table: "t", Column: col("bio", "text", true)},
			ops.DropTable{Table: model.Table{Name: "n", Columns: []model.Column{col("id", "integer", false)}}},
		}, nil},
		{"drop a column the upgrade renamed", []ops.Op{
			ops.AddColumn{Table: "t", Column: col("bio", "text", true)},
			ops.RenameColumn{Table: "t", From: "bio", To: "about"},
		}, []ops.Op{
			ops.DropColumn{Table: "t", Column: col("about", "text", true)},
		}, nil},
		{"drop what the upgrade did not create", []ops.Op{
			ops.AddColumn{Table: "t", Column: col("bio", "text", true)},
		}, []ops.Op{
			ops.DropColumn{Table: "t", Column: col("bio", "text", true)},
			ops.DropColumn{Table: "t", Column: col("name", "text", false)},
		}, []string{"drops column t.name (text NOT NULL) and every value in it"}},
		{"narrow back what the upgrade widened", []ops.Op{widen}, []ops.Op{mustReverse(widen)}, nil},
		{"round back a scale the upgrade raised", []ops.Op{scale}, []ops.Op{mustReverse(scale)},
			[]string{"narrows t.name numeric(11,2) -> numeric(10,1): digits after the 1th decimal place are rounded away"}},
		{"narrow what the upgrade did not widen", nil, []ops.Op{mustReverse(widen)},
			[]string{"narrows t.name character varying(200) -> character varying(100): values longer than 100 characters do not fit"}},
		{"remove enum values the upgrade added", []ops.Op{ops.AddEnumValue{Enum: "mood", Value: "ok"}}, []ops.Op{
			ops.RenameEnum{From: "mood", To: "mood__retort_old"},
			ops.CreateEnum{Enum: mood("mood", "sad", "happy")},
			ops.AlterColumn{Table: "p", Change: ops.ChangeType, From: moodCol("mood__retort_old"), To: moodCol("mood")},
			ops.DropEnum{Enum: mood("mood__retort_old", "sad", "ok", "happy")},
		}, nil},
		{"remove enum values the upgrade did not add", []ops.Op{ops.AddEnumValue{Enum: "mood", Value: "meh"}}, []ops.Op{
			ops.RenameEnum{From: "mood", To: "mood__retort_old"},
			ops.CreateEnum{Enum: mood("mood", "sad")},
			ops.AlterColumn{Table: "p", Change: ops.ChangeType, From: moodCol("mood__retort_old"), To: moodCol("mood")},
			ops.DropEnum{Enum: mood("mood__retort_old", "sad", "meh", "happy")},
		}, []string{"narrows p.m mood__retort_old -> mood: drops enum value(s) 'meh', 'happy': rows holding them fail or lose the value"}},
		{"raw SQL drops are never undoing", []ops.Op{ops.Execute{SQL: "CREATE TABLE x (id int)", DownSQL: "DROP TABLE x"}},
			[]ops.Op{ops.Execute{SQL: "DROP TABLE x", DownSQL: "CREATE TABLE x (id int)"}},
			[]string{"raw SQL drops table x and every row in it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, l := range GateLosses(d, Down, tt.down, tt.up) {
				got = append(got, l.Message)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("GateLosses (-want +got):\n%s", diff)
			}
		})
	}
	// An upgrade's losses are all refused.
	if ls := GateLosses(d, Up, []ops.Op{mustReverse(widen)}, nil); len(ls) != 1 {
		t.Errorf("upgrade narrowing: %d losses, want 1", len(ls))
	}
}

func mustReverse(o ops.Op) ops.Op {
	r, ok := o.Reverse()
	if !ok {
		panic("no reverse")
	}
	return r
}

func postgresDialect(t *testing.T) dialect.Dialect {
	t.Helper()
	return testEnv("postgres").Backend.Dialect
}

// TestGateUnderLock is the concurrent-downgrade case: a run whose target
// is safe from where the database was when it started is refused when,
// while it waited for the migration lock, another process moved the
// database back below an unreviewed revision. The decision is made on
// what the run reads under the lock.
func TestGateUnderLock(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := gateEnv(db.Dialect, false)
		env.Add(withOps("g3", "g2", "bio", ops.AddColumn{Table: "teams", Column: col("bio", "text", true)}))
		seedTeams(t, db, env)
		if _, err := Upgrade(ctx, db.DB, env, "g2", Options{AllowDataLoss: true}); err != nil {
			t.Fatal(err)
		}
		// The database is at g2; upgrading to g3 loses nothing.
		ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		holder := db.DB
		if db.Dialect == "sqlite" {
			// The test pool has one connection: hold the lock on another.
			other, _, err := dburl.Open(ctx, db.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			holder = other
		}
		conn, err := holder.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// Hold the lock another run would hold, and meanwhile undo g2 by
		// hand (a concurrent downgrade): slug is back, the version table
		// says g1.
		undo := []string{"ALTER TABLE teams ADD COLUMN slug varchar(100)", "UPDATE retort_version SET version_num = 'g1'"}
		switch db.Dialect {
		case "postgres":
			_, err = conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", postgres.LockKey("", "retort_version"))
		case "mysql":
			_, err = conn.ExecContext(ctx, "SELECT GET_LOCK(?, 5)", mysql.LockName(db.Name, "retort_version"))
		case "sqlite":
			// SQLite's lock is the write lock of each revision's
			// transaction: hold one with the undo in it.
			_, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE")
		}
		if err != nil {
			t.Fatal(err)
		}
		type outcome struct {
			res Result
			err error
		}
		done := make(chan outcome, 1)
		go func() {
			res, err := Upgrade(ctx, db.DB, env, "g3", Options{LockTimeout: time.Minute})
			done <- outcome{res, err}
		}()
		waitForWaiter(t, db)
		for _, q := range undo {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		switch db.Dialect {
		case "postgres":
			_, err = conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", postgres.LockKey("", "retort_version"))
		case "mysql":
			_, err = conn.ExecContext(ctx, "SELECT RELEASE_LOCK(?)", mysql.LockName(db.Name, "retort_version"))
		case "sqlite":
			_, err = conn.ExecContext(ctx, "COMMIT")
		}
		if err != nil {
			t.Fatal(err)
		}
		o := <-done
		wantRefused(t, o.err, Up, "g2", "op 1: drops column teams.slug (varchar(100) NULL) and every value in it")
		if len(o.res.Applied) != 0 {
			t.Errorf("applied %v", appliedIDs(o.res))
		}
		if diff := cmp.Diff([]string{"g1"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"teams(id,name,slug)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("slug dropped (-want +got):\n%s", diff)
		}
	})
}

// waitForWaiter returns once another session of db waits for the
// migration lock (PostgreSQL, MySQL); on SQLite, where a waiter cannot be
// seen, it gives the run a moment to read the version table and plan.
func waitForWaiter(t *testing.T, db *testdb.DB) {
	t.Helper()
	q := ""
	switch db.Dialect {
	case "postgres":
		q = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
	case "mysql":
		q = "SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'SELECT GET_LOCK%'"
	default:
		time.Sleep(300 * time.Millisecond)
		return
	}
	deadline := time.Now().Add(30 * time.Second)
	for count(t, db.DB, q) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no run waits for the migration lock")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
