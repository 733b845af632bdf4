package rewriter_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

func col(name, sql string, nullable bool) model.Column {
	return model.Column{Name: name, Type: model.Type{SQL: sql}, Nullable: nullable}
}

func index(table, name string, cols ...string) ops.CreateIndex {
	ix := model.Index{Name: name}
	for _, c := range cols {
		ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
	}
	return ops.CreateIndex{Table: table, Index: ix}
}

// tableGroup is a custom op that holds the ops of one table: the
// [rewriter.Container] of the tests.
type tableGroup struct {
	Table string
	List  []ops.Op
}

func (g tableGroup) Name() string  { return "table_group" }
func (g tableGroup) Ops() []ops.Op { return g.List }

func (g tableGroup) WithOps(list []ops.Op) ops.CustomOp {
	return tableGroup{Table: g.Table, List: list}
}

func (g tableGroup) ReverseCustom() (ops.CustomOp, bool) {
	rev, _, ok := ops.ReverseList(g.List)
	return tableGroup{Table: g.Table, List: rev}, ok
}

// note is a plain custom op.
type note struct{ Text string }

func (note) Name() string                          { return "note" }
func (n note) ReverseCustom() (ops.CustomOp, bool) { return n, true }

// describeAll lists ops.Describe of each op, recursing into groups.
func describeAll(list []ops.Op) []string {
	var out []string
	for _, o := range list {
		if c, ok := o.(ops.Custom); ok {
			if g, ok := c.Op.(tableGroup); ok {
				out = append(out, "group "+g.Table+" {")
				for _, s := range describeAll(g.List) {
					out = append(out, "  "+s)
				}
				out = append(out, "}")
				continue
			}
			if n, ok := c.Op.(note); ok {
				out = append(out, "note: "+n.Text)
				continue
			}
		}
		out = append(out, ops.Describe(o))
	}
	return out
}

