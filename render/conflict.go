package render

import (
	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
)

// conflictNames are the model constants of the conflict actions.
var conflictNames = [...]string{
	model.ConflictDefault: "ConflictDefault", model.ConflictRollback: "ConflictRollback",
	model.ConflictAbort: "ConflictAbort", model.ConflictFail: "ConflictFail",
	model.ConflictIgnore: "ConflictIgnore", model.ConflictReplace: "ConflictReplace",
}

// conflictCode renders a model.ConflictAction constant.
func conflictCode(a model.ConflictAction) jen.Code {
	if a >= 0 && int(a) < len(conflictNames) {
		return jen.Qual(modelPath, conflictNames[a])
	}
	return jen.Qual(modelPath, "ConflictAction").Call(jen.Lit(int(a)))
}

// primaryKeySQLite chains a key's SQLite aspects: .OnConflict(action) and
// .Desc(cols...).
func primaryKeySQLite(s *jen.Statement, pk model.PrimaryKey) {
	if pk.OnConflict != model.ConflictDefault {
		s.Dot("OnConflict").Call(conflictCode(pk.OnConflict))
	}
	if len(pk.Desc) > 0 {
		s.Dot("Desc").Call(litList(lit(pk.Desc[0]), pk.Desc[1:])...)
	}
}

// uniqueSQLite chains a unique constraint's .OnConflict(action).
func uniqueSQLite(s *jen.Statement, u model.Unique) {
	if u.OnConflict != model.ConflictDefault {
		s.Dot("OnConflict").Call(conflictCode(u.OnConflict))
	}
}
