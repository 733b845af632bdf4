package diff

import "github.com/retortdb/retort/model"

// validates reports whether foreign key have, NOT VALID, becomes want only
// by being validated: everything else (names aside, which the caller
// compares) is the same.
func validates(have, want *model.ForeignKey) bool {
	if !have.NotValid || want.NotValid {
		return false
	}
	h := *have
	h.NotValid, h.Name = false, want.Name
	return h.OnDelete == want.OnDelete && h.OnUpdate == want.OnUpdate && h.Deferrable == want.Deferrable &&
		h.InitiallyDeferred == want.InitiallyDeferred && h.MatchFull == want.MatchFull && h.Comment == want.Comment
}

// validatedChecks takes out of the checks to drop and to add the pairs
// that differ only in the dropped one being NOT VALID: those are validated
// in place (ops.ValidateConstraint) and returned as they are, NOT VALID.
func (c *comparer) validatedChecks(drop, add []model.Check) (d, a, validated []model.Check) {
	used := make([]bool, len(add))
	for _, x := range drop {
		found := false
		for j, y := range add {
			if used[j] || !x.NotValid || y.NotValid || x.Name == "" || x.Name != y.Name ||
				!c.sameExpr(x.Expr, y.Expr) || x.NoInherit != y.NoInherit || x.Comment != y.Comment {
				continue
			}
			used[j], found = true, true
			validated = append(validated, x)
			break
		}
		if !found {
			d = append(d, x)
		}
	}
	for j, y := range add {
		if !used[j] {
			a = append(a, y)
		}
	}
	return d, a, validated
}
