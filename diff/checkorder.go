package diff

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// CheckOrderUnkept returns the tables of target, present in current too
// (same schema and name, or renamed by list), whose table-level checks
// the server would list in another order than target's after list (the
// ops [Compare] returned for current and target), on a dialect whose
// catalog keeps checks in the order they were added
// ([dialect.DeclarationOrder], MariaDB). There ADD CONSTRAINT appends a
// check, also one dropped and added again to change it, and a check
// retort keeps stays where it is (changing or renaming a column, or
// renaming the table, moves none); retort never drops and adds a check to
// move it. Check order is then an attribute retort does not compare:
// callers name these tables as not compared, and they are not drift.
//
// Only table-level checks are compared (a column-level check, one with a
// Column, is printed in its column's definition, not among the CONSTRAINT
// lines), only those present on both sides after list, by name, and only
// when both schemas list checks in the server's order
// ([model.Schema.ServerOrder]): against a model loaded from Go struct
// tags it returns nil, as it does on other dialects.
func CheckOrderUnkept(d dialect.Dialect, current, target model.Schema, list []ops.Op) []*model.Table {
	k, ok := d.(dialect.DeclarationOrder)
	if !ok || !k.KeepsDeclarationOrder() || !current.ServerOrder || !target.ServerOrder {
		return nil
	}
	names := func(t *model.Table) []string {
		var out []string
		for _, c := range t.Checks {
			if c.Column == "" {
				out = append(out, c.Name)
			}
		}
		return out
	}
	return orderUnkept(current, target, list, nil, names)
}
