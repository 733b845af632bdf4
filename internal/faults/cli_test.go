package faults

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestCLIPartialState: on MySQL `retort current` shows a revision left
// part-way, `retort upgrade` resumes it once fixed, and `retort stamp REV
// --partial N` records a repair by hand, which the next upgrade resumes
// from.
func TestCLIPartialState(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Parallel()
	db := testdb.MySQL(t)
	p := userModule(t, db.URL)
	revision := func(third string) string {
		return `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:      "k1",
		Message: "three tables",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("a", op.Column("id", "integer").PrimaryKey())
			op.CreateTable("b", op.Column("id", "integer").PrimaryKey())
			op.Execute("` + third + `").Down("DROP TABLE c")
		},
		Downgrade: func(op *migrate.Op) {
			op.Execute("DROP TABLE c").Down("SELECT 1")
			op.DropTable("b", op.Column("id", "integer").PrimaryKey())
			op.DropTable("a", op.Column("id", "integer").PrimaryKey())
		},
	})
}
`
	}
	p.write("migrations/k1_three_tables.go", revision("CREATE TABLE c (id INTEGR)"))
	out, code := p.run("upgrade", "head")
	if code != 2 || !strings.Contains(out, "ops 1-2 of 3 stay applied") {
		t.Fatalf("upgrade with a broken op 3: exit %d:\n%s", code, out)
	}
	if out := p.must("current"); !strings.Contains(out, "k1 (partial: 2 of 3 ops applied") {
		t.Errorf("current does not show the partial revision:\n%s", out)
	}
	p.write("migrations/k1_three_tables.go", revision("CREATE TABLE c (id INTEGER)"))
	p.must("upgrade", "head")
	if out := p.must("current"); !strings.Contains(out, "k1") || strings.Contains(out, "partial") {
		t.Errorf("current after the resumed upgrade:\n%s", out)
	}
	// A repair by hand: c is gone again, and the operator says so.
	if _, err := db.Exec("DROP TABLE c"); err != nil {
		t.Fatal(err)
	}
	out = p.must("stamp", "k1", "--partial", "2")
	if !strings.Contains(out, "k1 (partial: 2 of 3 ops applied") || !strings.Contains(out, "<base>") && !strings.Contains(out, "base") {
		t.Errorf("stamp --partial output:\n%s", out)
	}
	p.must("upgrade", "head")
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('a', 'b', 'c')").Scan(&n); err != nil || n != 3 {
		t.Errorf("tables a, b, c: %d (%v), want 3", n, err)
	}
	if out, code := p.run("stamp", "k1", "--downgrade"); code != 2 || !strings.Contains(out, "--partial") {
		t.Errorf("--downgrade without --partial: exit %d:\n%s", code, out)
	}
}
