package converge

import (
	"slices"
	"strings"
)

// columnOrderKind is the "not compared" kind of a case whose tables differ
// in column order where retort cannot place columns (PostgreSQL): diff
// must name the table, and then, only for the tables it named, two dumps
// that differ in nothing but the order of those tables' column lines
// agree.
const columnOrderKind = "column order"

// columnOrderNamed returns the "not compared" lines of diff's output that
// name column order, lower-cased, when the case lists the kind; else nil.
func columnOrderNamed(p Pair, d Retort) []string {
	if !slices.Contains(p.NotCompared, columnOrderKind) {
		return nil
	}
	var said []string
	for _, l := range strings.Split(d.Stderr+"\n"+d.Stdout, "\n") {
		if l = strings.ToLower(l); strings.Contains(l, "not compared") && strings.Contains(l, columnOrderKind) {
			said = append(said, l)
		}
	}
	return said
}

// sameButColumnOrder reports whether dumps a and b are equal once the
// column lines of each CREATE TABLE statement whose table a line of said
// names are sorted (pg_dump writes one column a line, the last without a
// comma). With no lines said, only equal dumps agree.
func sameButColumnOrder(a, b string, said []string) bool {
	if a == b {
		return true
	}
	if len(said) == 0 {
		return false
	}
	return sortNamedColumns(a, said) == sortNamedColumns(b, said)
}

// sortNamedColumns sorts the body lines of the CREATE TABLE statements of
// dump whose table is named in said.
func sortNamedColumns(dump string, said []string) string {
	lines := strings.Split(dump, "\n")
	for i := 0; i < len(lines); i++ {
		head, ok := strings.CutPrefix(lines[i], "CREATE TABLE ")
		if !ok || !strings.HasSuffix(head, " (") {
			continue
		}
		name := strings.ToLower(strings.TrimSuffix(head, " ("))
		name = strings.TrimPrefix(name, "public.")
		if !slices.ContainsFunc(said, func(l string) bool { return namesTable(l, name) }) {
			continue
		}
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], ")") {
			lines[j] = strings.TrimSuffix(lines[j], ",")
			j++
		}
		slices.Sort(lines[i+1 : j])
		i = j
	}
	return strings.Join(lines, "\n")
}

// namesTable reports whether a lower-case "not compared" line names table
// in its list: "(name", ", name", followed by ",", ";" or ")".
func namesTable(line, table string) bool {
	for _, pre := range []string{"(", ", "} {
		for _, post := range []string{",", ";", ")"} {
			if strings.Contains(line, pre+table+post) {
				return true
			}
		}
	}
	return false
}
