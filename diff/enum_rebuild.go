package diff

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// rebuildSuffix names an enum type while it is rebuilt.
const rebuildSuffix = "__retort_old"

// rebuildEnums handles enum types whose values were removed or reordered,
// which PostgreSQL cannot change in place. Each such type is renamed aside
// (RenameEnum mood -> mood__retort_old), and the current side is rewritten
// as it will be after that rename: the enum and every column of that type
// carry the old name. The rest of the comparison then does the rebuild by
// itself: CreateEnum of the new type, AlterColumn of each column to it
// (converted through text), and DropEnum of the old one once no target
// column uses it; the reverse of that list is a valid downgrade. A row
// holding a removed value makes the conversion fail, and the migration
// rolls back.
//
// It returns the current enums and tables to compare with, and the rename
// ops that come first. The inputs are not modified.
func (c *comparer) rebuildEnums(cur, tgt []model.Enum, tables []*model.Table) ([]model.Enum, []*model.Table, []ops.Op) {
	var renames []ops.Op
	var outEnums []model.Enum
	for _, e := range cur {
		te, ok := findEnum(tgt, e.Schema, e.Name)
		if !ok || keepsOrder(e.Values, te.Values) {
			outEnums = append(outEnums, e)
			continue
		}
		old := model.Truncate(e.Name + rebuildSuffix)
		renames = append(renames, ops.RenameEnum{Schema: e.Schema, From: e.Name, To: old})
		renamed := e
		renamed.Name = old
		outEnums = append(outEnums, renamed)
		tables = c.retypeEnumColumns(tables, e, old)
	}
	if len(renames) == 0 {
		return cur, tables, nil
	}
	return outEnums, tables, renames
}

// retypeEnumColumns returns tables with every column of enum e typed as
// the enum's new name; changed tables are copies.
func (c *comparer) retypeEnumColumns(tables []*model.Table, e model.Enum, name string) []*model.Table {
	out := make([]*model.Table, len(tables))
	for i, t := range tables {
		out[i] = t
		for j, col := range t.Columns {
			qualified, ok := c.usesEnum(t, col, e)
			if !ok {
				continue
			}
			if out[i] == t {
				cp := *t
				cp.Columns = append([]model.Column(nil), t.Columns...)
				out[i] = &cp
			}
			typ := c.d.QuoteIdent(name)
			if qualified {
				typ = c.d.QuoteIdent(e.Schema) + "." + typ
			}
			// A reflected default casts to the type by name ('sad'::mood):
			// after the rename it names the old type too.
			if was := strings.TrimSpace(col.Type.SQL); was != "" && strings.HasSuffix(col.Default, "::"+was) {
				out[i].Columns[j].Default = strings.TrimSuffix(col.Default, was) + typ
			}
			out[i].Columns[j].Type.SQL = typ
			if col.Type.Enum != "" {
				out[i].Columns[j].Type.Enum = name
			}
		}
	}
	return out
}

// usesEnum reports whether a reflected column is of enum type e (its type
// names e bare, in e's schema, or schema-qualified), and whether the type
// text is schema-qualified.
func (c *comparer) usesEnum(t *model.Table, col model.Column, e model.Enum) (qualified, ok bool) {
	bare := []string{e.Name, c.d.QuoteIdent(e.Name)}
	full := []string{e.Schema + "." + e.Name, c.d.QuoteIdent(e.Schema) + "." + c.d.QuoteIdent(e.Name)}
	for _, name := range []string{col.Type.Enum, strings.TrimSpace(col.Type.SQL)} {
		switch {
		case name == "":
		case e.Schema != "" && slices.Contains(full, name):
			return true, true
		case t.Schema == e.Schema && slices.Contains(bare, name):
			return false, true
		}
	}
	return false, false
}

// keepsOrder reports whether to holds every value of from, in from's order.
func keepsOrder(from, to []string) bool {
	k := 0
	for _, v := range to {
		if k < len(from) && v == from[k] {
			k++
		}
	}
	return k == len(from)
}
