package converge

import (
	"strings"
	"testing"
)

// TestSameButIndexOrder: only the key lines of the tables diff named for
// index order may differ in order, and only in order.
func TestSameButIndexOrder(t *testing.T) {
	a := showCreate("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		showCreate("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	swapped := showCreate("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_id` (`id`)", "  KEY `ix_a` (`a`)") +
		showCreate("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	otherSwapped := showCreate("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		showCreate("u", "  `x` int(11) DEFAULT NULL", "  KEY `k2` (`x`)", "  KEY `k1` (`x`)")
	columnsSwapped := showCreate("t", "  `a` int(11) DEFAULT NULL", "  `id` int(11) NOT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		showCreate("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	changed := showCreate("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_id` (`id`)", "  KEY `ix_a` (`a`,`id`)") +
		showCreate("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	p := Pair{NotCompared: []string{indexOrderKind}}
	named := Retort{Stderr: "not compared: column order of 1 table (u; added columns go last, none is moved), index order of 1 table (t; added indexes go last in their group, none is moved) (retort does not model these; review them by hand)\n"}
	said := namedOrder(p, named)
	testSame(t, a, []sameCase{
		{"equal", a, orderSaid{}, true},
		{"key order of a named table", swapped, said, true},
		{"key order, not named", swapped, orderSaid{}, false},
		{"key order of a table named for column order only", otherSwapped, said, false},
		{"column order of a table named for index order", columnsSwapped, said, false},
		{"a key's columns besides the order", changed, said, false},
		{"the case does not list the kind", swapped, namedOrder(Pair{}, named), false},
	})
}

// showCreate is a table's line of a MariaDB dump: its name, a tab and
// SHOW CREATE TABLE's statement with body's lines.
func showCreate(name string, body ...string) string {
	return name + "\tCREATE TABLE `" + name + "` (\n" + strings.Join(body, ",\n") + "\n) ENGINE=InnoDB\n"
}

// sameCase is a dump b that said.same must take, or not, for dump a.
type sameCase struct {
	name string
	b    string
	said orderSaid
	want bool
}

// testSame checks each case's said.same(a, b).
func testSame(t *testing.T, a string, cases []sameCase) {
	t.Helper()
	for _, tc := range cases {
		if got := tc.said.same(a, tc.b); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
