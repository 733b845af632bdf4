package load

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
)

func TestParseTag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		tag      string
		wantName string
		want     []option
		wantErr  string
	}{
		{name: "name only", tag: "email", wantName: "email"},
		{name: "empty", tag: ""},
		{
			name: "flags and values", tag: "id, PK ,type=bigint", wantName: "id",
			want: []option{{key: "pk"}, {key: "type", value: "bigint", hasValue: true}},
		},
		{
			name: "commas inside parentheses", tag: ",type=numeric(10,2),check=(a > 0 AND b IN (1, 2))",
			want: []option{{key: "type", value: "numeric(10,2)", hasValue: true}, {key: "check", value: "(a > 0 AND b IN (1, 2))", hasValue: true}},
		},
		{
			name: "commas inside quotes", tag: "x,default='a,b',comment='it''s, ok'", wantName: "x",
			want: []option{{key: "default", value: "'a,b'", hasValue: true}, {key: "comment", value: "'it''s, ok'", hasValue: true}},
		},
		{
			name: "value with equals", tag: ",option=ENGINE=InnoDB",
			want: []option{{key: "option", value: "ENGINE=InnoDB", hasValue: true}},
		},
		{name: "trailing comma", tag: "x,", wantName: "x"},
		{name: "unterminated quote", tag: "role,default='user,index", wantErr: "bad tag: unterminated quote in default='user,index"},
		{name: "unclosed parenthesis", tag: "x,type=numeric(10,2", wantErr: `bad tag: unclosed "(" in type=numeric(10,2`},
		{name: "stray parenthesis", tag: "x,check=a)", wantErr: `bad tag: unbalanced ")" in check=a)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			name, opts, err := parseTag(tt.tag)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName {
				t.Errorf("name = %q, want %q", name, tt.wantName)
			}
			if diff := cmp.Diff(tt.want, opts, cmp.AllowUnexported(option{})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseIndexSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		spec    string
		want    model.Index
		wantErr string
	}{
		{
			name: "columns", spec: "ix_a(org_id, email)",
			want: model.Index{Name: "ix_a", Parts: []model.IndexPart{{Column: "org_id"}, {Column: "email"}}},
		},
		{
			name: "unnamed", spec: "(a)",
			want: model.Index{Parts: []model.IndexPart{{Column: "a"}}},
		},
		{
			name: "desc, asc, prefix length, quoted column", spec: `ix(a DESC, b asc, email(191), "Mixed Case")`,
			want: model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a", Desc: true}, {Column: "b"}, {Column: "email", Length: 191}, {Column: "Mixed Case"}}},
		},
		{
			name: "key modifiers and fidelity clauses",
			spec: `ix(a collate "C" text_pattern_ops desc nulls last, lower(b) nulls first) nulls not distinct with (fillfactor=70) comment 'it''s'`,
			want: model.Index{Name: "ix", Parts: []model.IndexPart{
				{Column: "a", Collation: "C", Opclass: "text_pattern_ops", Desc: true, Nulls: model.NullsLast},
				{Expr: "lower(b)", Nulls: model.NullsFirst}}, NullsNotDistinct: true, StorageParams: "fillfactor=70", Comment: "it's"},
		},
		{
			name: "expressions", spec: "ix(lower(email), (a + b) DESC)",
			want: model.Index{Name: "ix", Parts: []model.IndexPart{{Expr: "lower(email)"}, {Expr: "a + b", Desc: true}}},
		},
		{
			name: "all clauses", spec: "ix(a, lower(email)) where (deleted_at IS NULL AND x IN (1, 2)) using GIN include (b, c)",
			want: model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a"}, {Expr: "lower(email)"}}, Where: "deleted_at IS NULL AND x IN (1, 2)", Method: "gin", Include: []string{"b", "c"}},
		},
		{
			name: "clauses in another order", spec: "ix(a) USING hash WHERE (a > 0)",
			want: model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a"}}, Where: "a > 0", Method: "hash"},
		},
		{
			name: "double-quoted name", spec: `"ix order group"("Group")`,
			want: model.Index{Name: "ix order group", Parts: []model.IndexPart{{Column: "Group"}}},
		},
		{name: "unquoted name with a space", spec: `ix order(a)`, wantErr: `bad index name ix order: write a plain identifier, or double-quote it ("ix order group")`},
		{name: "no parentheses", spec: "ix", wantErr: `want NAME(col, ...), got "ix"`},
		{name: "no columns", spec: "ix()", wantErr: `index "ix" has no columns`},
		{name: "where without parentheses", spec: "ix(a) where a > 0", wantErr: `want where (PREDICATE), got "where a > 0"`},
		{name: "unknown clause", spec: "ix(a) tablespace fast", wantErr: `unexpected "tablespace fast" after the columns; want where (...), using METHOD, include (...), nulls not distinct, with (...), comment 'text' or invisible`},
		{
			name: "comment and invisible", spec: "ix(a) comment 'it''s, for (lookups)' invisible",
			want: model.Index{Name: "ix", Parts: []model.IndexPart{{Column: "a"}}, Comment: "it's, for (lookups)", Invisible: true},
		},
		{name: "comment unquoted", spec: "ix(a) comment lookups", wantErr: `want comment 'text', got "comment lookups"`},
		{name: "repeated clause", spec: "ix(a) using gin using gist", wantErr: `repeated "using" clause`},
		{name: "bad include", spec: "ix(a) include (lower(b))", wantErr: `include wants column names, got "lower(b)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseIndexSpec(tt.spec)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseFKSpec(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		spec    string
		want    model.ForeignKey
		wantErr string
	}{
		{
			name: "composite", spec: "fk_x(a, b) references other(x, y)",
			want: model.ForeignKey{Name: "fk_x", Columns: []string{"a", "b"}, RefTable: "other", RefColumns: []string{"x", "y"}},
		},
		{
			name: "unnamed, schema, actions", spec: "(a) REFERENCES app.other(x) on delete set null onupdate CASCADE",
			want: model.ForeignKey{Columns: []string{"a"}, RefSchema: "app", RefTable: "other", RefColumns: []string{"x"}, OnDelete: model.SetNull, OnUpdate: model.Cascade},
		},
		{
			name: "underscore action", spec: "f(a) references o(x) ondelete set_default",
			want: model.ForeignKey{Name: "f", Columns: []string{"a"}, RefTable: "o", RefColumns: []string{"x"}, OnDelete: model.SetDefault},
		},
		{
			name: "double-quoted name", spec: `"Fk Mixed"(a) references o(x)`,
			want: model.ForeignKey{Name: "Fk Mixed", Columns: []string{"a"}, RefTable: "o", RefColumns: []string{"x"}},
		},
		{name: "no references", spec: "f(a) other(x)", wantErr: `want references table(col, ...) after the columns, got "other(x)"`},
		{name: "count mismatch", spec: "f(a, b) references o(x)", wantErr: "2 columns reference 1 columns"},
		{name: "bad action", spec: "f(a) references o(x) ondelete explode", wantErr: `bad action "explode"; want cascade, restrict, set null, set default or no action`},
		{name: "repeated clause", spec: "f(a) references o(x) ondelete cascade on delete restrict", wantErr: `unexpected "on delete restrict"; want ondelete ACTION, onupdate ACTION, deferrable, match full, not valid or comment '...', once each`},
		{
			name: "deferrable initially deferred", spec: "f(a) references o(x) ondelete cascade deferrable initially deferred",
			want: model.ForeignKey{Name: "f", Columns: []string{"a"}, RefTable: "o", RefColumns: []string{"x"}, OnDelete: model.Cascade, Deferrable: true, InitiallyDeferred: true},
		},
		{
			name: "deferrable", spec: "f(a) references o(x) DEFERRABLE",
			want: model.ForeignKey{Name: "f", Columns: []string{"a"}, RefTable: "o", RefColumns: []string{"x"}, Deferrable: true},
		},
		{name: "deferrable initially what", spec: "f(a) references o(x) deferrable initially later", wantErr: `bad "later" after initially; want deferred or immediate`},
		{name: "expression column", spec: "f(lower(a)) references o(x)", wantErr: `want column names, got "lower(a)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseFKSpec(tt.spec)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
