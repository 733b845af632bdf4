package introspect_test

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/introspect"
)

func TestNotCompared(t *testing.T) {
	t.Parallel()
	var many []introspect.Object
	for i := range 10 {
		many = append(many, introspect.Object{Kind: introspect.Function, Name: fmt.Sprintf("f%d()", i)})
	}
	for _, tc := range []struct {
		name, where string
		objs        []introspect.Object
		want        string
	}{
		{name: "none", want: ""},
		{
			name:  "kinds in order, plurals, tables and schemas",
			where: "in --to",
			objs: []introspect.Object{
				{Kind: introspect.Trigger, Name: "touch", Table: "posts"},
				{Kind: introspect.Policy, Name: "own", Table: "docs"},
				{Kind: introspect.Policy, Name: "admin", Table: "docs"},
				{Kind: introspect.View, Name: "b"},
				{Kind: introspect.View, Schema: "app", Name: "a"},
			},
			want: "not compared in --to: 2 views (b, app.a), 1 trigger (touch on posts), 2 policies (admin on docs, own on docs) (retort does not model these; review them by hand)",
		},
		{
			name: "attributes: column order and USING as written",
			objs: []introspect.Object{
				{Kind: introspect.IndexUsing, Name: "idx_docs_kind", Table: "docs"},
				{Kind: introspect.ColumnOrder, Name: "t"},
				{Kind: introspect.IndexUsing, Name: "idx_docs_slug", Table: "docs"},
			},
			want: "not compared: column order of 1 table (t; added columns go last, none is moved), USING as written of 2 indexes (idx_docs_kind on docs, idx_docs_slug on docs; written in the models' tags, not in the database, and the tags do not say whether it is written) (retort does not model these; review them by hand)",
		},
		{
			name: "names beyond eight are counted",
			objs: many,
			want: "not compared: 10 functions (f0(), f1(), f2(), f3(), f4(), f5(), f6(), f7(), 2 more) (retort does not model these; review them by hand)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := introspect.NotCompared(tc.where, tc.objs); got != tc.want {
				t.Errorf("NotCompared:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
	for kind, plural := range map[introspect.ObjectKind]string{
		introspect.Policy: "policies", introspect.View: "views", introspect.StatisticsObject: "statistics objects",
		introspect.VirtualTable: "virtual tables", introspect.MaterializedView: "materialized views",
	} {
		if got := kind.Plural(); got != plural {
			t.Errorf("%s.Plural() = %q, want %q", kind, got, plural)
		}
	}
}
