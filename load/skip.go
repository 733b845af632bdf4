package load

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/model"
)

// skipAutogenerate is the column tag option that keeps a field out of
// autogenerate (Alembic's info={"skip_autogenerate": True}).
const skipAutogenerate = "skip_autogenerate"

// Skip is a column a field marks skip_autogenerate: it is not in the
// loaded schema, and autogenerate leaves the database's column of that
// name (and the indexes and constraints on it) alone.
type Skip struct {
	// Schema and Table are the model's table; Column the column name.
	Schema, Table, Column string
}

// skipped reports whether the field is marked skip_autogenerate, and
// records it. Such a field may carry no other option: it is not a column
// of the model.
func (ml *modelLoader) skipped(f fieldRef, name string, opts []option) bool {
	i := slices.IndexFunc(opts, func(o option) bool { return o.key == skipAutogenerate })
	if i < 0 {
		return false
	}
	switch {
	case opts[i].hasValue:
		ml.fieldErr(f, fmt.Errorf("%w: %s takes no value; write %s", ErrBadTag, opts[i], skipAutogenerate))
	case len(opts) > 1:
		ml.fieldErr(f, fmt.Errorf("%w: a %s field is not a column of the model; drop its other options", ErrBadTag, skipAutogenerate))
	default:
		ml.l.skips = append(ml.l.skips, Skip{Schema: ml.tspec.schema, Table: ml.table.Name, Column: name})
	}
	return true
}

// SkipColumns returns current without the columns of skips, and without
// the indexes, keys and constraints that name one: what autogenerate
// compares when fields are marked skip_autogenerate. Tables are matched
// by schema and name; current is not modified.
func SkipColumns(current model.Schema, skips []Skip) model.Schema {
	if len(skips) == 0 {
		return current
	}
	out := current
	out.Tables = slices.Clone(current.Tables)
	for i, t := range out.Tables {
		var cols []string
		for _, s := range skips {
			if s.Schema == t.Schema && s.Table == t.Name {
				cols = append(cols, s.Column)
			}
		}
		if len(cols) == 0 {
			continue
		}
		names := func(list []string) bool {
			return slices.ContainsFunc(list, func(c string) bool { return slices.Contains(cols, c) })
		}
		t.Columns = slices.DeleteFunc(slices.Clone(t.Columns), func(c model.Column) bool { return slices.Contains(cols, c.Name) })
		t.Indexes = slices.DeleteFunc(slices.Clone(t.Indexes), func(x model.Index) bool {
			return slices.ContainsFunc(x.Parts, func(p model.IndexPart) bool { return slices.Contains(cols, p.Column) })
		})
		t.Uniques = slices.DeleteFunc(slices.Clone(t.Uniques), func(x model.Unique) bool { return names(x.Columns) })
		t.ForeignKeys = slices.DeleteFunc(slices.Clone(t.ForeignKeys), func(x model.ForeignKey) bool { return names(x.Columns) })
		out.Tables[i] = t
	}
	return out
}
