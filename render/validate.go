package render

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/retortdb/retort/ops"
)

// validateCode renders op.ValidateForeignKey(...) or
// op.ValidateCheck(name, table, expr) with the constraint's chained
// aspects. The constraint is NOT VALID until the op runs: one that is not
// is no ValidateConstraint a revision states.
func validateCode(o ops.ValidateConstraint) (jen.Code, error) {
	if (o.ForeignKey != nil && !o.ForeignKey.NotValid) || (o.Check != nil && !o.Check.NotValid) {
		return nil, fmt.Errorf("%w: ValidateConstraint on %s of a constraint that is not NOT VALID", ErrInexact, o.Table)
	}
	switch {
	case o.ForeignKey != nil:
		fk := *o.ForeignKey
		fk.NotValid = false // ValidateForeignKey records it NOT VALID
		return foreignKeyCode(opIn(o.Schema).Dot("ValidateForeignKey"), o.Table, fk), nil
	case o.Check != nil:
		if o.Check.Column != "" {
			return nil, fmt.Errorf("%w: check %s is column-level, which PostgreSQL's VALIDATE CONSTRAINT never meets", ErrInexact, o.Check.Name)
		}
		ck := *o.Check
		ck.NotValid = false // ValidateCheck records it NOT VALID
		return checkCode(opIn(o.Schema).Dot("ValidateCheck"), o.Table, ck), nil
	}
	return nil, fmt.Errorf("%w: ValidateConstraint on %s names neither a check nor a foreign key", ErrInexact, o.Table)
}
