package load

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// bunRelation is a bun rel: field, resolved once every model is read.
type bunRelation struct {
	ml  *modelLoader
	ref fieldRef
	// kind is belongs-to, has-one or has-many.
	kind string
	// target is the related struct type.
	target reflect.Type
	// base and join are join:'s column pairs (base=join), empty when
	// bun derives them.
	base, join []string
	// onDelete and onUpdate are on_delete: and on_update:.
	onDelete, onUpdate string
}

// bunRelation records a rel: field; m2m: fields add nothing (their join
// table is a model of its own).
func (ml *modelLoader) bunRelation(f fieldRef, kind string, opts []option) {
	switch kind {
	case "belongs-to", "has-one", "has-many":
	default:
		ml.fieldErr(f, fmt.Errorf("%w: rel:%s; want belongs-to, has-one or has-many", ErrBadTag, kind))
		return
	}
	t := f.sf.Type
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	r := bunRelation{ml: ml, ref: f, kind: kind, target: t}
	for _, o := range opts {
		switch o.key {
		case "join":
			b, j, ok := strings.Cut(o.value, "=")
			if !ok || strings.TrimSpace(b) == "" || strings.TrimSpace(j) == "" {
				ml.fieldErr(f, fmt.Errorf("%w: join:%s; want join:base_column=join_column", ErrBadTag, o.value))
				return
			}
			r.base = append(r.base, strings.TrimSpace(b))
			r.join = append(r.join, strings.TrimSpace(j))
		case "on_delete", "on_update":
			if kind != "belongs-to" {
				ml.warn(f, fmt.Sprintf("bun reads %s only on rel:belongs-to; it creates this rel:%s key without it (retort ignores it too)", o.key, kind))
				continue
			}
			if o.key == "on_delete" {
				r.onDelete = o.value
			} else {
				r.onUpdate = o.value
			}
		}
	}
	st := ml.l.famState()
	st.bunRels = append(st.bunRels, r)
}

// resolveBunRelations turns belongs-to and has-one relations into the
// foreign keys bun's CreateTable(...).WithForeignKeys() writes:
//
//   - the key's columns are join:'s base columns on the model's own
//     table, referencing the join columns of the related model's table;
//     without join:, a belongs-to takes the target's primary key columns,
//     each found on the model as <field>_<pk> or else <pk>, and a has-one
//     takes the model's own primary key (so writes no key);
//   - bun writes the key only when none of its columns is in the model's
//     primary key, or all are and the model is an m2m join table (a table
//     some model names in m2m:);
//   - on_delete: and on_update: give a belongs-to's actions (bun writes
//     NO ACTION otherwise); bun ignores them on has-one (a warning);
//   - has-many and m2m relations write no key on the model's table.
//
// The related model must be one of the models (bun references its table).
func (l *loader) resolveBunRelations(s *model.Schema) {
	if l.fam == nil || len(l.fam.bunRels) == 0 {
		return
	}
	m2m := l.bunM2MTables()
	for i := range l.fam.bunRels {
		r := &l.fam.bunRels[i]
		if r.ml.failed || r.kind == "has-many" {
			continue
		}
		own := l.fam.byType[r.ml.typ]
		if own == nil {
			continue
		}
		tgt := l.fam.byType[r.target]
		if tgt == nil || !tgt.loaded {
			if r.kind == "belongs-to" || len(r.base) > 0 {
				r.ml.fieldErr(r.ref, fmt.Errorf("%w: %s (rel:%s %s); list it among the models (bun references its table)", ErrNotAModel, r.target, r.kind, r.ref.sf.Name))
			}
			continue
		}
		ti := slices.IndexFunc(s.Tables, func(t model.Table) bool { return t.Schema == own.schema && t.Name == own.table })
		ri := slices.IndexFunc(s.Tables, func(t model.Table) bool { return t.Schema == tgt.schema && t.Name == tgt.table })
		if ti < 0 || ri < 0 {
			continue
		}
		t, rt := &s.Tables[ti], &s.Tables[ri]
		base, join := r.base, r.join
		if len(base) == 0 {
			base, join = r.derive(t, rt)
			if base == nil {
				continue
			}
		}
		if !r.check(t, base) || !r.check(rt, join) {
			continue
		}
		inPK := 0
		for _, c := range base {
			if slices.Contains(t.PrimaryKey.Columns, c) {
				inPK++
			}
		}
		if inPK > 0 && (inPK < len(base) || !m2m[t.Name]) {
			continue
		}
		// bun names no key: the server does (so does retort's dialect).
		fk := model.ForeignKey{Columns: base, RefTable: rt.Name, RefColumns: join}
		if rt.Schema != t.Schema {
			fk.RefSchema = rt.Schema
		}
		var ok bool
		if fk.OnDelete, ok = r.action("on_delete", r.onDelete); !ok {
			continue
		}
		if fk.OnUpdate, ok = r.action("on_update", r.onUpdate); !ok {
			continue
		}
		if slices.ContainsFunc(t.ForeignKeys, func(f model.ForeignKey) bool {
			return slices.Equal(f.Columns, fk.Columns) && fkTarget(f) == fkTarget(fk)
		}) {
			r.ml.warn(r.ref, fmt.Sprintf("rel:%s %s describes a key another relation of %s already gives; bun creates it twice", r.kind, r.ref.sf.Name, t.QualifiedName()))
			continue
		}
		t.ForeignKeys = append(t.ForeignKeys, fk)
		slices.SortStableFunc(t.ForeignKeys, func(a, b model.ForeignKey) int {
			return cmp.Or(slices.Compare(a.Columns, b.Columns), cmp.Compare(fkTarget(a), fkTarget(b)))
		})
	}
}

