package autogen

import (
	"context"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// ObjectDoc is an object retort does not model, in the JSON documents of
// `retort check` and `retort inspect` (not_compared): kind is one of the
// [introspect.ObjectKind] values ("view", "trigger", "function", ...,
// "column order" and "index order", whose name is the table's, and
// "index USING as written", whose name and table are the index's and its
// table's),
// schema is "" for the schema read, and table is the table a trigger,
// policy, rule or partition belongs to, else "".
type ObjectDoc struct {
	Kind   string `json:"kind"`
	Schema string `json:"schema"`
	Name   string `json:"name"`
	Table  string `json:"table"`
}

// ObjectDocs returns objs as the not_compared array of a document, never
// nil.
func ObjectDocs(objs []introspect.Object) []ObjectDoc {
	out := []ObjectDoc{}
	for _, o := range objs {
		out = append(out, ObjectDoc{Kind: string(o.Kind), Schema: o.Schema, Name: o.Name, Table: o.Table})
	}
	return out
}

// NotCompared names the objects of db that retort does not model (views,
// triggers, functions, ...; see [introspect.UnmodeledLister]) in the
// schemas current was reflected from: env.Schema, and each schema a table
// or enum of current is qualified with. Objects of tables the runner owns
// or env.go's filters refuse are left out. They are neither compared nor
// drift: [Report.InSync] does not count them.
func NotCompared(ctx context.Context, db Database, env *migrate.Env, current model.Schema) ([]introspect.Object, error) {
	opts, err := compareOptions(env)
	if err != nil {
		return nil, err
	}
	skip := env.RunnerTables()
	out, err := introspect.ListUnmodeled(ctx, db.Inspector, db.DB, introspect.Options{Schema: env.Schema, IncludeTable: func(n string) bool {
		return !slices.Contains(skip, n) && opts.IncludesTable("", n)
	}})
	if err != nil {
		return nil, err
	}
	var schemas []string
	for _, t := range current.Tables {
		schemas = append(schemas, t.Schema)
	}
	for _, e := range current.Enums {
		schemas = append(schemas, e.Schema)
	}
	slices.Sort(schemas)
	schemas = slices.Compact(schemas)
	// Another schema is named only when it was not read: IncludeSchemas
	// and qualified models read theirs.
	out = slices.DeleteFunc(out, func(o introspect.Object) bool {
		return o.Kind == introspect.Schema && (slices.Contains(schemas, o.Name) ||
			slices.Contains(opts.IncludeSchemas, o.Name) || slices.Contains(opts.IncludeSchemas, diff.AllSchemas))
	})
	for _, s := range schemas {
		if s == "" || s == env.Schema {
			continue
		}
		objs, err := introspect.ListUnmodeled(ctx, db.Inspector, db.DB, introspect.Options{Schema: s, IncludeTable: func(n string) bool { return opts.IncludesTable(s, n) }})
		if err != nil {
			return nil, err
		}
		objs = slices.DeleteFunc(objs, func(o introspect.Object) bool { return o.Kind == introspect.Schema })
		for i := range objs {
			objs[i].Schema = s
		}
		out = append(out, objs...)
	}
	introspect.SortObjects(out)
	return out, nil
}

// ColumnOrder names, as [introspect.ColumnOrder] objects, the tables
// present in current and target whose column order differs after list
// (the ops from current to target) on d, which cannot place columns
// ([diff.ColumnOrderUnplaced]): not compared, and not drift.
func ColumnOrder(d dialect.Dialect, current, target model.Schema, list []ops.Op) []introspect.Object {
	var out []introspect.Object
	for _, t := range diff.ColumnOrderUnplaced(d, current, target, list) {
		out = append(out, introspect.Object{Kind: introspect.ColumnOrder, Schema: t.Schema, Name: t.Name})
	}
	return out
}

// Order names, as not-compared objects, the tables present in current
// and target whose column order ([ColumnOrder]), index order or check
// order would differ after list (the ops from current to target) on d:
// index order where the server orders keys itself
// ([diff.IndexOrderUnkept]), check order where it appends an added check
// ([diff.CheckOrderUnkept]); for those two both schemas must be catalogs
// that read the server's order, so a Go model never yields one. None of
// them is drift.
func Order(d dialect.Dialect, current, target model.Schema, list []ops.Op) []introspect.Object {
	out := ColumnOrder(d, current, target, list)
	for _, t := range diff.IndexOrderUnkept(d, current, target, list) {
		out = append(out, introspect.Object{Kind: introspect.IndexOrder, Schema: t.Schema, Name: t.Name})
	}
	for _, t := range diff.CheckOrderUnkept(d, current, target, list) {
		out = append(out, introspect.Object{Kind: introspect.CheckOrder, Schema: t.Schema, Name: t.Name})
	}
	return out
}

// IndexUsing names, as [introspect.IndexUsing] objects, the indexes of
// target whose method the models do not know to be written
// ([model.Index.MethodWrittenUnknown]) and that current holds with none
// written, on a dialect that reflects the method only as written
// ([diff.MethodWrittenUnknown]): whether USING is written is not
// compared, and is not drift.
func IndexUsing(d dialect.Dialect, current, target model.Schema, list []ops.Op) []introspect.Object {
	var out []introspect.Object
	for _, ix := range diff.MethodWrittenUnknown(d, current, target, list) {
		out = append(out, introspect.Object{Kind: introspect.IndexUsing, Schema: ix.Schema, Name: ix.Name, Table: ix.Table})
	}
	return out
}
