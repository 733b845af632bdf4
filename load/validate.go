package load

import (
	"errors"
	"slices"

	"github.com/retortdb/retort/model"
)

// Validator checks a loaded schema against what the target database can
// run, and returns what it refuses; see [Options.Validate]. autogen builds
// one from the target dialect.
type Validator func(s model.Schema) []Problem

// Problem is one thing a [Validator] refuses in a loaded schema: the
// table, the column or the index or constraint at fault, and the error
// (which names the option and the fix). [Models] turns it into a
// [*TagError] on the field that declared it.
type Problem struct {
	Schema, Table string
	// Column is the column at fault, "" when none.
	Column string
	// Object is the index or constraint at fault, "" when none.
	Object string
	Err    error
}

// ErrTarget is wrapped by the [TagError] for a [Problem] a [Validator]
// found: the model is well-formed, but the target database refuses it.
var ErrTarget = errors.New("refused for the target database")

// targetError is a validator's error, which also wraps [ErrTarget].
type targetError struct{ err error }

func (e targetError) Error() string   { return e.err.Error() }
func (e targetError) Unwrap() []error { return []error{ErrTarget, e.err} }

// validate runs the Validate option on the loaded schema and reports
// each problem on the field that declared what it is about: the column's
// field, else the field that declared the index or constraint, else the
// model.
func (l *loader) validate(s model.Schema, loaded []*modelLoader) {
	if l.opts.Validate == nil {
		return
	}
	for _, p := range l.opts.Validate(s) {
		err := targetError{p.Err}
		ml := findModel(loaded, p.Schema, p.Table)
		if ml == nil && p.Table == "" && p.Object != "" {
			if ext, ref, ok := extensionRef(loaded, p.Object); ok {
				ext.fieldErr(ref, err)
				continue
			}
		}
		if ml == nil {
			t := model.Table{Schema: p.Schema, Name: p.Table}
			l.errs = append(l.errs, &TagError{Type: t.QualifiedName(), Err: err})
			continue
		}
		if ref, ok := ml.refFor(p); ok {
			ml.fieldErr(ref, err)
			continue
		}
		ml.typeErr(err)
	}
}

// findModel returns the model whose table is schema.table.
func findModel(loaded []*modelLoader, schema, table string) *modelLoader {
	for _, ml := range loaded {
		if ml.table.Schema == schema && ml.table.Name == table {
			return ml
		}
	}
	return nil
}

// refFor returns the field that declared what p is about.
func (ml *modelLoader) refFor(p Problem) (fieldRef, bool) {
	if p.Column != "" {
		ref, ok := ml.colRef[p.Column]
		return ref, ok
	}
	if p.Object == "" {
		return fieldRef{}, false
	}
	for _, g := range ml.order {
		if g.name == p.Object {
			return g.ref, true
		}
	}
	for _, ix := range ml.tspec.indexes {
		if ix.v.Name == p.Object {
			return ix.ref, true
		}
	}
	for _, u := range ml.tspec.uniques {
		if u.v.Name == p.Object {
			return u.ref, true
		}
	}
	for _, ck := range slices.Concat(ml.checks, ml.tspec.checks) {
		if ck.v.Name == p.Object {
			return ck.ref, true
		}
	}
	for _, x := range ml.tspec.excludes {
		if x.v.Name == p.Object {
			return x.ref, true
		}
	}
	for _, fk := range ml.fks {
		if fk.v.Name == p.Object {
			return fk.ref, true
		}
	}
	return fieldRef{}, false
}