// derive finds the key columns bun uses without join:.
func (r *bunRelation) derive(t, rt *model.Table) (base, join []string) {
	if r.kind != "belongs-to" {
		return nil, nil // has-one on the model's own primary key: no key
	}
	prefix := model.SnakeCase(r.ref.sf.Name) + "_"
	for _, pk := range rt.PrimaryKey.Columns {
		switch {
		case hasColumn(t, prefix+pk):
			base = append(base, prefix+pk)
		case hasColumn(t, pk):
			base = append(base, pk)
		default:
			r.ml.fieldErr(r.ref, fmt.Errorf("%w %q for rel:belongs-to %s; add the column or write join:column=%s", ErrUnknownColumn, prefix+pk, r.ref.sf.Name, pk))
			return nil, nil
		}
		join = append(join, pk)
	}
	return base, join
}

// check reports join: columns missing from a table.
func (r *bunRelation) check(t *model.Table, cols []string) bool {
	for _, c := range cols {
		if !hasColumn(t, c) {
			r.ml.fieldErr(r.ref, fmt.Errorf("%w %q in table %s (rel:%s %s)", ErrUnknownColumn, c, t.QualifiedName(), r.kind, r.ref.sf.Name))
			return false
		}
	}
	return true
}

// action reads on_delete: or on_update:.
func (r *bunRelation) action(key, v string) (model.ReferenceAction, bool) {
	if v == "" {
		// bun's CREATE TABLE writes ON DELETE / ON UPDATE NO ACTION for a
		// belongs-to or m2m key whose tag names no action (a has-one key
		// gets no clause); MariaDB keeps that apart from no clause.
		if r.kind == "has-one" {
			return model.NoAction, true
		}
		return model.NoActionWritten, true
	}
	a, ok := model.ParseReferenceAction(v)
	if !ok {
		r.ml.fieldErr(r.ref, fmt.Errorf("%w: %s:%s; want CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION", ErrBadTag, key, v))
	}
	return a, ok
}

// bunM2MTables are the tables bun models name in m2m:.
func (l *loader) bunM2MTables() map[string]bool {
	out := map[string]bool{}
	for _, info := range l.fam.byType {
		if info.typ == nil {
			continue
		}
		collectBunM2M(info.typ, out, nil)
	}
	return out
}

// collectBunM2M adds the m2m: tables of t's fields (and its embedded
// structs') to out.
func collectBunM2M(t reflect.Type, out map[string]bool, stack []reflect.Type) {
	for i := range t.NumField() {
		sf := t.Field(i)
		_, opts, err := parseBunTag(sf.Tag.Get("bun"))
		if err != nil {
			continue
		}
		if o, ok := bunOpt(opts, "m2m"); ok && o.value != "" {
			out[unquoteSQL(o.value)] = true
		}
		et := sf.Type
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		if sf.Anonymous && et.Kind() == reflect.Struct && !slices.Contains(stack, et) {
			collectBunM2M(et, out, append(stack, et))
		}
	}
}

// hasColumn reports whether t has the column.
func hasColumn(t *model.Table, name string) bool {
	_, ok := t.Column(name)
	return ok
}
