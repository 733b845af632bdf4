package load

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// ErrMixedFamilies: one struct uses two tag families (a gorm tag on one
// field, a bun or db tag on another, or gorm and bun on one field).
var ErrMixedFamilies = errors.New("mixed tag families")

// ErrNotAModel: a GORM belongs-to relation points to a struct that is not
// one of the models given to [Models].
var ErrNotAModel = errors.New("relation target is not a model")

// familyState is what [Models] keeps across GORM and bun models: the
// relations to resolve once every model is read, and what is known of
// each struct type.
type familyState struct {
	rels    []gormRelation
	bunRels []bunRelation
	byType  map[reflect.Type]*typeInfo
}

// typeInfo is what a relation needs to know of a struct type: its table,
// the column of each Go field (by dotted Go path and by plain name) and
// its primary key fields.
type typeInfo struct {
	name     string
	schema   string
	table    string
	fieldCol map[string]string
	pkFields []string
	// pkCols are the primary key's columns, in order.
	pkCols []string
	// gormCols are a GORM model's column type facts, by column.
	gormCols map[string]*gormCol
	// typ is the struct type.
	typ    reflect.Type
	loaded bool // the type is one of the models given to Models
}

// famField is one field of a GORM or bun model.
type famField struct {
	ref fieldRef
	// prefix is prepended to the column name (embeddedPrefix:, embed:).
	prefix string
	// inModel marks a field of an embedded gorm.Model-shaped struct.
	inModel bool
}

// isGORMModel reports whether an embedded struct type is gorm.Model: the
// type gorm.io/gorm.Model, or any struct named Model whose fields include
// ID, CreatedAt, UpdatedAt and DeletedAt (the same shape).
func isGORMModel(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.Name() != "Model" {
		return false
	}
	if t.PkgPath() == "gorm.io/gorm" {
		return true
	}
	for _, n := range []string{"ID", "CreatedAt", "UpdatedAt", "DeletedAt"} {
		if _, ok := t.FieldByName(n); !ok {
			return false
		}
	}
	// A mixin of that shape written with db or bun tags is not gorm.Model.
	for i := range t.NumField() {
		tag := t.Field(i).Tag
		if _, ok := tag.Lookup("db"); ok {
			return false
		}
		if _, ok := tag.Lookup("bun"); ok {
			return false
		}
	}
	return true
}

// isBunBaseModel reports whether an embedded field is bun.BaseModel: an
// empty struct type named BaseModel (as bun's is), or any embedded field
// whose bun tag holds table:. A BaseModel mixin with fields is not.
func isBunBaseModel(sf reflect.StructField) bool {
	if !sf.Anonymous {
		return false
	}
	if t := sf.Type; sf.Name == "BaseModel" && t.Kind() == reflect.Struct && t.NumField() == 0 {
		return true
	}
	tag, ok := sf.Tag.Lookup("bun")
	return ok && strings.Contains(tag, "table:")
}

// isDeletedAt reports whether t is gorm.DeletedAt or a type of its shape:
// a struct type named DeletedAt with fields Time time.Time and Valid bool
// (sql.NullTime's shape).
func isDeletedAt(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Name() != "DeletedAt" || t.NumField() != 2 {
		return false
	}
	tm, ok1 := t.FieldByName("Time")
	v, ok2 := t.FieldByName("Valid")
	return ok1 && ok2 && tm.Type == timeType && v.Type.Kind() == reflect.Bool
}

// familyMark is the first field that showed a family.
type familyMark struct {
	fam  model.Family
	path string
	what string // "a gorm tag", "gorm.Model", ...
}

