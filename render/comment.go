package render

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/ops"
)

// objectCommentCode writes a comment-only change of an index
// (op.SetIndexComment), a constraint (op.SetConstraintComment) or the
// primary key (op.SetPrimaryKeyComment).
func objectCommentCode(o ops.SetObjectComment) (jen.Code, error) {
	method := "SetConstraintComment"
	switch o.Object {
	case ops.CommentIndex:
		method = "SetIndexComment"
	case ops.CommentConstraint:
	case ops.CommentPrimaryKey:
		method = "SetPrimaryKeyComment"
	default:
		return nil, fmt.Errorf("%w: comment on %s %s: no object kind", ErrInexact, o.Table, o.Name)
	}
	return opIn(o.Schema).Dot(method).Call(lit(o.Table), lit(o.Name), lit(o.From), lit(o.To)), nil
}
