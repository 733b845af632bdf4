package migrate

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/testdb"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestOfflineSQL compares the offline SQL of the three blog revisions, up
// from base and down to base, with a golden file per dialect.
func TestOfflineSQL(t *testing.T) {
	t.Parallel()
	for _, d := range []string{"sqlite", "postgres", "mysql"} {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			if _, err := backend.Lookup(d); err != nil {
				t.Skip(err)
			}
			ctx := context.Background()
			env := blogEnv(d)
			up, err := SQL(ctx, env, "", "head", Up)
			if err != nil {
				t.Fatal(err)
			}
			down, err := SQL(ctx, env, "heads", "base", Down)
			if err != nil {
				t.Fatal(err)
			}
			got := "-- upgrade base:head\n" + up + "\n-- downgrade heads:base\n" + down
			path := filepath.Join("testdata", "offline_"+d+".sql")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
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
		})
	}
}

func TestOfflineSQLRange(t *testing.T) {
	t.Parallel()
	env := blogEnv("sqlite")
	ctx := context.Background()
	got, err := SQL(ctx, env, "r1", "+1", Up)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "-- Running upgrade r1 -> r2") || strings.Contains(got, "r3") || strings.Contains(got, "CREATE TABLE users") {
		t.Errorf("SQL r1:+1 =\n%s", got)
	}
	if !strings.Contains(got, "UPDATE retort_version SET version_num = 'r2' WHERE version_num = 'r1';\n") {
		t.Errorf("no version update in\n%s", got)
	}
	if _, err := SQL(ctx, env, "", "base", Down); err == nil {
		t.Error("offline downgrade without FROM accepted")
	}
}

// TestOfflineSQLRuns runs the offline scripts on a real database: up gives
// the schema Upgrade gives, down returns to an empty one.
func TestOfflineSQLRuns(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := blogEnv(db.Dialect)
		up, err := SQL(ctx, env, "", "head", Up)
		if err != nil {
			t.Fatal(err)
		}
		db.ExecScript(t, up) // a script: MySQL connections run one statement per Exec
		if diff := cmp.Diff([]string{"r3"}, mustCurrent(t, db.DB, env)); diff != "" {
			t.Errorf("Current (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"posts(id,user_id,title)", "users(id,name,email)"}, tablesOf(t, db, env)); diff != "" {
			t.Errorf("schema (-want +got):\n%s", diff)
		}
		down, err := SQL(ctx, env, "heads", "base", Down)
		if err != nil {
			t.Fatal(err)
		}
		db.ExecScript(t, down)
		if cur := mustCurrent(t, db.DB, env); cur != nil {
			t.Errorf("Current = %v, want none", cur)
		}
		if got := tablesOf(t, db, env); len(got) != 0 {
			t.Errorf("schema = %v, want none", got)
		}
	})
}
