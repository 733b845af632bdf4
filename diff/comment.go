package diff

import (
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// commentsInPlace reports whether the dialect changes an index's or a
// constraint's comment in place ([dialect.ObjectCommenter]); when it does
// not, a changed comment is a drop and a create, as any other change.
func (c *comparer) commentsInPlace() bool {
	oc, ok := c.d.(dialect.ObjectCommenter)
	return ok && oc.CommentsObjectsInPlace()
}

// indexComment returns the op that changes only the comment of index have
// into want's, when that is all that differs and the dialect can.
func (c *comparer) indexComment(schema, table string, have, want *model.Index) (ops.Op, bool) {
	if have.Comment == want.Comment || !c.commentsInPlace() {
		return nil, false
	}
	h := *have
	h.Comment = want.Comment
	if !c.sameIndex(&h, want) {
		return nil, false
	}
	return ops.SetObjectComment{Schema: schema, Table: table, Object: ops.CommentIndex, Name: have.Name, From: have.Comment, To: want.Comment}, true
}

// constraintComment is the op that changes the comment of the named
// constraint.
func constraintComment(schema, table, name, from, to string) ops.Op {
	return ops.SetObjectComment{Schema: schema, Table: table, Object: ops.CommentConstraint, Name: name, From: from, To: to}
}

// primaryKeyComment is the op that changes only the comment of the
// primary key have into want's. Every dialect takes it: PostgreSQL
// changes the comment in place, MySQL and MariaDB drop and add the key in
// one ALTER TABLE (which keeps an AUTO_INCREMENT key column valid). It
// names the key as the database does, as the target does when the
// database names none.
func primaryKeyComment(schema, table string, have, want model.PrimaryKey) ops.Op {
	name := have.Name
	if name == "" {
		name = want.Name
	}
	return ops.SetObjectComment{Schema: schema, Table: table, Object: ops.CommentPrimaryKey, Name: name, From: have.Comment, To: want.Comment}
}

// uniqueComments pairs a dropped and an added unique constraint that differ
// only in their comment, when the dialect changes it in place: the pair
// becomes one comment change. It returns what is left to drop and add.
func (c *comparer) uniqueComments(schema, table string, drop, add []model.Unique) (_, _ []model.Unique, comments []ops.Op) {
	if !c.commentsInPlace() {
		return drop, add, nil
	}
	for j := 0; j < len(add); j++ {
		for i := range drop {
			have, want := drop[i], add[j]
			if have.Name == "" || have.Comment == want.Comment {
				continue
			}
			have.Comment = want.Comment
			if !sameUnique(&have, &want) {
				continue
			}
			comments = append(comments, constraintComment(schema, table, have.Name, drop[i].Comment, want.Comment))
			drop = slices.Delete(slices.Clone(drop), i, i+1)
			add = slices.Delete(slices.Clone(add), j, j+1)
			j--
			break
		}
	}
	return drop, add, comments
}

// checkComments pairs a dropped and an added check of one name that differ
// only in their comment, as [comparer.uniqueComments] does.
func (c *comparer) checkComments(schema, table string, drop, add []model.Check) (_, _ []model.Check, comments []ops.Op) {
	if !c.commentsInPlace() {
		return drop, add, nil
	}
	for j := 0; j < len(add); j++ {
		for i := range drop {
			have, want := drop[i], add[j]
			if have.Name == "" || have.Name != want.Name || have.Comment == want.Comment ||
				have.NoInherit != want.NoInherit || !c.sameExpr(have.Expr, want.Expr) {
				continue
			}
			comments = append(comments, constraintComment(schema, table, have.Name, have.Comment, want.Comment))
			drop = slices.Delete(slices.Clone(drop), i, i+1)
			add = slices.Delete(slices.Clone(add), j, j+1)
			j--
			break
		}
	}
	return drop, add, comments
}