func TestRewrite(t *testing.T) {
	t.Parallel()
	bio := col("bio", "text", true)
	// dropBio removes every AddColumn of bio.
	dropBio := func() *rewriter.Rewriter {
		r := rewriter.New()
		rewriter.On(r, func(ctx rewriter.Context, op ops.AddColumn) ([]ops.Op, error) {
			if op.Column.Name == "bio" {
				return nil, nil
			}
			return []ops.Op{op}, nil
		})
		return r
	}
	// prefixIndexes renames indexes with a prefix.
	prefixIndexes := func(prefix string) *rewriter.Rewriter {
		r := rewriter.New()
		rewriter.On(r, func(ctx rewriter.Context, op ops.CreateIndex) ([]ops.Op, error) {
			op.Index.Name = prefix + op.Index.Name
			return []ops.Op{op}, nil
		})
		return r
	}
	// splitIndex adds a comment op after each index.
	splitIndex := rewriter.New()
	rewriter.On(splitIndex, func(ctx rewriter.Context, op ops.CreateIndex) ([]ops.Op, error) {
		return []ops.Op{op, ops.Execute{SQL: "ANALYZE " + op.Table}}, nil
	})
	fallback := rewriter.New()
	rewriter.On(fallback, func(ctx rewriter.Context, op ops.Op) ([]ops.Op, error) {
		return []ops.Op{op, ops.Execute{SQL: "-- after " + ops.Describe(op)}}, nil
	})
	rewriter.On(fallback, func(ctx rewriter.Context, op ops.Execute) ([]ops.Op, error) {
		return []ops.Op{op}, nil
	})
	customs := rewriter.New()
	rewriter.OnCustom(customs, func(ctx rewriter.Context, n note) ([]ops.Op, error) {
		return []ops.Op{ops.Custom{Op: note{Text: strings.ToUpper(n.Text)}}}, nil
	})
	rewriter.On(customs, func(ctx rewriter.Context, c ops.Custom) ([]ops.Op, error) {
		return []ops.Op{c, ops.Execute{SQL: "-- custom " + c.Op.Name()}}, nil
	})
	groups := rewriter.New()
	rewriter.OnCustom(groups, func(ctx rewriter.Context, g tableGroup) ([]ops.Op, error) {
		if len(g.List) == 0 {
			return nil, nil // a group left empty goes away
		}
		return []ops.Op{ops.Custom{Op: g}}, nil
	})
	rewriter.On(groups, func(ctx rewriter.Context, op ops.AddColumn) ([]ops.Op, error) {
		if op.Column.Name == "bio" {
			return nil, nil
		}
		op.Column.Comment = fmt.Sprintf("depth %d", len(ctx.Within))
		return []ops.Op{op}, nil
	})

	list := []ops.Op{
		ops.AddColumn{Table: "users", Column: bio},
		ops.AddColumn{Table: "users", Column: col("age", "int", true)},
		index("users", "ix_users_age", "age"),
	}
	tests := []struct {
		name string
		r    *rewriter.Rewriter
		in   []ops.Op
		want []string
	}{
		{"nil rewriter keeps", nil, list, []string{
			"users: add column bio text NULL", "users: add column age int NULL", "users: create index ix_users_age (age)",
		}},
		{"empty rewriter keeps", rewriter.New(), list, []string{
			"users: add column bio text NULL", "users: add column age int NULL", "users: create index ix_users_age (age)",
		}},
		{"remove", dropBio(), list, []string{
			"users: add column age int NULL", "users: create index ix_users_age (age)",
		}},
		{"one to many", splitIndex, list, []string{
			"users: add column bio text NULL", "users: add column age int NULL", "users: create index ix_users_age (age)", "execute: ANALYZE users",
		}},
		{"chain runs in order", prefixIndexes("a_").Chain(prefixIndexes("b_")).Chain(dropBio()), list, []string{
			"users: add column age int NULL", "users: create index b_a_ix_users_age (age)",
		}},
		{"chain sees the first one's output", splitIndex.Chain(fallback), list[2:], []string{
			"users: create index ix_users_age (age)", "execute: -- after users: create index ix_users_age (age)", "execute: ANALYZE users",
		}},
		{"fallback for ops without their own", fallback, list[1:], []string{
			"users: add column age int NULL", "execute: -- after users: add column age int NULL",
			"users: create index ix_users_age (age)", "execute: -- after users: create index ix_users_age (age)",
		}},
		{"custom type before ops.Custom", customs, []ops.Op{ops.Custom{Op: note{Text: "hi"}}, ops.Custom{Op: tableGroup{Table: "t"}}}, []string{
			"note: HI", "group t {", "}", "execute: -- custom table_group",
		}},
		{"containers are rewritten inside out", groups, []ops.Op{
			ops.AddColumn{Table: "users", Column: col("age", "int", true)},
			ops.Custom{Op: tableGroup{Table: "users", List: []ops.Op{
				ops.AddColumn{Table: "users", Column: bio},
				ops.Custom{Op: tableGroup{Table: "users", List: []ops.Op{ops.AddColumn{Table: "users", Column: col("x", "int", true)}}}},
			}}},
			ops.Custom{Op: tableGroup{Table: "notes", List: []ops.Op{ops.AddColumn{Table: "notes", Column: bio}}}},
		}, []string{
			`users: add column age int NULL COMMENT 'depth 0'`,
			"group users {",
			"  group users {",
			`    users: add column x int NULL COMMENT 'depth 2'`,
			"  }",
			"}",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := describeAll(tt.in)
			got, err := tt.r.Rewrite(rewriter.Context{Direction: rewriter.Upgrade, Dialect: "sqlite"}, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, describeAll(got)); diff != "" {
				t.Errorf("Rewrite() (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, describeAll(tt.in)); diff != "" {
				t.Errorf("Rewrite() changed its input (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRewriteContext(t *testing.T) {
	t.Parallel()
	var seen []string
	r := rewriter.New()
	rewriter.On(r, func(ctx rewriter.Context, op ops.Execute) ([]ops.Op, error) {
		seen = append(seen, fmt.Sprintf("%s %s %s %q: %s", ctx.Direction, ctx.Dialect, ctx.RevisionID, ctx.Message, op.SQL))
		return []ops.Op{op}, nil
	})
	s := rewriter.Script{ID: "abc", Message: "m", Upgrade: []ops.Op{ops.Execute{SQL: "up"}}, Downgrade: []ops.Op{ops.Execute{SQL: "down"}}}
	if _, err := r.RewriteScript(rewriter.ScriptContext{Dialect: "mysql"}, s); err != nil {
		t.Fatal(err)
	}
	want := []string{`upgrade mysql abc "m": up`, `downgrade mysql abc "m": down`}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("contexts (-want +got):\n%s", diff)
	}
}

var errNoDrops = errors.New("no drops")

func TestRewriteErrors(t *testing.T) {
	t.Parallel()
	failing := rewriter.New()
	rewriter.On(failing, func(ctx rewriter.Context, op ops.DropTable) ([]ops.Op, error) {
		return nil, errNoDrops
	})
	nilOp := rewriter.New()
	rewriter.On(nilOp, func(ctx rewriter.Context, op ops.Execute) ([]ops.Op, error) {
		return []ops.Op{op, nil}, nil
	})
	tests := []struct {
		name  string
		r     *rewriter.Rewriter
		list  []ops.Op
		want  error
		words string
	}{
		{"function error", failing, []ops.Op{ops.Execute{SQL: "x"}, ops.DropTable{Table: model.Table{Name: "users"}}}, errNoDrops, "upgrade op 2 (drop table users)"},
		{"function error inside a container", failing, []ops.Op{ops.Custom{Op: tableGroup{Table: "users", List: []ops.Op{ops.DropTable{Table: model.Table{Name: "users"}}}}}}, errNoDrops, "rewriter: rewrite failed: upgrade op 1 (custom: table_group): in table_group, op 1 (drop table users): no drops"},
		{"chained error", rewriter.New().Chain(failing), []ops.Op{ops.DropTable{Table: model.Table{Name: "t"}}}, errNoDrops, "drop table t"},
		{"nil result op", nilOp, []ops.Op{ops.Execute{SQL: "x"}}, rewriter.ErrRewrite, "nil op at 1"},
		{"nil input op", nilOp, []ops.Op{nil}, rewriter.ErrRewrite, "nil op in the list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.r.Rewrite(rewriter.Context{Direction: rewriter.Upgrade}, tt.list)
			if !errors.Is(err, tt.want) || !errors.Is(err, rewriter.ErrRewrite) {
				t.Fatalf("Rewrite() error = %v, want %v and ErrRewrite", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("Rewrite() error = %q, want it to say %q", err, tt.words)
			}
		})
	}
}

func TestRegisterPanics(t *testing.T) {
	t.Parallel()
	keep := func(ctx rewriter.Context, op ops.AddColumn) ([]ops.Op, error) { return []ops.Op{op}, nil }
	tests := []struct {
		name string
		f    func()
	}{
		{"twice", func() {
			r := rewriter.New()
			rewriter.On(r, keep)
			rewriter.On(r, keep)
		}},
		{"fallback twice", func() {
			r := rewriter.New()
			f := func(ctx rewriter.Context, op ops.Op) ([]ops.Op, error) { return nil, nil }
			rewriter.On(r, f)
			rewriter.On(r, f)
		}},
		{"custom twice", func() {
			r := rewriter.New()
			f := func(ctx rewriter.Context, n note) ([]ops.Op, error) { return nil, nil }
			rewriter.OnCustom(r, f)
			rewriter.OnCustom(r, f)
		}},
		{"custom interface", func() {
			rewriter.OnCustom(rewriter.New(), func(ctx rewriter.Context, c rewriter.Container) ([]ops.Op, error) { return nil, nil })
		}},
		{"nil rewriter", func() { rewriter.On(nil, keep) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			tt.f()
		})
	}
}

func TestZeroRewriter(t *testing.T) {
	t.Parallel()
	var r rewriter.Rewriter
	rewriter.On(&r, func(ctx rewriter.Context, op ops.Execute) ([]ops.Op, error) { return nil, nil })
	got, err := r.Rewrite(rewriter.Context{}, []ops.Op{ops.Execute{SQL: "x"}, ops.RenameTable{From: "a", To: "b"}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"rename table a to b"}, describeAll(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestDirectionString(t *testing.T) {
	t.Parallel()
	for d, want := range map[rewriter.Direction]string{rewriter.Upgrade: "upgrade", rewriter.Downgrade: "downgrade", 9: "Direction(9)"} {
		if got := d.String(); got != want {
			t.Errorf("Direction(%d).String() = %q, want %q", d, got, want)
		}
	}
}
