package cli_test

import (
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
