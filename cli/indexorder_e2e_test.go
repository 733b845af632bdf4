package cli_test

import "testing"

// TestDiffNamesIndexOrder: on MariaDB, whose SHOW CREATE TABLE lists keys
// in the order they were created and where retort never recreates a key
// to move it, two databases whose table differs only in key order are not
// called equal without saying so: diff names the table's index order as
// not compared on stderr and exits 0; a target whose new key sits before
// an existing one gets it added last, and the table named too, while a
// table whose added key goes last is not named.
func TestDiffNamesIndexOrder(t *testing.T) {
	testDiffNamesServerOrder(t, serverOrderCase{
		what:      "key",
		fromT:     "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_a (a), KEY ix_b (b))",
		fromOther: "CREATE TABLE other (id INT NOT NULL PRIMARY KEY, a INT, KEY ix_a (a))",
		toT:       "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_b (b), KEY ix_a (a))",
		toAdded:   "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, KEY ix_id (id, a), KEY ix_a (a), KEY ix_b (b))",
		otherAdd:  "ALTER TABLE other ADD KEY ix_id (id, a)",
		added:     "ix_id",
		want:      "not compared: index order of 1 table (t; added indexes go last in their group, none is moved)",
	})
}
