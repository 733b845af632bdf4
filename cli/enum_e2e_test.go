package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

const enumModelsV1 = `package models

// Order has a status enum.
type Order struct {
	ID     int64  ` + "`" + `db:"id,pk"` + "`" + `
	Status string ` + "`" + `db:"status,enum=order_status(new,paid,cancelled)"` + "`" + `
}

// TableName names the table.
func (Order) TableName() string { return "orders" }
`

// TestCLIEnumValueAdded: on PostgreSQL, a value added to an enum gets a
// revision file (no refusal) whose downgrade removes it again; the file
// as written upgrades, downgrades and upgrades with the rows kept, and
// check --migrations passes.
func TestCLIEnumValueAdded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.Postgres(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", enumModelsV1)
	m.run(0, "init", "--dialect", "postgres", "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "orders")
	m.run(0, "upgrade", "head")
	exec1(t, db.DB, "INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'cancelled')")
	m.write("models/models.go", strings.Replace(enumModelsV1, "cancelled)", "cancelled,refunded)", 1))
	out := m.run(0, "revision", "--autogenerate", "-m", "refunded")
	wantContains(t, out, "refunded")
	for _, step := range [][]string{{"upgrade", "head"}, {"downgrade", "-1"}, {"upgrade", "head"}} {
		m.run(0, step...)
		if n := count(t, db.DB, "SELECT count(*) FROM orders WHERE (id, status::text) IN ((1, 'new'), (2, 'cancelled'))"); n != 2 {
			t.Fatalf("after %v the rows are not kept", step)
		}
	}
	if n := count(t, db.DB, "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'order_status' AND e.enumlabel = 'refunded'"); n != 1 {
		t.Error("refunded is not a value of order_status after upgrade")
	}
	wantContains(t, m.run(0, "check"), "No drift")
	wantContains(t, m.run(0, "check", "--migrations", "--dev-url", testdb.ServerURL(t, "postgres")), "refunded")
}

// TestCLIEnumValueAddedSQLite: on SQLite an enum column is TEXT with a
// CHECK (status IN (...)); a value added to it is one table rebuild that
// swaps the CHECK, with no "fails on existing rows" finding (a wider IN
// list cannot fail a row), and the revision upgrades, downgrades and
// upgrades with the rows kept.
func TestCLIEnumValueAddedSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.SQLite(t)
	m := newUserModule(t, db.URL)
	m.write("models/models.go", enumModelsV1)
	m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	m.run(0, "revision", "--autogenerate", "-m", "orders")
	m.run(0, "upgrade", "head")
	first := m.run(0, "current")
	exec1(t, db.DB, "INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'cancelled')")
	m.write("models/models.go", strings.Replace(enumModelsV1, "cancelled)", "cancelled,refunded)", 1))
	out := m.run(0, "revision", "--autogenerate", "-m", "refunded")
	wantContains(t, out, "refunded")
	file := revisionFile(t, m, "refunded")
	up, down, _ := strings.Cut(file, "Downgrade:")
	if strings.Contains(up, "fails on existing rows") {
		t.Errorf("adding an enum value is flagged as failing on existing rows:\n%s", file)
	}
	if !strings.Contains(down, "fails on existing rows") {
		t.Errorf("taking the value out again (the downgrade) is not flagged as failing on rows that hold it:\n%s", file)
	}
	rev := strings.Fields(first)[0]
	sql := m.run(0, "upgrade", "--sql", rev+":head")
	if n := strings.Count(sql, "ALTER TABLE orders RENAME TO _retort_old_orders"); n != 1 {
		t.Errorf("upgrade --sql %s:head rebuilds orders %d times, want once:\n%s", rev, n, sql)
	}
	for _, step := range [][]string{{"upgrade", "head"}, {"downgrade", "-1"}, {"upgrade", "head"}} {
		m.run(0, step...)
		if n := count(t, db.DB, "SELECT count(*) FROM orders WHERE (id, status) IN (VALUES (1, 'new'), (2, 'cancelled'))"); n != 2 {
			t.Fatalf("after %v the rows are not kept", step)
		}
	}
	exec1(t, db.DB, "INSERT INTO orders (id, status) VALUES (3, 'refunded')")
	if _, err := db.DB.Exec("INSERT INTO orders (id, status) VALUES (4, 'lost')"); err == nil {
		t.Error("the CHECK accepts a value that is not in the enum")
	}
	wantContains(t, m.run(0, "check"), "No drift")
}

// revisionFile returns the text of the one revision file that contains s.
func revisionFile(t *testing.T, m *userModule, s string) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(m.dir, "migrations", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(p) != "env.go" && strings.Contains(string(b), s) {
			found = append(found, string(b))
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d revision files contain %q, want 1", len(found), s)
	}
	return found[0]
}
