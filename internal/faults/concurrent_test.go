package faults

import (
	"bytes"
	"fmt"
	"os/exec"
	"testing"

	"github.com/retortdb/retort/internal/converge"
	"github.com/retortdb/retort/internal/testdb"
)

// deployers and rounds: eight replicas of an application start at once
// on a database never migrated, ten times on each server.
const deployers, rounds = 8, 10

// TestConcurrentFirstDeploys: every process exits 0 (one used to fail now
// and then with "relation retort_version does not exist"), each revision
// runs once, and the database ends as one uninterrupted run leaves it.
func TestConcurrentFirstDeploys(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			requireDump(t, d)
			want := reference(t, d, "f3")
			for round := 1; round <= rounds; round++ {
				t.Run(fmt.Sprint(round), func(t *testing.T) {
					db := testdb.Open(t, d)
					var cmds []*exec.Cmd
					var outs []*bytes.Buffer
					for range deployers {
						c, out := start(t, db, "upgrade", "f3", "")
						cmds, outs = append(cmds, c), append(outs, out)
					}
					for i, c := range cmds {
						if got := wait(c, outs[i]); got.code != 0 {
							t.Errorf("deployer %d: exit %d:\n%s", i+1, got.code, got.stderr)
						}
					}
					if diff := converge.UnifiedDiff("one run", fmt.Sprintf("%d at once", deployers), want, state(t, db)); diff != "" {
						t.Errorf("state differs:\n%s", diff)
					}
				})
			}
		})
	}
}
