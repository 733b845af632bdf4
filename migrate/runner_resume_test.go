package migrate

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// cancelAfter is a log handler that cancels a run right after the server
// completed op n's statement and before the run records it: what a kill
// -9 of the migrating process does while MySQL finishes a DDL statement.
type cancelAfter struct {
	slog.Handler
	rev    string
	n      int
	cancel context.CancelFunc
}

func (h cancelAfter) Enabled(context.Context, slog.Level) bool { return true }

func (h cancelAfter) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "migrate: ops executed" {
		return nil
	}
	rev, to := "", 0
	r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "revision":
			rev = a.Value.String()
		case "to":
			to = int(a.Value.Int64())
		}
		return true
	})
	if rev == h.rev && to == h.n {
		h.cancel()
	}
	return nil
}

// resumeEnv is r1 (users) and r2 with five ops of every kind the catalog
// can show, none merged with the next.
func resumeEnv(bioType string) *Env {
	env := testEnv("mysql")
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	env.Add(withOps("r2", "r1", "five ops",
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)},
		ops.CreateTable{Table: model.Table{Name: "tags", Columns: []model.Column{col("id", "integer", false)}}},
		ops.AddColumn{Table: "users", Column: col("bio", bioType, true)},
		ops.CreateTable{Table: model.Table{Name: "notes", Columns: []model.Column{col("id", "integer", false)}}},
		ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_email", Parts: []model.IndexPart{{Column: "email"}}}}))
	return env
}

