package cli_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestDiffNamesIndexOrder: on MariaDB, whose SHOW CREATE TABLE lists keys
// in the order they were created and where retort never recreates a key
// to move it, two databases whose table differs only in key order are not
// called equal without saying so: diff names the table's index order as
// not compared on stderr and exits 0; a target whose new key sits before
// an existing one gets it added last, and the table named too, while a
// table whose added key goes last is not named.
func TestDiffNamesIndexOrder(t *testing.T) {
	a, b := testdb.MySQL(t), testdb.MySQL(t)
	var version string
	if err := a.DB.QueryRowContext(t.Context(), "SELECT VERSION()").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(version, "MariaDB") {
		t.Skip("the catalog keeps the server's key order on MariaDB only")
	}
	exec1(t, a.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_a (a), KEY ix_b (b))")
	exec1(t, a.DB, "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT, KEY ix_a (a))")
	exec1(t, b.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_b (b), KEY ix_a (a))")
	exec1(t, b.DB, "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT, KEY ix_a (a))")
	want := "not compared: index order of 1 table (t; added indexes go last in their group, none is moved)"
	code, stdout, stderr := runInProcess(t, "diff", "--from", a.URL, "--to", b.URL)
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stdout, "in what retort compares") {
		t.Errorf("order only: exit %d, stdout %q, stderr %q; want 0, the hedged sentence, %q", code, stdout, stderr, want)
	}
	exec1(t, b.DB, "DROP TABLE t")
	exec1(t, b.DB, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_id (id, a), KEY ix_a (a), KEY ix_b (b))")
	exec1(t, b.DB, "ALTER TABLE other ADD KEY ix_id (id, a)")
	code, stdout, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", b.URL, "--sql")
	if code != 1 || !strings.Contains(stdout, "ix_id") || !strings.Contains(stderr, want) || strings.Contains(stderr, "other") {
		t.Errorf("added before the others: exit %d, stdout %q, stderr %q; want 1, the new key, %q naming t only", code, stdout, stderr, want)
	}
	code, _, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", a.URL)
	if code != 0 || strings.Contains(stderr, "not compared") {
		t.Errorf("same database: exit %d, stderr %q; want 0 and nothing named", code, stderr)
	}
}