// detectFamily finds the struct's tag family from its fields, through
// embedded structs. A field with both gorm and bun tags, or fields of two
// families, is an [ErrMixedFamilies] error naming the field. A db tag next
// to a gorm or bun tag on the same field does not count as db: the field
// is gorm's (or bun's), and the db tag may only repeat the column name.
func (ml *modelLoader) detectFamily() (model.Family, bool) {
	var first *familyMark
	ok := true
	var walk func(t reflect.Type, prefix string, stack []reflect.Type)
	mark := func(ref fieldRef, fam model.Family, what string) {
		if first == nil {
			first = &familyMark{fam, ref.path, what}
			return
		}
		if first.fam != fam {
			ok = false
			ml.fieldErr(ref, fmt.Errorf("%w: %s has %s but %s has %s; a model uses one of db, gorm and bun (a db tag may sit next to a gorm or bun tag on the same field)",
				ErrMixedFamilies, ref.path, what, first.path, first.what))
		}
	}
	walk = func(t reflect.Type, prefix string, stack []reflect.Type) {
		for i := range t.NumField() {
			sf := t.Field(i)
			if sf.Name == "_" {
				continue
			}
			ref := fieldRef{path: prefix + sf.Name, owner: t, sf: sf}
			_, hasDB := sf.Tag.Lookup("db")
			_, hasGORM := sf.Tag.Lookup("gorm")
			_, hasBun := sf.Tag.Lookup("bun")
			et := sf.Type
			for et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			switch {
			case hasGORM && hasBun:
				ok = false
				ml.fieldErr(ref, fmt.Errorf("%w: %s has both a gorm and a bun tag", ErrMixedFamilies, ref.path))
				continue
			case sf.Anonymous && isGORMModel(et) && !hasBun && !hasDB:
				mark(ref, model.FamilyGORM, "gorm.Model")
				continue
			case isBunBaseModel(sf) && !hasGORM && !hasDB:
				mark(ref, model.FamilyBun, "bun.BaseModel")
				continue
			case hasGORM:
				mark(ref, model.FamilyGORM, "a gorm tag")
			case hasBun:
				mark(ref, model.FamilyBun, "a bun tag")
			case hasDB:
				mark(ref, model.FamilyDB, "a db tag")
			}
			if sf.Anonymous && et.Kind() == reflect.Struct && !isColumnStruct(et) && !slices.Contains(stack, et) {
				walk(et, ref.path+".", append(stack, et))
			}
		}
	}
	walk(ml.typ, "", []reflect.Type{ml.typ})
	if !ok {
		return model.FamilyDB, false
	}
	if first == nil {
		return ml.l.opts.Family, true
	}
	return first.fam, true
}

// loadFamily loads a GORM or bun model; it returns false for a db model,
// which the caller loads.
func (ml *modelLoader) loadFamily(v reflect.Value) bool {
	fam, ok := ml.detectFamily()
	if !ok {
		return true
	}
	switch fam {
	case model.FamilyGORM:
		ml.loadGORM(v)
	case model.FamilyBun:
		ml.loadBun(v)
	default:
		return false
	}
	ml.finish()
	if len(ml.table.Columns) == 0 && !ml.failed {
		ml.typeErr(fmt.Errorf("%w: %s has no exported fields that map to columns", ErrNoColumns, ml.typeName))
	}
	return true
}

// famState returns the loader's GORM/bun state, creating it.
func (l *loader) famState() *familyState {
	if l.fam == nil {
		l.fam = &familyState{byType: map[reflect.Type]*typeInfo{}}
	}
	return l.fam
}

// checkDBNextTo checks a db tag sitting next to a gorm or bun tag: it may
// only give the column name (sqlx's form), and that name must be the
// column the family's tag gives.
func (ml *modelLoader) checkDBNextTo(f fieldRef, fam model.Family, col string) bool {
	tag, ok := f.sf.Tag.Lookup("db")
	if !ok || tag == "-" {
		return true
	}
	name, opts, err := parseTag(tag)
	switch {
	case err != nil:
		ml.fieldErr(f, err)
		return false
	case len(opts) > 0:
		ml.fieldErr(f, fmt.Errorf("%w: a db tag next to a %s tag may only name the column (db:%q); the %s tag gives the schema", ErrBadTag, fam, name, fam))
		return false
	case name != "" && name != col:
		ml.fieldErr(f, fmt.Errorf("%w: db name %q differs from the %s column %q; the two must agree", ErrBadTag, name, fam, col))
		return false
	}
	return true
}

// blankTableOptions collects the blank fields that carry db table options
// (_ struct{} `db:",index=..."`); they work in every family.
func blankTableOptions(t reflect.Type, sf reflect.StructField, prefix string, blanks *[]fieldRef) {
	if tag := strings.TrimSpace(sf.Tag.Get(tagKey)); tag != "" && tag != "-" {
		*blanks = append(*blanks, fieldRef{path: prefix + sf.Name, owner: t, sf: sf})
	}
}

// quoteSQL quotes s as an SQL string literal.
func quoteSQL(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