// TestMySQLResumeAfterServerCompletedOp: the progress row lags the
// database by one op at every op boundary of r2; the rerun used to fail
// with "Duplicate column name" (and said none of the ops was applied).
// It now finds the op's effect in the catalog, records it, and finishes.
func TestMySQLResumeAfterServerCompletedOp(t *testing.T) {
	t.Parallel()
	for n := 1; n <= 5; n++ {
		t.Run(string(rune('0'+n)), func(t *testing.T) {
			t.Parallel()
			db := testdb.MySQL(t)
			env := resumeEnv("text")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := Upgrade(ctx, db.DB, env, "head", Options{Logger: slog.New(cancelAfter{rev: "r2", n: n, cancel: cancel})})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("interrupted run: err = %v, want context.Canceled", err)
			}
			if got := count(t, db.DB, "SELECT ops_done FROM retort_version_progress WHERE version_num = 'r2'"); got != n-1 {
				t.Fatalf("progress says %d ops done, want %d (lagging op %d)", got, n-1, n)
			}
			ps, err := Partials(context.Background(), db.DB, env)
			if err != nil || len(ps) != 1 || ps[0] != (Partial{ID: "r2", Direction: Up, Done: n - 1, Total: 5}) {
				t.Errorf("Partials = %+v, %v", ps, err)
			}
			res, err := Upgrade(context.Background(), db.DB, env, "head", Options{})
			if err != nil {
				t.Fatalf("rerun: %v", err)
			}
			if len(res.Applied) != 1 || res.Applied[0].Resumed != n {
				t.Errorf("rerun applied %+v, want r2 resumed after %d ops", res.Applied, n)
			}
			if diff := cmp.Diff([]string{"notes(id)", "tags(id)", "users(id,name,email,bio)"}, tablesOf(t, db, env)); diff != "" {
				t.Errorf("schema (-want +got):\n%s", diff)
			}
			if got := count(t, db.DB, "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_users_email'"); got != 1 {
				t.Errorf("ix_users_email: %d rows in information_schema.statistics", got)
			}
			if got := count(t, db.DB, "SELECT COUNT(*) FROM retort_version_progress") + count(t, db.DB, "SELECT COUNT(*) FROM retort_version_ops"); got != 0 {
				t.Errorf("%d progress and ops rows left", got)
			}
			if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
				t.Errorf("Current (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMySQLResumeEditedRevision: an op recorded as applied that the
// revision no longer holds is refused, naming the ops and the stamp; a
// revision edited only after its applied ops resumes.
func TestMySQLResumeEditedRevision(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	ctx := context.Background()
	broken := resumeEnv("no_such_type")
	if _, err := Upgrade(ctx, db.DB, broken, "head", Options{}); err == nil {
		t.Fatal("op 3 with an unknown type applied")
	}
	// Edited before op 3: email is now varchar(300).
	edited := testEnv("mysql")
	edited.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	edited.Add(withOps("r2", "r1", "five ops",
		ops.AddColumn{Table: "users", Column: col("email", "varchar(300)", true)},
		ops.CreateTable{Table: model.Table{Name: "tags", Columns: []model.Column{col("id", "integer", false)}}},
		ops.AddColumn{Table: "users", Column: col("bio", "text", true)}))
	_, err := Upgrade(ctx, db.DB, edited, "head", Options{})
	if !errors.Is(err, ErrPartlyApplied) {
		t.Fatalf("err = %v, want ErrPartlyApplied", err)
	}
	for _, want := range []string{"revision r2 was edited", "applied ops 1-2", "no op is unchanged", "op 1 is not the op that ran (it is now users: add column email varchar(300) NULL)", "`retort stamp r2 --partial 0`"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	// The failing op fixed (a user removing what the server cannot run):
	// ops 1-2 are as they ran, so the run resumes at op 3.
	res, err := Upgrade(ctx, db.DB, resumeEnv("text"), "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Resumed != 2 {
		t.Errorf("applied %+v, want r2 resumed after 2 ops", res.Applied)
	}
}

// TestMySQLResumeUnknownEffect: when the op that was running is raw DDL
// the catalog does not model (a view), the run refuses, naming both
// stamps; the stamp the operator picks lets it finish.
func TestMySQLResumeUnknownEffect(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	env := testEnv("mysql")
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable},
		ops.Execute{SQL: "CREATE VIEW v_users AS SELECT id FROM users", DownSQL: "DROP VIEW v_users"},
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{Logger: slog.New(cancelAfter{rev: "r1", n: 2, cancel: cancel})}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	_, err := Upgrade(context.Background(), db.DB, env, "head", Options{})
	if !errors.Is(err, ErrPartlyApplied) {
		t.Fatalf("err = %v, want ErrPartlyApplied", err)
	}
	for _, want := range []string{"op 2 of 3 (execute", "op 1 is applied", "`retort stamp r1 --partial 2` if it completed", "`retort stamp r1 --partial 1` if it did not"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	// The view is there: op 2 completed. Say so, and the run finishes.
	if err := StampPartial(context.Background(), db.DB, env, "r1", Up, 2, Options{}); err != nil {
		t.Fatal(err)
	}
	if ps, err := Partials(context.Background(), db.DB, env); err != nil || len(ps) != 1 || ps[0].Done != 2 {
		t.Errorf("Partials after stamp = %+v, %v", ps, err)
	}
	res, err := Upgrade(context.Background(), db.DB, env, "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Resumed != 2 {
		t.Errorf("applied %+v", res.Applied)
	}
}

// TestMySQLResumeRowChanges: raw SQL that changes rows commits with its
// progress record, so a run stopped right after it neither runs it twice
// nor asks.
func TestMySQLResumeRowChanges(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	env := testEnv("mysql")
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable},
		ops.Execute{SQL: "INSERT INTO users (id, name) VALUES (1, 'ann')", DownSQL: "DELETE FROM users WHERE id = 1"},
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := Upgrade(ctx, db.DB, env, "head", Options{Logger: slog.New(cancelAfter{rev: "r1", n: 2, cancel: cancel})}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	res, err := Upgrade(context.Background(), db.DB, env, "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applied) != 1 || res.Applied[0].Resumed != 2 {
		t.Errorf("applied %+v, want r1 resumed after 2 ops", res.Applied)
	}
	if n := count(t, db.DB, "SELECT COUNT(*) FROM users"); n != 1 {
		t.Errorf("users rows = %d, want 1 (the INSERT ran once)", n)
	}
}

// TestStampPartial sets the version table around a partial revision, and
// refuses where revisions are transactional.
func TestStampPartial(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := blogEnv(db.Dialect)
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
			t.Fatal(err)
		}
		if db.Dialect == "mysql" {
			// The database as a run that created posts and stopped leaves it.
			mustExec(t, db.DB, "DROP INDEX ix_posts_title ON posts")
		}
		err := StampPartial(ctx, db.DB, env, "r3", Up, 1, Options{})
		if db.Dialect != "mysql" {
			if !errors.Is(err, ErrNoPartialState) {
				t.Errorf("err = %v, want ErrNoPartialState", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r2"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if ps, _ := Partials(ctx, db.DB, env); len(ps) != 1 || ps[0] != (Partial{ID: "r3", Direction: Up, Done: 1, Total: 2}) {
			t.Errorf("Partials = %+v", ps)
		}
		if err := StampPartial(ctx, db.DB, env, "r3", Up, 3, Options{}); err == nil || !strings.Contains(err.Error(), "0 to 2") {
			t.Errorf("n out of range: err = %v", err)
		}
		// posts exists (op 1); the index (op 2) is created on resume.
		res, err := Upgrade(ctx, db.DB, env, "head", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Applied) != 1 || res.Applied[0].Resumed != 1 {
			t.Errorf("applied %+v", res.Applied)
		}
		if err := StampPartial(ctx, db.DB, env, "r3", Up, 2, Options{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current after a whole stamp (-want +got):\n%s", diff)
		}
	})
}
