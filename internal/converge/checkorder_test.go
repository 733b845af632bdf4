package converge

import (
	"slices"
	"testing"
)

// TestSameButCheckOrder: only the CONSTRAINT ... CHECK lines of the tables
// diff named for check order may differ in order, and only in order; key
// lines, foreign keys and column-level checks may not.
func TestSameButCheckOrder(t *testing.T) {
	cols := []string{"  `id` int(11) NOT NULL", "  `a` int(11) DEFAULT NULL CHECK (`a` > 0)", "  `b` int(11) DEFAULT NULL", "  PRIMARY KEY (`id`)"}
	t1 := func(tail ...string) string { return showCreate("t", append(slices.Clone(cols), tail...)...) }
	u := showCreate("u", "  `x` int(11) DEFAULT NULL", "  CONSTRAINT `k1` CHECK (`x` > 1)", "  CONSTRAINT `k2` CHECK (`x` < 9)")
	uSwapped := showCreate("u", "  `x` int(11) DEFAULT NULL", "  CONSTRAINT `k2` CHECK (`x` < 9)", "  CONSTRAINT `k1` CHECK (`x` > 1)")
	fk1, fk2 := "  CONSTRAINT `f1` FOREIGN KEY (`b`) REFERENCES `u` (`x`)", "  CONSTRAINT `f2` FOREIGN KEY (`a`) REFERENCES `u` (`x`)"
	c1, c2, wc := "  CONSTRAINT `c1` CHECK (`b` > 1)", "  CONSTRAINT `c2` CHECK (`b` < 100)", "  CONSTRAINT `c``q` CHECK (`a` < 50)"
	a := t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk1, fk2, c1, c2, wc) + u
	p := Pair{NotCompared: []string{checkOrderKind}}
	named := Retort{Stderr: "not compared: check order of 1 table (t; added checks go last, none is moved) (retort does not model these; review them by hand)\n"}
	said := namedOrder(p, named)
	testSame(t, a, []sameCase{
		{"equal", a, orderSaid{}, true},
		{"check order of a named table", t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk1, fk2, wc, c2, c1) + u, said, true},
		{"check order, not named", t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk1, fk2, c2, c1, wc) + u, orderSaid{}, false},
		{"check order of a table not named", a[:len(a)-len(u)] + uSwapped, said, false},
		{"key order of a table named for check order", t1("  KEY `ix_b` (`b`)", "  KEY `ix_a` (`a`)", fk1, fk2, c1, c2, wc) + u, said, false},
		{"foreign key order of a table named for check order", t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk2, fk1, c1, c2, wc) + u, said, false},
		{"a check's expression besides the order", t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk1, fk2, c2, "  CONSTRAINT `c1` CHECK (`b` > 2)", wc) + u, said, false},
		{"the case does not list the kind", t1("  KEY `ix_a` (`a`)", "  KEY `ix_b` (`b`)", fk1, fk2, c2, c1, wc) + u, namedOrder(Pair{}, named), false},
	})
}
