package converge

import (
	"slices"
	"strings"
)

// indexOrderKind is the "not compared" kind of a case whose tables differ
// in the order the server lists their keys (MariaDB: an index retort adds
// goes last in its group, and none is moved): diff must name the table,
// and then, only for the tables it named, two dumps that differ in
// nothing but the order of those tables' key lines agree.
const indexOrderKind = "index order"

// checkOrderKind is the "not compared" kind of a case whose tables differ
// in the order the server lists their table-level checks (MariaDB: ADD
// CONSTRAINT appends, and none is moved): as for index order, only the
// CONSTRAINT ... CHECK lines of the tables diff named may differ, and only
// in order.
const checkOrderKind = "check order"

// keyLinePrefixes start the key lines of a SHOW CREATE TABLE statement
// (PRIMARY KEY is always first and is left where it is).
var keyLinePrefixes = []string{"  KEY ", "  UNIQUE KEY ", "  FULLTEXT KEY ", "  SPATIAL KEY "}

// isKeyLine reports whether a SHOW CREATE TABLE body line is a key line.
func isKeyLine(l string) bool {
	return slices.ContainsFunc(keyLinePrefixes, func(p string) bool { return strings.HasPrefix(l, p) })
}

// isCheckLine reports whether a SHOW CREATE TABLE body line is a table
// check ("  CONSTRAINT `name` CHECK (...)"; a foreign key's CONSTRAINT
// line is not, nor a column-level check, which is part of its column's
// line).
func isCheckLine(l string) bool {
	rest, ok := strings.CutPrefix(l, "  CONSTRAINT `")
	if !ok {
		return false
	}
	// The name may hold a doubled backquote; the check follows the
	// closing one.
	for {
		i := strings.Index(rest, "`")
		if i < 0 {
			return false
		}
		if strings.HasPrefix(rest[i:], "``") {
			rest = rest[i+2:]
			continue
		}
		return strings.HasPrefix(rest[i:], "` CHECK (")
	}
}

// sortNamedLines sorts, among themselves and in their places, the body
// lines that is picks out of the SHOW CREATE TABLE statements of dump
// whose table is named in said; every line of those statements loses its
// trailing comma.
func sortNamedLines(dump string, said []string, is func(string) bool) string {
	lines := strings.Split(dump, "\n")
	for i := 0; i < len(lines); i++ {
		_, head, ok := strings.Cut(lines[i], "CREATE TABLE `")
		if !ok || !strings.HasSuffix(head, "` (") {
			continue
		}
		name := strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(head, "` ("), "``", "`"))
		if !slices.ContainsFunc(said, func(l string) bool { return namesTable(l, name) }) {
			continue
		}
		var at []int
		var keys []string
		j := i + 1
		for ; j < len(lines) && !strings.HasPrefix(lines[j], ")"); j++ {
			lines[j] = strings.TrimSuffix(lines[j], ",")
			if is(lines[j]) {
				at = append(at, j)
				keys = append(keys, lines[j])
			}
		}
		slices.Sort(keys)
		for k, n := range at {
			lines[n] = keys[k]
		}
		i = j
	}
	return strings.Join(lines, "\n")
}
