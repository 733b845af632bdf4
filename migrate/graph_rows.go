package migrate

import (
	"fmt"
	"slices"
	"strings"
)

// CheckRows reports a version table the runner cannot plan from: a row
// naming a revision this Graph does not have ([ErrUnknownRevision]), or two
// rows of which one descends from the other through parent links
// ([ErrContradictoryVersions]: the table holds only the newest applied
// revision of each branch, so such a table says two things at once). Each
// error names the rows and the `retort stamp` that repairs the table.
func (g *Graph) CheckRows(current []string) error {
	for _, id := range current {
		if _, ok := g.index[id]; !ok {
			return fmt.Errorf("%w %q: the version table names it, but this migrations package does not have it (was its file deleted?); "+
				"restore the file, or run `retort stamp REV --purge` with the revision the database is at", ErrUnknownRevision, id)
		}
	}
	var pairs []string
	var newest []string
	for _, a := range current {
		pa := g.index[a]
		for _, b := range current {
			pb := g.index[b]
			if pa != pb && g.branchOf(pa)[pb] {
				pairs = append(pairs, fmt.Sprintf("%s descends from %s", b, a))
				if !slices.Contains(newest, b) {
					newest = append(newest, b)
				}
			}
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	slices.Sort(pairs)
	return fmt.Errorf("%w: it holds %s, but %s; a version table holds only the newest applied revision of each branch. "+
		"Find the revision the database's schema is at and set the table to it, e.g. `retort stamp %s` if the changes of %s are in the database",
		ErrContradictoryVersions, strings.Join(sorted(current), ", "), strings.Join(pairs, ", "), newest[0], newest[0])
}

// rowsFor returns what the version table holds once the revisions of rows
// and their ancestors are applied: rows plus the heads of branches that
// rows reach only through dependencies. Two tables with the same rowsFor
// say the same thing.
func (g *Graph) rowsFor(rows []string) []string {
	ps := g.positions(rows)
	return g.idsOf(g.headsOf(g.closure(ps, true)))
}
