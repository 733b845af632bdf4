package load

import (
	"fmt"

	"github.com/retortdb/retort/model"
)

// conflicts reads a field's SQLite key options: notnull_onconflict=,
// pk_onconflict=, pk_desc and unique_onconflict= (see
// [model.ConflictAction] and [model.PrimaryKey].Desc). Each needs the
// constraint it qualifies on the same field (notnull, pk, unique).
func (ml *modelLoader) conflicts(name string, set map[string]option, col *model.Column, report func(error)) bool {
	ok := true
	action := func(key string) (model.ConflictAction, bool) {
		o, has := set[key]
		if !has {
			return model.ConflictDefault, false
		}
		a, valid := model.ParseConflictAction(o.value)
		if !valid || a == model.ConflictDefault {
			report(fmt.Errorf("%w: %s: want rollback, abort, fail, ignore or replace", ErrBadTag, o))
			ok = false
			return model.ConflictDefault, false
		}
		return a, true
	}
	_, isPK := set["pk"]
	if a, has := action("notnull_onconflict"); has {
		if col.Nullable {
			report(fmt.Errorf("%w: %s needs a NOT NULL column (notnull, or a field that is not a pointer)", ErrBadTag, set["notnull_onconflict"]))
			ok = false
		}
		col.NotNullOnConflict = a
	}
	if a, has := action("pk_onconflict"); has {
		switch {
		case !isPK:
			report(fmt.Errorf("%w: %s needs pk", ErrBadTag, set["pk_onconflict"]))
			ok = false
		case ml.pkConflict != model.ConflictDefault && ml.pkConflict != a:
			report(fmt.Errorf("%w: %s: another key field gives pk_onconflict=%s", ErrConflictingOptions, set["pk_onconflict"], ml.pkConflict))
			ok = false
		default:
			ml.pkConflict = a
		}
	}
	if _, has := set["pk_desc"]; has {
		if !isPK {
			report(fmt.Errorf("%w: pk_desc needs pk", ErrBadTag))
			ok = false
		} else {
			ml.pkDesc = append(ml.pkDesc, name)
		}
	}
	if a, has := action("unique_onconflict"); has {
		u, isUnique := set["unique"]
		g := ml.groups[uniqueGroupName(ml, name, u)]
		switch {
		case !isUnique || g == nil:
			report(fmt.Errorf("%w: %s needs unique or unique=NAME", ErrBadTag, set["unique_onconflict"]))
			ok = false
		case g.conflict != model.ConflictDefault && g.conflict != a:
			report(fmt.Errorf("%w: %s: another field of unique %s gives unique_onconflict=%s", ErrConflictingOptions, set["unique_onconflict"], g.name, g.conflict))
			ok = false
		default:
			g.conflict = a
		}
	}
	return ok
}

// uniqueGroupName is the name of the unique constraint a field's unique
// option adds the column to (as addGroup names it).
func uniqueGroupName(ml *modelLoader, col string, o option) string {
	if !o.hasValue {
		return model.UniqueName(ml.table.Name, col)
	}
	return o.value
}
