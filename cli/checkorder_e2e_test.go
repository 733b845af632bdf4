package cli_test

import "testing"

// TestDiffNamesCheckOrder: on MariaDB, whose SHOW CREATE TABLE lists a
// table's checks in the order they were added and where retort never
// drops and adds a check to move it, two databases whose table differs
// only in check order are not called equal without saying so: diff names
// the table's check order as not compared on stderr and exits 0; a
// target whose new check sits before an existing one gets it added last,
// and the table named too, while a table whose added check goes last is
// not named (nor one whose column-level check, in its column's line, is
// the same).
func TestDiffNamesCheckOrder(t *testing.T) {
	testDiffNamesServerOrder(t, serverOrderCase{
		what:      "check",
		fromT:     "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_a CHECK (a > 0), CONSTRAINT ck_b CHECK (b > 0))",
		fromOther: "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT CHECK (a < 9), CONSTRAINT ck_a CHECK (a > 0))",
		toT:       "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_b CHECK (b > 0), CONSTRAINT ck_a CHECK (a > 0))",
		toAdded:   "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, CONSTRAINT ck_id CHECK (id > 0), CONSTRAINT ck_a CHECK (a > 0), CONSTRAINT ck_b CHECK (b > 0))",
		otherAdd:  "ALTER TABLE other ADD CONSTRAINT ck_id CHECK (id > 0)",
		added:     "ck_id",
		want:      "not compared: check order of 1 table (t; added checks go last, none is moved)",
	})
}
