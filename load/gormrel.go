package load

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
	"github.com/retortdb/retort/model"
)

// resolveRelations turns the GORM relation fields of every model into
// foreign keys, by GORM's rules:
//
//   - a slice field (Orders []Order) is has-many: the foreign key is on the
//     element's table, in the field foreignKey: names there, by default
//     the owner's type name + its primary key field (UserID), referencing
//     the owner's primary key (or references:);
//   - a struct field (User User, Manager *User) is has-one when the field's
//     type has such a foreign key field (the owner's type name + primary
//     key), else belongs-to: the foreign key is on the owner's table, in
//     the field foreignKey: names, by default the field name + the
//     target's primary key field (UserID, ManagerID), referencing the
//     target's primary key (or references:); a self-reference tries
//     belongs-to first;
//   - the key is named fk_<owner table>_<field in snake_case>
//     (fk_orders_user, fk_users_orders), with constraint:'s actions;
//     constraint:- creates none;
//   - when a belongs-to and a has-one/has-many describe the same key, the
//     has- side's is kept, as GORM skips the belongs-to constraint then.
//
// The target of a belongs-to must be one of the models (AutoMigrate would
// create its table; retort asks for it to be listed); a has- relation to
// a type that is not a model creates nothing, as AutoMigrate of the owner
// alone creates nothing.
func (l *loader) resolveRelations(s *model.Schema) {
	if l.fam == nil || len(l.fam.rels) == 0 {
		return
	}
	type placed struct {
		table [2]string
		fk    model.ForeignKey
		has   bool
		r     *gormRelation
	}
	var out []placed
	o := l.opts.GORM
	for i := range l.fam.rels {
		r := &l.fam.rels[i]
		if r.ml.failed || r.many2many != "" {
			continue
		}
		own := l.fam.byType[r.ml.typ]
		tgt := l.describeType(r.target)
		if own == nil || tgt == nil {
			continue
		}
		fk, onTable, has, err := r.resolve(own, tgt)
		if err != nil {
			r.ml.fieldErr(r.ref, err)
			continue
		}
		// The foreign key fields take the referenced key's GORM type, as
		// GORM's relation parsing gives them, constraint or not.
		fkInfo, refInfo := own, tgt
		if has {
			fkInfo, refInfo = tgt, own
		}
		inheritGORMTypes(fkInfo, fk.Columns, refInfo, fk.RefColumns)
		if o.DisableForeignKeyConstraintWhenMigrating {
			continue
		}
		if !has && !tgt.loaded && !r.noConstraint {
			r.ml.fieldErr(r.ref, fmt.Errorf("%w: %s (belongs-to %s); list it among the models (AutoMigrate would create its table) or write constraint:-", ErrNotAModel, r.target, r.ref.sf.Name))
			continue
		}
		if r.noConstraint || (has && !tgt.loaded) {
			continue
		}
		out = append(out, placed{onTable, fk, has, r})
	}
	// A has- relation wins over a belongs-to describing the same key.
	key := func(p placed) string {
		return p.table[0] + "." + p.table[1] + "(" + strings.Join(p.fk.Columns, ",") + ")>" + fkTarget(p.fk)
	}
	keep := map[string]int{}
	for i, p := range out {
		k := key(p)
		if j, dup := keep[k]; !dup || (p.has && !out[j].has) {
			keep[k] = i
		}
	}
	for i, p := range out {
		if keep[key(p)] != i {
			continue
		}
		ti := slices.IndexFunc(s.Tables, func(t model.Table) bool { return t.Schema == p.table[0] && t.Name == p.table[1] })
		if ti < 0 {
			continue
		}
		t := &s.Tables[ti]
		if slices.ContainsFunc(t.ForeignKeys, func(f model.ForeignKey) bool { return f.Name == p.fk.Name }) ||
			slices.ContainsFunc(t.Indexes, func(x model.Index) bool { return x.Name == p.fk.Name }) {
			p.r.ml.fieldErr(p.r.ref, fmt.Errorf("%w %q in table %s", ErrDuplicateName, p.fk.Name, t.QualifiedName()))
			continue
		}
		t.ForeignKeys = append(t.ForeignKeys, p.fk)
		slices.SortStableFunc(t.ForeignKeys, func(a, b model.ForeignKey) int { return cmp.Compare(a.Name, b.Name) })
	}
}

