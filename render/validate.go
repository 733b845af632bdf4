package render

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/retortdb/retort/ops"
)

// validateCode renders op.ValidateForeignKey(...) with the key's chained
// aspects, or op.ValidateCheck(name, table, expr).
func validateCode(o ops.ValidateConstraint) (jen.Code, error) {
	switch {
	case o.ForeignKey != nil:
		fk := *o.ForeignKey
		fk.NotValid = false // ValidateForeignKey records it NOT VALID
		return foreignKeyCode(opIn(o.Schema).Dot("ValidateForeignKey"), o.Table, fk), nil
	case o.Check != nil:
		if o.Check.NoInherit || o.Check.Comment != "" {
			return nil, fmt.Errorf("%w: check %s has NO INHERIT or a comment, which ValidateCheck does not record yet", ErrInexact, o.Check.Name)
		}
		return opIn(o.Schema).Dot("ValidateCheck").Call(lit(o.Check.Name), lit(o.Table), lit(o.Check.Expr)), nil
	}
	return nil, fmt.Errorf("%w: ValidateConstraint on %s names neither a check nor a foreign key", ErrInexact, o.Table)
}
