package faults

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/converge"
	"github.com/retortdb/retort/internal/testdb"
)

// TestCorruptVersionTable: a version table holding a revision and its
// descendant made `downgrade base` loop forever on PostgreSQL and SQLite
// and half-downgrade MySQL; a row naming a revision the package lacks must
// not be run past either. Each command exits 2 at once, names the rows
// and the stamp that repairs them, and changes nothing.
func TestCorruptVersionTable(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			requireDump(t, d)
			for _, c := range []struct {
				name, row string
				want      []string
			}{
				{"ancestor", "f1", []string{"contradictory version table", "f1, f3", "f3 descends from f1", "`retort stamp f3`"}},
				{"unknown", "zz9", []string{`unknown revision "zz9"`, "--purge"}},
			} {
				t.Run(c.name, func(t *testing.T) {
					db := testdb.Open(t, d)
					mustMigrate(t, db, "upgrade", "f3")
					if _, err := db.Exec("INSERT INTO retort_version (version_num) VALUES ('" + c.row + "')"); err != nil {
						t.Fatal(err)
					}
					before := state(t, db)
					for _, cmd := range [][2]string{{"downgrade", "base"}, {"downgrade", "-1"}, {"upgrade", "head"}} {
						ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
						c1, out := start(t, db, cmd[0], cmd[1], "")
						go func() {
							<-ctx.Done()
							c1.Process.Kill()
						}()
						got := wait(c1, out)
						timedOut := ctx.Err() != nil
						cancel()
						if timedOut || got.code != 2 {
							t.Fatalf("%s %s: exit %d (timed out: %v), want 2 at once:\n%.2000s", cmd[0], cmd[1], got.code, timedOut, got.stderr)
						}
						for _, w := range c.want {
							if !strings.Contains(got.stderr, w) {
								t.Errorf("%s %s: error lacks %q:\n%s", cmd[0], cmd[1], w, got.stderr)
							}
						}
						if diff := converge.UnifiedDiff("before", "after "+cmd[0]+" "+cmd[1], before, state(t, db)); diff != "" {
							t.Errorf("the database changed:\n%s", diff)
						}
					}
				})
			}
		})
	}
}
