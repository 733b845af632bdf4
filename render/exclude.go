package render

import (
	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
)

// excludeCode writes an exclusion constraint: call (op.Exclude,
// op.AddExclude or op.DropExclude) with args, the definition and a chained
// Comment when it has one.
func excludeCode(call *jen.Statement, args []jen.Code, x model.Exclude) jen.Code {
	s := call.Call(append(args, lit(x.Def))...)
	if x.Comment != "" {
		s = s.Dot("Comment").Call(lit(x.Comment))
	}
	return s
}

// extensionCode writes op.CreateExtension or op.DropExtension, in the
// extension's schema when it names one (its version is not recorded: it
// is not compared).
func extensionCode(method string, e model.Extension) jen.Code {
	return opIn(e.Schema).Dot(method).Call(lit(e.Name))
}