// resolve finds a relation's foreign key and the table it belongs on.
func (r *gormRelation) resolve(own, tgt *typeInfo) (model.ForeignKey, [2]string, bool, error) {
	name := gormName(r.ml.l.opts.GORM.identMax(), "fk", own.table, gormDBName(r.ref.sf.Name))
	if r.name != "" {
		name = r.name
	}
	belongs := func() (model.ForeignKey, bool, error) {
		fkCols, err := lookupFields(own, r.foreignKey, r.ref.sf.Name, tgt.pkFields)
		if err != nil || fkCols == nil {
			return model.ForeignKey{}, false, err
		}
		refCols, err := lookupFields(tgt, r.references, "", tgt.pkFields)
		if err != nil {
			return model.ForeignKey{}, false, err
		}
		return model.ForeignKey{Name: name, Columns: fkCols, RefSchema: tgt.schema, RefTable: tgt.table, RefColumns: refCols, OnDelete: r.onDelete, OnUpdate: r.onUpdate}, true, nil
	}
	hasOne := func() (model.ForeignKey, bool, error) {
		fkCols, err := lookupFields(tgt, r.foreignKey, own.name, own.pkFields)
		if err != nil || fkCols == nil {
			return model.ForeignKey{}, false, err
		}
		refCols, err := lookupFields(own, r.references, "", own.pkFields)
		if err != nil {
			return model.ForeignKey{}, false, err
		}
		return model.ForeignKey{Name: name, Columns: fkCols, RefSchema: own.schema, RefTable: own.table, RefColumns: refCols, OnDelete: r.onDelete, OnUpdate: r.onUpdate}, true, nil
	}
	ownTable, tgtTable := [2]string{own.schema, own.table}, [2]string{tgt.schema, tgt.table}
	if r.many {
		fk, ok, err := hasOne()
		if err == nil && !ok {
			err = r.missing(tgt, own.name, own.pkFields, "has many")
		}
		return fk, tgtTable, true, err
	}
	order := []bool{true, false} // has-one first
	if r.target == r.ml.typ {
		order = []bool{false, true}
	}
	for _, tryHas := range order {
		var fk model.ForeignKey
		var ok bool
		var err error
		if tryHas {
			fk, ok, err = hasOne()
		} else {
			fk, ok, err = belongs()
		}
		if ok && err == nil {
			if tryHas {
				return fk, tgtTable, true, nil
			}
			return fk, ownTable, false, nil
		}
	}
	if r.foreignKey != "" {
		return model.ForeignKey{}, [2]string{}, false, fmt.Errorf("%w: foreignKey:%s names no field of %s (belongs to) or %s (has one)", ErrUnknownColumn, r.foreignKey, r.ml.typeName, r.target)
	}
	if r.references != "" {
		return model.ForeignKey{}, [2]string{}, false, fmt.Errorf("%w: references:%s names no field of %s or %s", ErrUnknownColumn, r.references, r.ml.typeName, r.target)
	}
	return model.ForeignKey{}, [2]string{}, false, fmt.Errorf("%w: relation %s: %s has no field %s (belongs to) and %s has no field %s (has one); name the foreign key field with foreignKey:FIELD",
		ErrUnknownColumn, r.ref.sf.Name, r.ml.typeName, r.ref.sf.Name+strings.Join(tgt.pkFields, ""), r.target, own.name+strings.Join(own.pkFields, ""))
}

// missing explains a has-many whose foreign key field is not found.
func (r *gormRelation) missing(tgt *typeInfo, ownName string, pk []string, kind string) error {
	if r.foreignKey != "" {
		return fmt.Errorf("%w: foreignKey:%s names no field of %s (%s)%s", ErrUnknownColumn, r.foreignKey, r.target, kind, suggestField(tgt, r.foreignKey))
	}
	if r.references != "" {
		return fmt.Errorf("%w: references:%s names no field of %s", ErrUnknownColumn, r.references, r.ml.typeName)
	}
	want := ownName + strings.Join(pk, "")
	return fmt.Errorf("%w: relation %s (%s): %s has no field %s; name the foreign key field with foreignKey:FIELD%s", ErrUnknownColumn, r.ref.sf.Name, kind, r.target, want, suggestField(tgt, want))
}

// suggestField proposes a field of t close to name.
func suggestField(t *typeInfo, name string) string {
	var names []string
	for n := range t.fieldCol {
		if !strings.Contains(n, ".") {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	if s, ok := suggest.Closest(name, names); ok {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// lookupFields returns the columns of the named fields of t: the
// comma-separated names in tag (Go field or column names), or, when tag is
// empty, the fields prefix+pk for each primary key field (with prefix
// empty: the primary key itself). It returns nil, nil when a default field
// is missing, and an error when a named field is.
func lookupFields(t *typeInfo, tag, prefix string, pk []string) ([]string, error) {
	col := func(n string) (string, bool) {
		if c, ok := t.fieldCol[n]; ok {
			return c, true
		}
		for _, c := range t.fieldCol {
			if c == n {
				return c, true
			}
		}
		return "", false
	}
	var cols []string
	if tag != "" {
		for _, n := range strings.Split(tag, ",") {
			c, ok := col(strings.TrimSpace(n))
			if !ok {
				return nil, nil
			}
			cols = append(cols, c)
		}
		return cols, nil
	}
	if len(pk) == 0 {
		return nil, nil
	}
	for _, p := range pk {
		c, ok := col(prefix + p)
		if !ok {
			return nil, nil
		}
		cols = append(cols, c)
	}
	return cols, nil
}

// describeType returns what is known of a relation's target type: the
// loaded model's facts, or those of the type read on the side with GORM's
// conventions (it is not added to the schema).
func (l *loader) describeType(t reflect.Type) *typeInfo {
	if info, ok := l.fam.byType[t]; ok {
		return info
	}
	scratch := &loader{opts: l.opts, enumIdx: map[string]int{}}
	ml := &modelLoader{l: scratch, typ: t, typeName: t.String(), colRef: map[string]fieldRef{}, groups: map[string]*group{}}
	ml.loadGORM(reflect.New(t).Elem())
	info := scratch.famState().byType[t]
	if info == nil {
		return nil
	}
	info.loaded = false
	l.fam.byType[t] = info
	return info
}

// inheritGORMTypes gives foreign key columns their referenced columns'
// GORM types, as GORM's relation parsing does: the data type (unless it
// spells auto_increment or primary key), the GORM data type, and the size
// when the foreign key field has none.
func inheritGORMTypes(fkInfo *typeInfo, fkCols []string, refInfo *typeInfo, refCols []string) {
	for i, c := range fkCols {
		if i >= len(refCols) {
			return
		}
		fc, ok1 := fkInfo.gormCols[c]
		rc, ok2 := refInfo.gormCols[refCols[i]]
		if !ok1 || !ok2 {
			continue
		}
		if low := strings.ToLower(rc.gt.kind); !strings.Contains(low, "auto_increment") && !strings.Contains(low, "primary key") {
			fc.gt.kind = rc.gt.kind
		}
		fc.gt.gormKind = rc.gt.gormKind
		if fc.gt.size == 0 {
			fc.gt.size = rc.gt.size
		}
	}
}
