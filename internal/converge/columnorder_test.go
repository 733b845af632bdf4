package converge

import (
	"strings"
	"testing"
)

// TestSameButColumnOrder: only the column lines of the tables diff named
// may differ in order, and only in order.
func TestSameButColumnOrder(t *testing.T) {
	dump := func(tables ...string) string { return strings.Join(tables, "") }
	a := dump("CREATE TABLE public.foobar (\n    id integer,\n    b text,\n    c text\n);\n", "CREATE TABLE public.other (\n    x integer,\n    y integer\n);\n")
	swapped := dump("CREATE TABLE public.foobar (\n    id integer,\n    c text,\n    b text\n);\n", "CREATE TABLE public.other (\n    x integer,\n    y integer\n);\n")
	otherSwapped := dump("CREATE TABLE public.foobar (\n    id integer,\n    b text,\n    c text\n);\n", "CREATE TABLE public.other (\n    y integer,\n    x integer\n);\n")
	changed := dump("CREATE TABLE public.foobar (\n    id integer,\n    c text,\n    b integer\n);\n", "CREATE TABLE public.other (\n    x integer,\n    y integer\n);\n")
	said := []string{"not compared: column order of 1 table (foobar; added columns go last, none is moved)"}
	for _, tc := range []struct {
		name string
		b    string
		said []string
		want bool
	}{
		{"equal", a, nil, true},
		{"order of a named table", swapped, said, true},
		{"order, not named", swapped, nil, false},
		{"order of a table not named", otherSwapped, said, false},
		{"a type besides the order", changed, said, false},
	} {
		if got := (orderSaid{columns: tc.said}).same(a, tc.b); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
