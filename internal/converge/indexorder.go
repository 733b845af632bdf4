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

// keyLinePrefixes start the key lines of a SHOW CREATE TABLE statement
// (PRIMARY KEY is always first and is left where it is).
var keyLinePrefixes = []string{"  KEY ", "  UNIQUE KEY ", "  FULLTEXT KEY ", "  SPATIAL KEY "}

// sortNamedKeys sorts, among themselves and in their places, the key
// lines of the SHOW CREATE TABLE statements of dump whose table is named
// in said; every line of those statements loses its trailing comma.
func sortNamedKeys(dump string, said []string) string {
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
			if slices.ContainsFunc(keyLinePrefixes, func(p string) bool { return strings.HasPrefix(lines[j], p) }) {
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
