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

// orderSaid is what diff named about order, when the case lists the kind:
// the "column order", "index order" and "check order" parts of its "not
// compared" lines, lower-cased.
type orderSaid struct {
	columns, keys, checks []string
}

// namedOrder returns what diff's output names about column, index and
// check order, for the kinds the case lists.
func namedOrder(p Pair, d Retort) orderSaid {
	return orderSaid{columns: orderNamed(p, d, columnOrderKind), keys: orderNamed(p, d, indexOrderKind), checks: orderNamed(p, d, checkOrderKind)}
}

// orderNamed returns the parts of diff's "not compared" lines that name
// kind ("column order of 1 table (t; ...", up to the closing parenthesis),
// lower-cased, when the case lists the kind; else nil.
func orderNamed(p Pair, d Retort, kind string) []string {
	if !slices.Contains(p.NotCompared, kind) {
		return nil
	}
	var said []string
	for _, l := range strings.Split(d.Stderr+"\n"+d.Stdout, "\n") {
		l = strings.ToLower(l)
		if !strings.Contains(l, "not compared") {
			continue
		}
		for {
			_, rest, ok := strings.Cut(l, kind+" of ")
			if !ok {
				break
			}
			part, after, _ := strings.Cut(rest, ")")
			said = append(said, kind+" of "+part)
			l = after
		}
	}
	return said
}

// same reports whether dumps a and b are equal once, in the tables diff
// named, the column lines (column order; pg_dump writes one column a line,
// the last without a comma), the key lines (index order; SHOW CREATE
// TABLE writes one key a line) and the CONSTRAINT ... CHECK lines (check
// order) are sorted. With nothing said, only equal dumps agree.
func (s orderSaid) same(a, b string) bool {
	if a == b {
		return true
	}
	if len(s.columns) == 0 && len(s.keys) == 0 && len(s.checks) == 0 {
		return false
	}
	return s.normalize(a) == s.normalize(b)
}

// normalize sorts, in dump, what diff named.
func (s orderSaid) normalize(dump string) string {
	if len(s.columns) > 0 {
		dump = sortNamedColumns(dump, s.columns)
	}
	if len(s.keys) > 0 {
		dump = sortNamedLines(dump, s.keys, isKeyLine)
	}
	if len(s.checks) > 0 {
		dump = sortNamedLines(dump, s.checks, isCheckLine)
	}
	return dump
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
