package postgres

import "github.com/retortdb/retort/model"

// excludeClause is CONSTRAINT name EXCLUDE def, for CREATE TABLE and ADD.
func excludeClause(x model.Exclude) string {
	return constraintName(x.Name) + "EXCLUDE " + x.Def
}
