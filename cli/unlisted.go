package cli

import (
	"fmt"
	"strings"
)

// reportUnlisted says which tagged structs env.go neither compares nor
// excludes, and the two ways to fix it; `retort check` then exits 1.
func (a *app) reportUnlisted(missing []string) {
	lits := make([]string, len(missing))
	for i, m := range missing {
		lits[i] = m + "{}"
	}
	verb, them, are := "carry", "them", "they are"
	if len(missing) == 1 {
		verb, them, are = "carries", "it", "it is"
	}
	fmt.Fprintf(a.stderr, "error: %s %s model tags but env.go lists %s neither in Models nor in Exclude, so %s not compared; add %s to Models in %s/env.go, or to Exclude (Exclude: []any{%s}) when %s not a table\n",
		strings.Join(missing, ", "), verb, them, are, strings.Join(lits, ", "), a.driver.Dir, strings.Join(lits, ", "), are)
}
