package diff_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/render"
)

// Helpers that keep the cases short.
func sqlCol(name, typ string) model.Column {
	return model.Column{Name: name, Type: model.Type{SQL: typ}}
}

func nullCol(name, typ string) model.Column {
	c := sqlCol(name, typ)
	c.Nullable = true
	return c
}

func table(name string, cols ...model.Column) model.Table {
	return model.Table{Name: name, Columns: cols, PrimaryKey: model.PrimaryKey{Columns: []string{cols[0].Name}}}
}

func schemaOf(ts ...model.Table) model.Schema { return model.Schema{Tables: ts} }

// optionCase is one option shown changing the generated revision file:
// the file rendered from Compare(current, target) with the zero Options
// ("default") and with opts must differ, and both are pinned in
// testdata/options/NAME.golden. When optTarget is set it replaces target
// for the second file (a rename hint lives in the models, not Options).
type optionCase struct {
	name            string
	current, target model.Schema
	optTarget       *model.Schema
	opts            diff.Options
}

func optionCases() []optionCase {
	users := func(nick string, extra ...model.Column) model.Table {
		return table("users", append([]model.Column{sqlCol("id", "integer"), sqlCol("nick", nick)}, extra...)...)
	}
	withHint := func(t model.Table, col, old string) model.Table {
		t.Columns = append([]model.Column(nil), t.Columns...)
		for i := range t.Columns {
			if t.Columns[i].Name == col {
				t.Columns[i].RenamedFrom = old
			}
		}
		return t
	}
	renamedTable := func(t model.Table, old string) model.Table { t.RenamedFrom = old; return t }
	ptr := func(s model.Schema) *model.Schema { return &s }

	legacyIx := model.Index{Name: "ix_legacy_users_nick", Parts: []model.IndexPart{{Column: "nick"}}}
	ixUsers := users("text")
	ixUsers.Indexes = []model.Index{legacyIx}

	statusCur := users("text", model.Column{Name: "status", Type: model.Type{SQL: "text"}, Default: "'active'::text"})
	statusTgt := users("text", model.Column{Name: "status", Type: model.Type{SQL: "text"}, Default: "'active'"}, nullCol("bio", "text"))

	events := table("events", sqlCol("id", "integer"))
	events.Schema = "audit"
	invoices := table("invoices", sqlCol("id", "integer"))
	invoices.Schema = "billing"

	return []optionCase{
		{
			name:    "ignore_types",
			current: schemaOf(users("varchar(40)")),
			target:  schemaOf(users("varchar(80)", nullCol("bio", "text"))),
			opts:    diff.Options{IgnoreTypes: true},
		},
		{
			name:    "compare_type",
			current: schemaOf(users("varchar(40)", sqlCol("score", "integer"))),
			target:  schemaOf(users("varchar(80)", sqlCol("score", "bigint"))),
			opts:    diff.Options{CompareType: widening},
		},
		{
			name:    "ignore_server_defaults",
			current: schemaOf(statusCur),
			target:  schemaOf(statusTgt),
			opts:    diff.Options{IgnoreServerDefaults: true},
		},
		{
			name:    "compare_server_default",
			current: schemaOf(statusCur),
			target:  schemaOf(statusTgt),
			opts:    diff.Options{CompareServerDefault: castBlind},
		},
		{
			name:    "include_name",
			current: schemaOf(users("text"), table("audit_log", sqlCol("id", "integer"), sqlCol("what", "text"))),
			target:  schemaOf(users("text", nullCol("bio", "text"))),
			opts: diff.Options{IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
				return !(kind == diff.KindTable && name == "audit_log")
			}},
		},
		{
			name:    "include_object",
			current: schemaOf(ixUsers),
			target:  schemaOf(users("text", nullCol("bio", "text"))),
			opts: diff.Options{IncludeObject: func(obj diff.Object, name string, kind diff.ObjectKind, reflected bool, compareTo diff.Object) bool {
				// Keep indexes a DBA made by hand: reflected, not in the models.
				return !(kind == diff.KindIndex && reflected && compareTo == nil && strings.HasPrefix(name, "ix_legacy_"))
			}},
		},
		{
			name:    "include_schemas",
			current: schemaOf(users("text"), events),
			target:  schemaOf(users("text"), invoices),
			opts:    diff.Options{IncludeSchemas: []string{"billing"}},
		},
		{
			name:      "renamed_from_column",
			current:   schemaOf(users("varchar(40)")),
			target:    schemaOf(table("users", sqlCol("id", "integer"), sqlCol("handle", "varchar(80)"))),
			optTarget: ptr(schemaOf(withHint(table("users", sqlCol("id", "integer"), sqlCol("handle", "varchar(80)")), "handle", "nick"))),
		},
		{
			name:      "renamed_from_table",
			current:   schemaOf(table("members", sqlCol("id", "integer"), nullCol("bio", "text"))),
			target:    schemaOf(table("people", sqlCol("id", "integer"), nullCol("bio", "text"))),
			optTarget: ptr(schemaOf(renamedTable(table("people", sqlCol("id", "integer"), nullCol("bio", "text")), "members"))),
		},
		{
			name:    "comparator",
			current: schemaOf(users("text")),
			target:  schemaOf(users("text"), table("reports", sqlCol("id", "integer"))),
			opts:    diff.Options{Comparators: []diff.Comparator{grantNewTables("reporting")}},
		},
	}
}

