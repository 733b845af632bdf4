package main

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/converge"
)

// orderKinds are the "not compared" kinds of an order retort names but
// does not reach ("column order of 1 table (t; ...)").
var orderKinds = []string{"column order", "index order", "check order"}

// orderKindsNamed returns the order kinds retort diff named as not
// compared in a failed check's output, in orderKinds' order.
func orderKindsNamed(r converge.Result) []string {
	var kinds []string
	for _, l := range strings.Split(strings.ToLower(r.Detail), "\n") {
		if !strings.Contains(l, "not compared") {
			continue
		}
		for _, k := range orderKinds {
			if strings.Contains(l, k+" of ") && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	slices.SortFunc(kinds, func(a, b string) int { return slices.Index(orderKinds, a) - slices.Index(orderKinds, b) })
	return kinds
}
