package modelgen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// conflictOptions writes a column's SQLite key options: the ON CONFLICT
// clause of its NOT NULL (notnull_onconflict=), and on a key column
// pk_desc when it descends and, on the key's first column, the key's ON
// CONFLICT clause (pk_onconflict=).
func (tg *tableGen) conflictOptions(c model.Column, pk bool) []string {
	var out []string
	if !c.Nullable && c.NotNullOnConflict != model.ConflictDefault {
		out = append(out, "notnull_onconflict="+strings.ToLower(c.NotNullOnConflict.String()))
	}
	if !pk {
		return out
	}
	key := tg.t.PrimaryKey
	if slices.ContainsFunc(key.Desc, func(d string) bool { return strings.EqualFold(d, c.Name) }) {
		out = append(out, "pk_desc")
	}
	if key.OnConflict != model.ConflictDefault && key.Columns[0] == c.Name {
		out = append(out, "pk_onconflict="+strings.ToLower(key.OnConflict.String()))
	}
	return out
}
