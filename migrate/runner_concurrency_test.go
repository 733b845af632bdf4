package migrate

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

const concurrentRevs = 6

// raceEnv is concurrentRevs revisions; each creates a table and logs its
// id into applied_log, so a revision applied twice shows as two rows (or
// fails on the existing table).
func raceEnv(dialect string) *Env {
	env := testEnv(dialect)
	parent := ""
	for i := 1; i <= concurrentRevs; i++ {
		id := fmt.Sprintf("c%d", i)
		var up []ops.Op
		if i == 1 {
			up = append(up, ops.CreateTable{Table: model.Table{Name: "applied_log", Columns: []model.Column{col("rev", "varchar(32)", false)}}})
		}
		up = append(up,
			ops.CreateTable{Table: model.Table{Name: "t_" + id, Columns: []model.Column{col("id", "integer", false)}}},
			ops.Execute{SQL: "INSERT INTO applied_log (rev) VALUES ('" + id + "')", DownSQL: "DELETE FROM applied_log WHERE rev = '" + id + "'"})
		env.Add(withOps(id, parent, "race "+id, up...))
		parent = id
	}
	return env
}

// checkExactlyOnce checks every revision logged exactly once.
func checkExactlyOnce(t *testing.T, db *testdb.DB, applied []string) {
	t.Helper()
	rows, err := db.Query("SELECT rev, COUNT(*) FROM applied_log GROUP BY rev ORDER BY rev")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var rev string
		var n int
		if err := rows.Scan(&rev, &n); err != nil {
			t.Fatal(err)
		}
		got[rev] = n
	}
	want := map[string]int{}
	for i := 1; i <= concurrentRevs; i++ {
		want[fmt.Sprintf("c%d", i)] = 1
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("applied_log counts (-want +got):\n%s", diff)
	}
	if len(applied) != concurrentRevs {
		t.Errorf("workers applied %d revisions in all (%v), want %d", len(applied), applied, concurrentRevs)
	}
}

func TestConcurrentUpgrade(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		const workers = 6
		var (
			mu      sync.Mutex
			applied []string
			wg      sync.WaitGroup
		)
		errs := make(chan error, workers)
		for i := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx := context.Background()
				// Each worker has its own pool, as separate replicas would.
				pool, _, err := dburl.Open(ctx, db.URL)
				if err != nil {
					errs <- err
					return
				}
				defer pool.Close()
				// Half the workers run in one transaction.
				res, err := Upgrade(ctx, pool, raceEnv(db.Dialect), "head", Options{Transaction: TxMode(i % 2)})
				if err != nil {
					errs <- err
					return
				}
				if len(res.After) != 1 || res.After[0] != "c6" {
					errs <- fmt.Errorf("worker ended at %v, want c6", res.After)
				}
				mu.Lock()
				applied = append(applied, appliedIDs(res)...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		checkExactlyOnce(t, db, applied)
	})
}

// TestConcurrentProcesses runs the upgrade from several processes at once
// (this test binary, re-executed as TestMigrateHelperProcess).
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	t.Parallel()
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		const procs = 4
		var cmds []*exec.Cmd
		var outs []*strings.Builder
		for range procs {
			cmd := exec.Command(os.Args[0], "-test.run=^TestMigrateHelperProcess$", "-test.count=1")
			cmd.Env = append(os.Environ(), "RETORT_MIGRATE_HELPER_URL="+db.URL, "RETORT_MIGRATE_HELPER_DIALECT="+db.Dialect)
			out := &strings.Builder{}
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
			outs = append(outs, out)
		}
		var applied []string
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("process %d: %v\n%s", i, err, outs[i])
				continue
			}
			for line := range strings.Lines(outs[i].String()) {
				if rest, ok := strings.CutPrefix(line, "APPLIED "); ok {
					var ids []string
					if err := json.Unmarshal([]byte(rest), &ids); err != nil {
						t.Fatal(err)
					}
					applied = append(applied, ids...)
				}
			}
		}
		checkExactlyOnce(t, db, applied)
	})
}

// TestMigrateHelperProcess is one process of TestConcurrentProcesses.
func TestMigrateHelperProcess(t *testing.T) {
	u := os.Getenv("RETORT_MIGRATE_HELPER_URL")
	if u == "" {
		t.Skip("helper process for TestConcurrentProcesses")
	}
	ctx := context.Background()
	db, _, err := dburl.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := Upgrade(ctx, db, raceEnv(os.Getenv("RETORT_MIGRATE_HELPER_DIALECT")), "head", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := appliedIDs(res)
	if ids == nil {
		ids = []string{}
	}
	b, _ := json.Marshal(ids)
	fmt.Printf("APPLIED %s\n", b)
}
