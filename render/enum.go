package render

import (
	"github.com/dave/jennifer/jen"
	"github.com/retortdb/retort/model"
)

// enumCode renders call(name, values...) and a chained .Comment(text) for
// an enum type with a comment.
func enumCode(call *jen.Statement, e model.Enum) jen.Code {
	s := call.Call(litList(lit(e.Name), e.Values)...)
	if e.Comment != "" {
		s.Dot("Comment").Call(lit(e.Comment))
	}
	return s
}