// widening is a CompareType hook: making a varchar longer is not a change
// worth a migration; anything else goes to the default comparison.
func widening(_ diff.CompareContext, inspected, metadata model.Column) (changed, decided bool) {
	ib, ia := model.SplitType(inspected.Type.SQL)
	mb, ma := model.SplitType(metadata.Type.SQL)
	if ib == "varchar" && mb == "varchar" && len(ia) == 1 && len(ma) == 1 {
		return false, true
	}
	return false, false
}

// castBlind is a CompareServerDefault hook: a default that differs only
// by a ::text cast is the same.
func castBlind(_ diff.CompareContext, _, _ model.Column, inspectedDefault, metadataDefault string) (changed, decided bool) {
	if strings.TrimSuffix(inspectedDefault, "::text") == metadataDefault {
		return false, true
	}
	return false, false
}

// grantNewTables is a comparator plug-in: every table the models add is
// granted to role, and revoked on the way down.
func grantNewTables(role string) diff.Comparator {
	return func(_ diff.CompareContext, current, target model.Schema) ([]ops.Op, error) {
		var out []ops.Op
		for _, t := range target.Tables {
			if _, ok := current.Table(t.Schema, t.Name); ok {
				continue
			}
			out = append(out, ops.Execute{
				SQL:     "GRANT SELECT ON " + t.QualifiedName() + " TO " + role,
				DownSQL: "REVOKE SELECT ON " + t.QualifiedName() + " FROM " + role,
			})
		}
		return out, nil
	}
}

// revisionFile renders the revision file autogenerate would write.
func revisionFile(t *testing.T, current, target model.Schema, opts diff.Options) string {
	t.Helper()
	up, err := diff.Compare(current, target, testDialect{}, opts)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	down, at, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d (%s) has no reverse", at, ops.Describe(up[at]))
	}
	rev := render.Revision{
		Header:        ops.Header{ID: "5c1e9a3f7b20", Revises: "3f2a9c1b7d4e", Message: "options"},
		CreateDate:    time.Date(2026, 11, 22, 10, 4, 51, 0, time.UTC),
		Autogenerated: true,
	}
	src, err := render.File(rev, up, down)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return string(src)
}

// TestOptionsChangeTheFile shows each option changing the generated file.
func TestOptionsChangeTheFile(t *testing.T) {
	t.Parallel()
	for _, tc := range optionCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			def := revisionFile(t, tc.current, tc.target, diff.Options{})
			target := tc.target
			if tc.optTarget != nil {
				target = *tc.optTarget
			}
			with := revisionFile(t, tc.current, target, tc.opts)
			if def == with {
				t.Fatalf("the option does not change the file:\n%s", def)
			}
			got := "-- default --\n" + def + "-- with the option --\n" + with
			path := filepath.Join("testdata", "options", tc.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./diff -update)", err)
			}
			if d := gocmp.Diff(string(want), got); d != "" {
				t.Errorf("%s (-want +got):\n%s", path, d)
			}
		})
	}
}

