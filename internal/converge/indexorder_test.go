package converge

import (
	"strings"
	"testing"
)

// TestSameButIndexOrder: only the key lines of the tables diff named for
// index order may differ in order, and only in order.
func TestSameButIndexOrder(t *testing.T) {
	table := func(name string, body ...string) string {
		return name + "\tCREATE TABLE `" + name + "` (\n" + strings.Join(body, ",\n") + "\n) ENGINE=InnoDB\n"
	}
	a := table("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		table("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	swapped := table("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_id` (`id`)", "  KEY `ix_a` (`a`)") +
		table("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	otherSwapped := table("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		table("u", "  `x` int(11) DEFAULT NULL", "  KEY `k2` (`x`)", "  KEY `k1` (`x`)")
	columnsSwapped := table("t", "  `a` int(11) DEFAULT NULL", "  `id` int(11) NOT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_a` (`a`)", "  KEY `ix_id` (`id`)") +
		table("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	changed := table("t", "  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)", "  KEY `ix_id` (`id`)", "  KEY `ix_a` (`a`,`id`)") +
		table("u", "  `x` int(11) DEFAULT NULL", "  KEY `k1` (`x`)", "  KEY `k2` (`x`)")
	p := Pair{NotCompared: []string{indexOrderKind}}
	named := Retort{Stderr: "not compared: column order of 1 table (u; added columns go last, none is moved), index order of 1 table (t; added indexes go last in their group, none is moved) (retort does not model these; review them by hand)\n"}
	said := namedOrder(p, named)
	for _, tc := range []struct {
		name string
		b    string
		said orderSaid
		want bool
	}{
		{"equal", a, orderSaid{}, true},
		{"key order of a named table", swapped, said, true},
		{"key order, not named", swapped, orderSaid{}, false},
		{"key order of a table named for column order only", otherSwapped, said, false},
		{"column order of a table named for index order", columnsSwapped, said, false},
		{"a key's columns besides the order", changed, said, false},
		{"the case does not list the kind", swapped, namedOrder(Pair{}, named), false},
	} {
		if got := tc.said.same(a, tc.b); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
