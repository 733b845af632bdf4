package cli_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestDiffNamesCheckOrder: on MariaDB, whose SHOW CREATE TABLE lists a
// table's checks in the order they were added and where retort never
// drops and adds a check to move it, two databases whose table differs
// only in check order are not called equal without saying so: diff names
// the table's check order as not compared on stderr and exits 0; a
// target whose new check sits before an existing one gets it added last,
// and the table named too, while a table whose added check goes last is
// not named.
func TestDiffNamesCheckOrder(t *testing.T) {
	a, b := testdb.MySQL(t), testdb.MySQL(t)
	var version string
	if err := a.DB.QueryRowContext(t.Context(), "SELECT VERSION()").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(version, "MariaDB") {
		t.Skip("the catalog keeps the server's check order on MariaDB only")
	}
	exec1(t, a.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_a CHECK (a > 0), CONSTRAINT ck_b CHECK (b > 0))")
	exec1(t, a.DB, "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT CHECK (a < 9), CONSTRAINT ck_a CHECK (a > 0))")
	exec1(t, b.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_b CHECK (b > 0), CONSTRAINT ck_a CHECK (a > 0))")
	exec1(t, b.DB, "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT CHECK (a < 9), CONSTRAINT ck_a CHECK (a > 0))")
	want := "not compared: check order of 1 table (t; added checks go last, none is moved)"
	code, stdout, stderr := runInProcess(t, "diff", "--from", a.URL, "--to", b.URL)
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stdout, "in what retort compares") {
		t.Errorf("order only: exit %d, stdout %q, stderr %q; want 0, the hedged sentence, %q", code, stdout, stderr, want)
	}
	exec1(t, b.DB, "DROP TABLE t")
	exec1(t, b.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_id CHECK (id > 0), CONSTRAINT ck_a CHECK (a > 0), CONSTRAINT ck_b CHECK (b > 0))")
	exec1(t, b.DB, "ALTER TABLE other ADD CONSTRAINT ck_id CHECK (id > 0)")
	code, stdout, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", b.URL, "--sql")
	if code != 1 || !strings.Contains(stdout, "ck_id") || !strings.Contains(stderr, want) || strings.Contains(stderr, "other") {
		t.Errorf("added before the others: exit %d, stdout %q, stderr %q; want 1, the new check, %q naming t only", code, stdout, stderr, want)
	}
	code, _, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", a.URL)
	if code != 0 || strings.Contains(stderr, "not compared") {
		t.Errorf("same database: exit %d, stderr %q; want 0 and nothing named", code, stderr)
	}
}
