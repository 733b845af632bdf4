package cli_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestDiffNamesColumnOrder: on PostgreSQL, where ADD COLUMN appends and
// retort never moves a column, two databases whose table differs only in
// column order are not called equal without saying so: diff names the
// table's column order as not compared on stderr and exits 0 (retort
// cannot act on it, so it is not drift); a target whose new column sits
// in the middle gets the column appended, and the table named too.
func TestDiffNamesColumnOrder(t *testing.T) {
	a, b := testdb.Postgres(t), testdb.Postgres(t)
	exec1(t, a.DB, "CREATE TABLE foobar (id integer PRIMARY KEY, b text, c text); CREATE TABLE other (id integer)")
	exec1(t, b.DB, "CREATE TABLE foobar (id integer PRIMARY KEY, c text, b text); CREATE TABLE other (id integer)")
	want := "not compared: column order of 1 table (foobar;"
	code, stdout, stderr := runInProcess(t, "diff", "--from", a.URL, "--to", b.URL)
	if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stdout, "in what retort compares") {
		t.Errorf("order only: exit %d, stdout %q, stderr %q; want 0, the hedged sentence, %q", code, stdout, stderr, want)
	}
	exec1(t, b.DB, "DROP TABLE foobar; CREATE TABLE foobar (id integer PRIMARY KEY, x integer, b text, c text); ALTER TABLE other ADD COLUMN note text")
	code, stdout, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", b.URL, "--sql")
	if code != 1 || !strings.Contains(stdout, "ADD COLUMN x integer") || !strings.Contains(stderr, want) || strings.Contains(stderr, "other") {
		t.Errorf("added in the middle: exit %d, stdout %q, stderr %q; want 1, the ADD COLUMN, %q naming foobar only", code, stdout, stderr, want)
	}
	code, _, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", a.URL)
	if code != 0 || strings.Contains(stderr, "not compared") {
		t.Errorf("same database: exit %d, stderr %q; want 0 and nothing named", code, stderr)
	}
}
