package migrate

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/ops"
)

func TestUpgradeDowngrade(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := blogEnv(db.Dialect)
		if cur := mustCurrent(t, db.DB, env); cur != nil {
			t.Fatalf("Current before any run = %v, want none", cur)
		}
		var logs bytes.Buffer
		res, err := Upgrade(ctx, db.DB, env, "head", Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r1", "r2", "r3"}, appliedIDs(res)); diff != "" {
			t.Errorf("applied (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"r3"}, res.After); diff != "" {
			t.Errorf("After (-want +got):\n%s", diff)
		}
		for _, want := range []string{"revision=r1", "revision=r3", "elapsed="} {
			if !strings.Contains(logs.String(), want) {
				t.Errorf("log lacks %q:\n%s", want, logs.String())
			}
		}
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"posts(id,user_id,title)", "users(id,name,email)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema at head (-want +got):\n%s", diff)
		}
		mustExec(t, db.DB, "INSERT INTO users (id, name, email) VALUES (1, 'ann', 'ann@example.com')")

		// Nothing left to do.
		res, err = Upgrade(ctx, db.DB, env, "head", Options{})
		if err != nil || len(res.Applied) != 0 {
			t.Fatalf("second upgrade: applied %v, err %v; want nothing", appliedIDs(res), err)
		}

		res, err = Downgrade(ctx, db.DB, env, "-1", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r3"}, appliedIDs(res)); diff != "" {
			t.Errorf("downgrade -1 (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current after -1 (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"users(id,name,email)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema at r2 (-want +got):\n%s", diff)
		}
		if n := count(t, db.DB, "SELECT COUNT(*) FROM users"); n != 1 {
			t.Errorf("users rows after downgrade = %d, want 1", n)
		}

		res, err = Downgrade(ctx, db.DB, env, "base", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r2", "r1"}, appliedIDs(res)); diff != "" {
			t.Errorf("downgrade base (-want +got):\n%s", diff)
		}
		if got := tablesOf(t, db, env); len(got) != 0 {
			t.Errorf("schema at base = %v, want no tables", got)
		}
		if cur := mustCurrent(t, db.DB, env); cur != nil {
			t.Errorf("Current at base = %v, want none", cur)
		}

		// Up again by steps.
		if _, err := Upgrade(ctx, db.DB, env, "+2", Options{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current after +2 (-want +got):\n%s", diff)
		}
	})
}

func TestUnknownTarget(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		env := blogEnv(db.Dialect)
		_, err := Upgrade(context.Background(), db.DB, env, "zzz", Options{})
		if !errors.Is(err, ErrUnknownRevision) {
			t.Fatalf("err = %v, want ErrUnknownRevision", err)
		}
		if got := tablesOf(t, db, env); len(got) != 0 {
			t.Errorf("schema = %v, want nothing", got)
		}
	})
}

func TestStamp(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := blogEnv(db.Dialect)
		if err := Stamp(ctx, db.DB, env, "r2", Options{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if got := tablesOf(t, db, env); len(got) != 0 {
			t.Errorf("stamp ran something: %v", got)
		}
		// A version table naming a revision we do not have.
		if err := Stamp(ctx, db.DB, env, "base", Options{}); err != nil {
			t.Fatal(err)
		}
		mustExec(t, db.DB, "INSERT INTO retort_version (version_num) VALUES ('gone')")
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); !errors.Is(err, ErrUnknownRevision) {
			t.Errorf("upgrade from an unknown revision: err = %v, want ErrUnknownRevision", err)
		}
		if err := Stamp(ctx, db.DB, env, "head", Options{}); !errors.Is(err, ErrUnknownRevision) {
			t.Errorf("stamp without purge: err = %v, want ErrUnknownRevision", err)
		}
		if err := Stamp(ctx, db.DB, env, "head", Options{Purge: true}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current after purge (-want +got):\n%s", diff)
		}
	})
}

func TestCustomVersionTable(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		env := blogEnv(db.Dialect)
		env.VersionTable = "schema_revs"
		if _, err := Upgrade(context.Background(), db.DB, env, "r1", Options{}); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db.DB, "SELECT COUNT(*) FROM schema_revs WHERE version_num = 'r1'"); n != 1 {
			t.Errorf("schema_revs rows = %d, want 1", n)
		}
	})
}

