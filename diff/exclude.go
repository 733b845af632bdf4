package diff

import (
	"cmp"
	"slices"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// sortExcludes sorts exclusion constraints by name.
func sortExcludes(xs []model.Exclude) {
	slices.SortStableFunc(xs, func(a, b model.Exclude) int { return cmp.Compare(a.Name, b.Name) })
}

// compareExcludes matches exclusion constraints by name: a definition that
// differs once normalised is a drop and an add, a comment alone a comment
// change where the dialect makes one in place. Each list is in name order.
func (c *comparer) compareExcludes(cur, tgt *model.Table) (drop, add, comments []ops.Op) {
	s, n := tgt.Schema, tgt.Name
	cx, tx := slices.Clone(cur.Excludes), slices.Clone(tgt.Excludes)
	sortExcludes(cx)
	sortExcludes(tx)
	i, j := 0, 0
	for i < len(cx) || j < len(tx) {
		switch {
		case j == len(tx) || (i < len(cx) && cx[i].Name < tx[j].Name):
			drop = append(drop, ops.DropExclude{Schema: s, Table: n, Exclude: cx[i]})
			i++
		case i == len(cx) || cx[i].Name > tx[j].Name:
			add = append(add, ops.AddExclude{Schema: s, Table: n, Exclude: tx[j]})
			j++
		default:
			have, want := cx[i], tx[j]
			switch {
			case !c.sameExpr(have.Def, want.Def):
				drop = append(drop, ops.DropExclude{Schema: s, Table: n, Exclude: have})
				add = append(add, ops.AddExclude{Schema: s, Table: n, Exclude: want})
			case have.Comment == want.Comment:
			case c.commentsInPlace():
				comments = append(comments, constraintComment(s, n, have.Name, have.Comment, want.Comment))
			default:
				drop = append(drop, ops.DropExclude{Schema: s, Table: n, Exclude: have})
				add = append(add, ops.AddExclude{Schema: s, Table: n, Exclude: want})
			}
			i++
			j++
		}
	}
	return drop, add, comments
}
