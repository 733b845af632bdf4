package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataLossReview follows a revision that drops a column: revision
// writes the finding above the op and the commented-out Reviewed line,
// check lists it, upgrade refuses it (exit 1) until --allow-data-loss or
// the reviewer uncomments the line.
func TestDataLossReview(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Parallel()
	m, db := sqliteModule(t)
	exec1(t, db.DB, "INSERT INTO teams (name, slug) VALUES ('core', 'core')")
	src, err := os.ReadFile(filepath.Join(m.dir, "models", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(src), "\n") {
		if !strings.Contains(l, `db:"slug,`) {
			kept = append(kept, l)
		}
	}
	m.write("models/models.go", strings.Join(kept, "\n"))

	out := m.run(1, "check", "--data-aware")
	wantContains(t, out, "teams: drop column slug", "! data loss: drops column teams.slug", "(1 non-NULL value lost)")

	out = m.run(0, "revision", "--autogenerate", "-m", "drop slug", "--rev-id", "bbbb00000002")
	wantContains(t, out, "! data loss: drops column teams.slug", "uncomment the Reviewed line")
	file := filepath.Join(m.dir, "migrations", "bbbb00000002_drop_slug.go")
	rev, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, string(rev),
		"\t\t// Reviewed: []string{\"data-loss\"},\n\t\tUpgrade:",
		"\t\t\t// retort: data loss: drops column teams.slug (varchar(100) NOT NULL) and every value in it\n\t\t\top.DropColumn(\"teams\", \"slug\"")

	out = m.run(1, "check")
	wantContains(t, out, "pending revisions: 1", "bbbb00000002 drop slug:", "`retort upgrade` refuses this revision")

	out = m.run(1, "upgrade", "head")
	wantContains(t, out, "refusing revision bbbb00000002 (drop slug)", "op 2: data loss: drops column teams.slug",
		"migrations/bbbb00000002_drop_slug.go", "--allow-data-loss", `Reviewed: []string{"data-loss"}`)
	wantContains(t, m.run(0, "current"), "aaaa00000001")

	m.run(0, "upgrade", "head", "--allow-data-loss")
	wantContains(t, m.run(0, "current"), "bbbb00000002")
	// The downgrade adds slug back NOT NULL without a default, which the
	// revision's downgrade comments warn fails on existing rows.
	exec1(t, db.DB, "DELETE FROM teams")
	m.run(0, "downgrade", "-1")

	m.editRevision("bbbb00000002_*.go", `// Reviewed: []string{"data-loss"},`, `Reviewed: []string{"data-loss"},`)
	m.run(0, "upgrade", "head")
	m.run(0, "check")
}

// TestDataLossReviewDowngrade: a downgrade that deletes rows in raw SQL
// (beyond undoing its upgrade) is refused by `retort downgrade` until
// --allow-data-loss, the rows intact meanwhile; undoing an added column
// needs no review.
func TestDataLossReviewDowngrade(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	t.Parallel()
	m, db := sqliteModule(t)
	exec1(t, db.DB, "INSERT INTO teams (name, slug) VALUES ('core', 'core')")
	m.write("migrations/bbbb00000002_motto.go", `package migrations

import "github.com/retortdb/retort/migrate"

func init() {
	Env.Add(migrate.Revision{
		ID:      "bbbb00000002",
		Revises: "aaaa00000001",
		Message: "motto",
		Upgrade: func(op *migrate.Op) {
			op.AddColumn("teams", op.Column("motto", "TEXT"))
		},
		Downgrade: func(op *migrate.Op) {
			op.DropColumn("teams", "motto", op.Column("motto", "TEXT"))
			op.Execute("DELETE FROM teams")
		},
	})
}
`)
	m.run(0, "upgrade", "head")
	out := m.run(1, "downgrade", "-1")
	wantContains(t, out, "retort downgrade: refusing revision bbbb00000002 (motto): its downgrade loses data and is not marked reviewed:",
		"  op 2: data loss: raw SQL deletes every row of teams (DELETE without WHERE)",
		"migrations/bbbb00000002_motto.go", "run the downgrade again with --allow-data-loss")
	if strings.Contains(out, "op 1:") {
		t.Errorf("dropping the column the upgrade added was refused:\n%s", out)
	}
	if n := count(t, db.DB, "SELECT count(*) FROM teams"); n != 1 {
		t.Errorf("%d teams after the refused downgrade, want 1", n)
	}
	wantContains(t, m.run(0, "current"), "bbbb00000002")
	m.run(0, "downgrade", "-1", "--allow-data-loss")
	wantContains(t, m.run(0, "current"), "aaaa00000001")
}
