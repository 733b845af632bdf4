package cli_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// serverOrderCase is an order MariaDB's SHOW CREATE TABLE keeps and retort
// does not compare: table t differs in that order alone between from and
// to, table other not at all; then to's t is made again with one more
// item declared before the others (toAdded) and other gets that item
// last (otherAdd).
type serverOrderCase struct {
	what                   string // "key", "check": for the server-check skip
	fromT, fromOther       string
	toT, toAdded, otherAdd string
	added                  string // the new item's name, in the SQL
	want                   string // the not-compared part naming t
}

// testDiffNamesServerOrder: diff names t's order as not compared on
// stderr and exits 0 on the order alone; with the item added before the
// others it adds it (exit 1) and still names t, but not other, whose item
// goes last; a database against itself names nothing.
func testDiffNamesServerOrder(t *testing.T, c serverOrderCase) {
	a, b := testdb.MySQL(t), testdb.MySQL(t)
	var version string
	if err := a.DB.QueryRowContext(t.Context(), "SELECT VERSION()").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(version, "MariaDB") {
		t.Skipf("the catalog keeps the server's %s order on MariaDB only", c.what)
	}
	exec1(t, a.DB, c.fromT)
	exec1(t, a.DB, c.fromOther)
	exec1(t, b.DB, c.toT)
	exec1(t, b.DB, c.fromOther)
	code, stdout, stderr := runInProcess(t, "diff", "--from", a.URL, "--to", b.URL)
	if code != 0 || !strings.Contains(stderr, c.want) || !strings.Contains(stdout, "in what retort compares") {
		t.Errorf("order only: exit %d, stdout %q, stderr %q; want 0, the hedged sentence, %q", code, stdout, stderr, c.want)
	}
	exec1(t, b.DB, "DROP TABLE t")
	exec1(t, b.DB, c.toAdded)
	exec1(t, b.DB, c.otherAdd)
	code, stdout, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", b.URL, "--sql")
	if code != 1 || !strings.Contains(stdout, c.added) || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "other") {
		t.Errorf("added before the others: exit %d, stdout %q, stderr %q; want 1, the new %s, %q naming t only", code, stdout, stderr, c.what, c.want)
	}
	code, _, stderr = runInProcess(t, "diff", "--from", a.URL, "--to", a.URL)
	if code != 0 || strings.Contains(stderr, "not compared") {
		t.Errorf("same database: exit %d, stderr %q; want 0 and nothing named", code, stderr)
	}
}