// failingEnv is blogEnv whose r2 adds a column, then runs bad SQL.
func failingEnv(dialect string) *Env {
	env := testEnv(dialect)
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	env.Add(withOps("r2", "r1", "broken",
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)},
		ops.Execute{SQL: "THIS IS NOT SQL", DownSQL: "SELECT 1"},
		ops.AddColumn{Table: "users", Column: col("bio", "varchar(200)", true)}))
	return env
}

func TestFailingMigration(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := failingEnv(db.Dialect)
		res, err := Upgrade(ctx, db.DB, env, "head", Options{})
		var me *MigrationError
		if !errors.As(err, &me) {
			t.Fatalf("err = %v (%T), want *MigrationError", err, err)
		}
		if me.Revision != "r2" || me.OpIndex != 1 || me.SQL != "THIS IS NOT SQL" || me.Direction != Up {
			t.Errorf("MigrationError = %+v", me)
		}
		for _, want := range []string{"revision r2", "op 2 of 3", "THIS IS NOT SQL", "r1"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q:\n%v", want, err)
			}
		}
		if diff := cmp.Diff([]string{"r1"}, appliedIDs(res)); diff != "" {
			t.Errorf("applied (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"r1"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if !me.RolledBack {
			if db.Dialect != "mysql" {
				t.Fatalf("not rolled back on %s", db.Dialect)
			}
			testResume(t, db, env, me)
			return
		}
		if !strings.Contains(err.Error(), "rolled back to r1") {
			t.Errorf("error does not say where it rolled back to:\n%v", err)
		}
		if diff := cmp.Diff([]string{"users(id,name)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema after the failure (-want +got):\n%s", diff)
		}
	})
}

// testResume checks a non-transactional failure: op 1 stays applied and
// recorded, and a run with the revision fixed skips it.
func testResume(t *testing.T, db *testdb.DB, env *Env, me *MigrationError) {
	ctx := context.Background()
	if !me.Resumable || me.Applied != 1 || !strings.Contains(me.Error(), "op 1 of 3 stay applied") {
		t.Errorf("MigrationError = %+v\n%v", me, me)
	}
	if diff := cmp.Diff([]string{"users(id,name,email)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema after the failure (-want +got):\n%s", diff)
	}
	// Going elsewhere while r2 is half done is refused.
	if _, err := Downgrade(ctx, db.DB, env, "base", Options{}); !errors.Is(err, ErrPartlyApplied) {
		t.Errorf("downgrade during a partial upgrade: err = %v, want ErrPartlyApplied", err)
	}
	// Fix the revision and run again: op 1 is skipped (re-adding email
	// would fail), ops 2 and 3 run.
	fixed := testEnv(env.Dialect)
	fixed.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	fixed.Add(withOps("r2", "r1", "fixed",
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)},
		ops.Execute{SQL: "UPDATE users SET name = name", DownSQL: "SELECT 1"},
		ops.AddColumn{Table: "users", Column: col("bio", "varchar(200)", true)}))
	res, err := Upgrade(ctx, db.DB, fixed, "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Resumed != 1 {
		t.Errorf("resumed run applied %+v, want r2 with 1 op skipped", res.Applied)
	}
	if diff := cmp.Diff([]string{"users(id,name,email,bio)"}, tablesOf(t, db, env)); diff != "" {
		t.Errorf("schema after resuming (-want +got):\n%s", diff)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM retort_version_progress"); n != 0 {
		t.Errorf("progress rows = %d, want 0", n)
	}
	if _, err := Downgrade(ctx, db.DB, fixed, "base", Options{}); err != nil {
		t.Fatal(err)
	}
	// Stamp clears a progress row left behind.
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err == nil {
		t.Fatal("broken r2 applied")
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM retort_version_progress"); n != 1 {
		t.Errorf("progress rows = %d, want 1", n)
	}
	if err := Stamp(ctx, db.DB, env, "r1", Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM retort_version_progress"); n != 0 {
		t.Errorf("progress rows after stamp = %d, want 0", n)
	}
}

func TestTxPerRun(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		if db.Dialect == "mysql" {
			t.Skip("MySQL cannot roll DDL back")
		}
		ctx := context.Background()
		env := failingEnv(db.Dialect)
		_, err := Upgrade(ctx, db.DB, env, "head", Options{Transaction: TxPerRun})
		var me *MigrationError
		if !errors.As(err, &me) || !me.RolledBack || me.Revision != "r2" {
			t.Fatalf("err = %v, want a rolled back *MigrationError for r2", err)
		}
		if !strings.Contains(err.Error(), "rolled back to base") {
			t.Errorf("error does not say base:\n%v", err)
		}
		if cur := mustCurrent(t, db.DB, env); cur != nil {
			t.Errorf("Current = %v, want none: the whole run rolls back", cur)
		}
		if got := tablesOf(t, db, env); len(got) != 0 {
			t.Errorf("schema = %v, want no tables", got)
		}
		env = blogEnv(db.Dialect)
		res, err := Upgrade(ctx, db.DB, env, "head", Options{Transaction: TxPerRun})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r1", "r2", "r3"}, appliedIDs(res)); diff != "" {
			t.Errorf("applied (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
	})
}

