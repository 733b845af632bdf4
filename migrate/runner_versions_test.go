package migrate

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/ops"
)

// TestContradictoryVersionTable: a version table holding a revision and
// its descendant made `downgrade base` loop forever (PostgreSQL, SQLite)
// or half-downgrade (MySQL). Every run now refuses it before running
// anything, naming the rows and the stamp that repairs it.
func TestContradictoryVersionTable(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		env := blogEnv(db.Dialect)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
			t.Fatal(err)
		}
		mustExec(t, db.DB, "INSERT INTO retort_version (version_num) VALUES ('r1')")
		before := tablesOf(t, db, env)
		for _, run := range []func() (Result, error){
			func() (Result, error) { return Downgrade(ctx, db.DB, env, "base", Options{}) },
			func() (Result, error) { return Downgrade(ctx, db.DB, env, "-1", Options{}) },
			func() (Result, error) { return Upgrade(ctx, db.DB, env, "head", Options{}) },
			func() (Result, error) { return Upgrade(ctx, db.DB, env, "head", Options{Transaction: TxPerRun}) },
		} {
			res, err := run()
			if !errors.Is(err, ErrContradictoryVersions) {
				t.Fatalf("err = %v, want ErrContradictoryVersions", err)
			}
			for _, want := range []string{"r1, r3", "r3 descends from r1", "`retort stamp r3`"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q:\n%v", want, err)
				}
			}
			if len(res.Applied) != 0 {
				t.Errorf("applied %v", appliedIDs(res))
			}
		}
		if diff := cmp.Diff(before, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema changed (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"r1", "r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("version table changed (-want +got):\n%s", diff)
		}
		if err := Stamp(ctx, db.DB, env, "r3", Options{}); err != nil {
			t.Fatal(err)
		}
		res, err := Downgrade(ctx, db.DB, env, "base", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r3", "r2", "r1"}, appliedIDs(res)); diff != "" {
			t.Errorf("downgrade after stamp (-want +got):\n%s", diff)
		}
	})
}

// TestUnknownVersionRow: a row naming a revision the package lacks is
// refused before anything runs, with the stamp that replaces it.
func TestUnknownVersionRow(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := blogEnv(db.Dialect)
		if _, err := Upgrade(ctx, db.DB, env, "r1", Options{}); err != nil {
			t.Fatal(err)
		}
		mustExec(t, db.DB, "INSERT INTO retort_version (version_num) VALUES ('gone')")
		_, err := Upgrade(ctx, db.DB, env, "head", Options{})
		if !errors.Is(err, ErrUnknownRevision) || !strings.Contains(err.Error(), `"gone"`) || !strings.Contains(err.Error(), "--purge") {
			t.Fatalf("err = %v, want ErrUnknownRevision naming gone and --purge", err)
		}
		if diff := cmp.Diff([]string{"users(id,name)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema (-want +got):\n%s", diff)
		}
	})
}

// TestStampedDependency: a table stamped at a revision that depends on
// another branch's revision (stamp keeps only it) upgrades normally; it
// used to look changed by another process and plan again forever.
func TestStampedDependency(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		env := testEnv(db.Dialect)
		env.Add(withOps("a1", "", "a", ops.CreateTable{Table: usersTable}))
		b := withOps("b1", "", "b", ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)})
		b.DependsOn = []string{"a1"}
		b.BranchLabels = []string{"bee"}
		env.Add(b)
		env.Add(withOps("b2", "b1", "b2", ops.AddColumn{Table: "users", Column: col("nick", "varchar(20)", true)}))
		if _, err := Upgrade(ctx, db.DB, env, "b1", Options{}); err != nil {
			t.Fatal(err)
		}
		if err := Stamp(ctx, db.DB, env, "b1", Options{}); err != nil {
			t.Fatal(err)
		}
		res, err := Upgrade(ctx, db.DB, env, "heads", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"b2"}, appliedIDs(res)); diff != "" {
			t.Errorf("applied (-want +got):\n%s", diff)
		}
	})
}