// TestIncludeNameAsks checks what IncludeName is asked: every table,
// column, index and constraint by its kind and parents (an object on both
// sides by both names), every named schema once IncludeSchemas admits it, and that a refused object is neither
// created nor dropped on either side.
func TestIncludeNameAsks(t *testing.T) {
	t.Parallel()
	cur := table("users", sqlCol("id", "integer"), sqlCol("secret", "text"), sqlCol("nick", "text"))
	cur.Indexes = []model.Index{{Name: "ix_users_nick", Parts: []model.IndexPart{{Column: "nick"}}}}
	cur.Checks = []model.Check{{Name: "ck_users_nick", Expr: "nick <> ''"}}
	tgt := table("users", sqlCol("id", "integer"), sqlCol("nick", "varchar(9)"), nullCol("hidden", "text"))
	tgt.Uniques = []model.Unique{{Name: "uq_users_nick", Columns: []string{"nick"}}}
	tgt.ForeignKeys = []model.ForeignKey{{Name: "fk_users_id_teams", Columns: []string{"id"}, RefTable: "teams", RefColumns: []string{"id"}}}
	other := table("teams", sqlCol("id", "integer"))
	other.Schema = "x"

	var asked []string
	refuse := map[string]bool{"secret": true, "hidden": true, "ix_users_nick": true, "uq_users_nick": true, "ck_users_nick": true, "fk_users_id_teams": true, "x": true}
	opts := diff.Options{IncludeName: func(name string, kind diff.ObjectKind, p diff.Parents) bool {
		asked = append(asked, kind.String()+" "+p.Schema+"/"+p.Table+"/"+name)
		return !refuse[name]
	}}
	current := schemaOf(cur, other)
	got, err := diff.Compare(current, schemaOf(tgt), testDialect{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := "users: alter column nick: type text -> varchar(9)\n"
	if d := gocmp.Diff(want, describe(got, nil)); d != "" {
		t.Errorf("ops (-want +got):\n%s", d)
	}
	wantAsked := []string{
		"table //users",
		"schema //x",
		"column /users/id", "column /users/id",
		"column /users/nick", "column /users/nick",
		"column /users/hidden",
		"column /users/secret",
		"index /users/ix_users_nick",
		"unique_constraint /users/uq_users_nick",
		"foreign_key_constraint /users/fk_users_id_teams",
		"check_constraint /users/ck_users_nick",
	}
	if d := gocmp.Diff(wantAsked, asked); d != "" {
		t.Errorf("IncludeName asked (-want +got):\n%s", d)
	}
	if !opts.IncludesTable("", "users") || opts.IncludesTable("x", "teams") || opts.IncludesTable("", "secret") {
		t.Errorf("IncludesTable does not follow IncludeName")
	}
	schemas := diff.Options{IncludeSchemas: []string{"billing"}}
	if !schemas.IncludesTable("", "t") || !schemas.IncludesTable("billing", "t") || schemas.IncludesTable("audit", "t") {
		t.Errorf("IncludesTable does not follow IncludeSchemas")
	}
}

// TestIncludeObjectAsks checks IncludeObject's arguments: an object on
// both sides is asked about once, with the models' object and the
// reflected one to compare to; one side only: reflected and nil.
func TestIncludeObjectAsks(t *testing.T) {
	t.Parallel()
	cur := table("users", sqlCol("id", "integer"), sqlCol("gone", "text"))
	tgt := table("users", sqlCol("id", "integer"), sqlCol("new", "text"))
	var asked []string
	opts := diff.Options{IncludeObject: func(obj diff.Object, name string, kind diff.ObjectKind, reflected bool, compareTo diff.Object) bool {
		line := kind.String() + " " + name
		switch o := obj.(type) {
		case diff.TableObject:
			line += " table=" + o.Name
		case diff.ColumnObject:
			line += " of " + o.Table + " type=" + o.Type.SQL
		default:
			t.Errorf("unexpected %T", obj)
		}
		if reflected {
			line += " reflected"
		}
		if compareTo != nil {
			line += " compareTo"
		}
		asked = append(asked, line)
		return name != "gone"
	}}
	got, err := diff.Compare(schemaOf(cur), schemaOf(tgt), testDialect{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if d := gocmp.Diff("users: add column new text NOT NULL\n", describe(got, nil)); d != "" {
		t.Errorf("ops (-want +got):\n%s", d)
	}
	want := []string{
		"table users table=users compareTo",
		"column id of users type=integer compareTo",
		"column new of users type=text",
		"column gone of users type=text reflected",
	}
	if d := gocmp.Diff(want, asked); d != "" {
		t.Errorf("IncludeObject asked (-want +got):\n%s", d)
	}
}

// TestHooksDecideOrFallBack checks the compare_type and
// compare_server_default contract: decided answers win, undecided ones
// fall back to the default comparison, and IgnoreTypes and
// IgnoreServerDefaults win over the hooks.
func TestHooksDecideOrFallBack(t *testing.T) {
	t.Parallel()
	current := schemaOf(table("t", sqlCol("id", "integer"), model.Column{Name: "c", Type: model.Type{SQL: "int"}, Default: "0"}))
	target := schemaOf(table("t", sqlCol("id", "integer"), model.Column{Name: "c", Type: model.Type{SQL: "integer"}, Default: "(0)"}))
	always := func(changed, decided bool) func(diff.CompareContext, model.Column, model.Column) (bool, bool) {
		return func(ctx diff.CompareContext, _, m model.Column) (bool, bool) {
			if ctx.Table != "t" || ctx.Dialect == nil {
				t.Errorf("CompareType context = %+v", ctx)
			}
			if m.Name != "c" {
				return false, false
			}
			return changed, decided
		}
	}
	defaults := func(changed, decided bool) func(diff.CompareContext, model.Column, model.Column, string, string) (bool, bool) {
		return func(_ diff.CompareContext, _, col model.Column, i, m string) (bool, bool) {
			if col.Name != "c" {
				return false, false
			}
			if i != "0" || m != "(0)" {
				t.Errorf("CompareServerDefault got defaults %q, %q", i, m)
			}
			return changed, decided
		}
	}
	tests := []struct {
		name string
		opts diff.Options
		want string
	}{
		{"no hooks", diff.Options{}, ""},
		{"type changed", diff.Options{CompareType: always(true, true)}, "t: alter column c: type int -> integer\n"},
		{"type undecided", diff.Options{CompareType: always(true, false)}, ""},
		{"type ignored wins", diff.Options{IgnoreTypes: true, CompareType: always(true, true)}, ""},
		{"default changed", diff.Options{CompareServerDefault: defaults(true, true)}, "t: alter column c: default 0 -> (0)\n"},
		{"default undecided", diff.Options{CompareServerDefault: defaults(true, false)}, ""},
		{"default ignored wins", diff.Options{IgnoreServerDefaults: true, CompareServerDefault: defaults(true, true)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := diff.Compare(current, target, testDialect{}, tt.opts)
			if d := gocmp.Diff(tt.want, describe(got, err)); d != "" {
				t.Errorf("ops (-want +got):\n%s", d)
			}
		})
	}
}

// TestComparatorError checks that a comparator's error stops Compare.
func TestComparatorError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	opts := diff.Options{Comparators: []diff.Comparator{func(diff.CompareContext, model.Schema, model.Schema) ([]ops.Op, error) { return nil, boom }}}
	if _, err := diff.Compare(model.Schema{}, model.Schema{}, testDialect{}, opts); !errors.Is(err, boom) {
		t.Errorf("Compare error = %v, want %v", err, boom)
	}
}

func TestObjectKindString(t *testing.T) {
	t.Parallel()
	var got []string
	for k := diff.KindSchema; k <= diff.KindEnum; k++ {
		got = append(got, k.String())
	}
	want := []string{"schema", "table", "column", "index", "unique_constraint", "foreign_key_constraint", "check_constraint", "enum"}
	if d := gocmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestFilterCases covers filters on enums and schemas, filters meeting
// rename hints, and what comparators see.
func TestFilterCases(t *testing.T) {
	t.Parallel()
	mood := model.Enum{Name: "mood", Values: []string{"a"}}
	xMood := model.Enum{Schema: "x", Name: "mood", Values: []string{"a"}}
	hinted := table("users", sqlCol("id", "integer"), model.Column{Name: "handle", Type: model.Type{SQL: "text"}, RenamedFrom: "nick"})
	users := table("users", sqlCol("id", "integer"), sqlCol("nick", "text"))
	refuse := func(names ...string) func(string, diff.ObjectKind, diff.Parents) bool {
		return func(name string, _ diff.ObjectKind, _ diff.Parents) bool { return !slices.Contains(names, name) }
	}
	tests := []struct {
		name            string
		current, target model.Schema
		opts            diff.Options
		want            string
	}{
		{"enum refused by name", model.Schema{Enums: []model.Enum{mood}}, model.Schema{},
			diff.Options{IncludeName: refuse("mood")}, ""},
		{"enum kept", model.Schema{Enums: []model.Enum{mood}}, model.Schema{},
			diff.Options{IncludeName: refuse("other")}, "drop enum mood ('a')\n"},
		{"enum of a schema not included", model.Schema{}, model.Schema{Enums: []model.Enum{xMood}},
			diff.Options{IncludeSchemas: []string{"y"}}, ""},
		{"enum pair refused by object", model.Schema{Enums: []model.Enum{mood}}, model.Schema{Enums: []model.Enum{{Name: "mood", Values: []string{"a", "b"}}}},
			diff.Options{IncludeObject: func(diff.Object, string, diff.ObjectKind, bool, diff.Object) bool { return false }}, ""},
		{"column rename followed", schemaOf(users), schemaOf(hinted), diff.Options{}, "users: rename column nick to handle\n"},
		{"column rename refused by old name", schemaOf(users), schemaOf(hinted),
			diff.Options{IncludeName: refuse("nick")}, "users: add column handle text NOT NULL\n"},
		{"comparator sees filtered schemas", schemaOf(users, table("skip", sqlCol("id", "integer"))), schemaOf(users),
			diff.Options{IncludeName: refuse("skip"), Comparators: []diff.Comparator{
				func(_ diff.CompareContext, current, target model.Schema) ([]ops.Op, error) {
					var seen []string
					for _, tb := range current.Tables {
						seen = append(seen, tb.Name)
					}
					return []ops.Op{ops.Execute{SQL: "SELECT 1 -- " + strings.Join(seen, ",")}}, nil
				}}}, "execute: SELECT 1 -- users\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := diff.Compare(tt.current, tt.target, testDialect{}, tt.opts)
			if d := gocmp.Diff(tt.want, describe(got, err)); d != "" {
				t.Errorf("ops (-want +got):\n%s", d)
			}
		})
	}
}