func TestOptionsValidate(t *testing.T) {
	t.Parallel()
	if err := (Options{}).Validate(); err != nil {
		t.Errorf("zero Options: %v", err)
	}
	if err := (Options{Transaction: 7}).Validate(); err == nil {
		t.Error("Transaction 7 accepted")
	}
	if err := (Options{LockTimeout: -1}).Validate(); err == nil {
		t.Error("negative LockTimeout accepted")
	}
}

// TestPanickingRevision: a revision whose Upgrade panics (a builder call
// that cannot describe an op) fails with a MigrationError, nothing applied.
func TestPanickingRevision(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		env := blogEnv(db.Dialect)
		env.Add(Revision{ID: "r4", Revises: "r3", Message: "broken file", Upgrade: func(op *Recorder) { panic("two primary keys") }})
		_, err := Upgrade(context.Background(), db.DB, env, "head", Options{})
		var me *MigrationError
		if !errors.As(err, &me) || me.Revision != "r4" {
			t.Fatalf("err = %v, want a *MigrationError for r4", err)
		}
		for _, want := range []string{"two primary keys", "nothing of revision r4 was applied", "still says r3"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q:\n%v", want, err)
			}
		}
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
	})
}

func TestWrongDialect(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	_, err := Upgrade(context.Background(), db.DB, blogEnv("postgres"), "head", Options{})
	if err == nil || !strings.Contains(err.Error(), `Env.Dialect is "postgres" but the database is opened with a sqlite driver`) {
		t.Errorf("err = %v, want the dialect mismatch named", err)
	}
}

// TestBackendRequired: without Env.Backend every entry point fails with
// ErrNoBackend and names the packages to import; a Backend of another
// dialect than Env.Dialect, or an unknown Dialect, is refused.
func TestBackendRequired(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	bare := blogEnv("sqlite")
	bare.Backend = Backend{}
	_, err := Upgrade(ctx, db.DB, bare, "head", Options{})
	if !errors.Is(err, ErrNoBackend) || !strings.Contains(err.Error(), "github.com/retortdb/retort/dialect/sqlite") ||
		!strings.Contains(err.Error(), "github.com/retortdb/retort/introspect/sqlite") {
		t.Errorf("Upgrade without Backend: err = %v, want ErrNoBackend naming the sqlite packages", err)
	}
	if _, err := Current(ctx, db.DB, bare); !errors.Is(err, ErrNoBackend) {
		t.Errorf("Current without Backend: err = %v", err)
	}
	if _, err := SQL(ctx, bare, "", "head", Up); !errors.Is(err, ErrNoBackend) {
		t.Errorf("SQL without Backend: err = %v", err)
	}
	if err := Stamp(ctx, db.DB, bare, "head", Options{}); !errors.Is(err, ErrNoBackend) {
		t.Errorf("Stamp without Backend: err = %v", err)
	}
	other := blogEnv("sqlite")
	other.Backend = testEnv("mysql").Backend
	if _, err := Upgrade(ctx, db.DB, other, "head", Options{}); err == nil || !strings.Contains(err.Error(), `Env.Dialect is "sqlite" but Env.Backend is the mysql dialect`) {
		t.Errorf("Backend of another dialect: err = %v", err)
	}
	unknown := blogEnv("sqlite")
	unknown.Dialect = "oracle"
	if _, err := Upgrade(ctx, db.DB, unknown, "head", Options{}); !errors.Is(err, dialect.ErrUnknownName) {
		t.Errorf("unknown Dialect: err = %v, want dialect.ErrUnknownName", err)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM sqlite_master"); n != 0 {
		t.Errorf("the refused runs created %d objects", n)
	}
	aliased := blogEnv("sqlite")
	aliased.Dialect = "SQLite3"
	if _, err := Upgrade(ctx, db.DB, aliased, "head", Options{}); err != nil {
		t.Errorf("Dialect spelled SQLite3: %v", err)
	}
}
