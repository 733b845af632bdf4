package rewriter_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

// splitIndexes is a script hook that moves index builds into a revision of
// their own, after the rest.
func splitIndexes(ctx rewriter.ScriptContext, scripts []rewriter.Script) ([]rewriter.Script, error) {
	var out []rewriter.Script
	for _, s := range scripts {
		var rest, idx rewriter.Script
		rest, idx = s, rewriter.Script{Message: s.Message + " (indexes)"}
		rest.Upgrade, rest.Downgrade = nil, nil
		for _, o := range s.Upgrade {
			if _, ok := o.(ops.CreateIndex); ok {
				idx.Upgrade = append(idx.Upgrade, o)
			} else {
				rest.Upgrade = append(rest.Upgrade, o)
			}
		}
		for _, o := range s.Downgrade {
			if _, ok := o.(ops.DropIndex); ok {
				idx.Downgrade = append(idx.Downgrade, o)
			} else {
				rest.Downgrade = append(rest.Downgrade, o)
			}
		}
		out = append(out, rest)
		if !idx.Empty() {
			out = append(out, idx)
		}
	}
	return out, nil
}

func TestProcess(t *testing.T) {
	t.Parallel()
	age := col("age", "int", true)
	full := rewriter.Script{
		ID: "a1", Message: "age",
		Upgrade:   []ops.Op{ops.AddColumn{Table: "users", Column: age}, index("users", "ix_users_age", "age")},
		Downgrade: []ops.Op{ops.DropIndex(index("users", "ix_users_age", "age")), ops.DropColumn{Table: "users", Column: age}},
	}
	dropAll := rewriter.New()
	rewriter.On(dropAll, func(ctx rewriter.Context, op ops.Op) ([]ops.Op, error) { return nil, nil })
	boom := errors.New("boom")
	var seen []string
	record := func(name string) rewriter.ScriptHook {
		return func(ctx rewriter.ScriptContext, s []rewriter.Script) ([]rewriter.Script, error) {
			seen = append(seen, fmt.Sprintf("%s:%d", name, len(s)))
			return s, nil
		}
	}
	tests := []struct {
		name  string
		ctx   rewriter.ScriptContext
		r     *rewriter.Rewriter
		hooks []rewriter.ScriptHook
		in    rewriter.Script
		want  [][]string // per script: message, then upgrade descriptions
		err   error
	}{
		{"nothing configured", rewriter.ScriptContext{Autogenerate: true}, nil, nil, full, [][]string{
			{"age", "users: add column age int NULL", "users: create index ix_users_age (age)"},
		}, nil},
		{"rewriter before hooks", rewriter.ScriptContext{Dialect: "postgres", SQLDialect: sqlDialect("postgres"), Autogenerate: true}, rewriter.ConcurrentIndexes(), []rewriter.ScriptHook{splitIndexes}, full, [][]string{
			{"age", "users: add column age int NULL"},
			{"age (indexes)", "users: create index concurrently ix_users_age (age)"},
		}, nil},
		{"skip empty after the rewriter emptied it", rewriter.ScriptContext{Autogenerate: true}, dropAll, []rewriter.ScriptHook{rewriter.SkipEmpty, nil}, full, nil, nil},
		{"skip empty keeps a hand-written revision", rewriter.ScriptContext{}, nil, []rewriter.ScriptHook{rewriter.SkipEmpty}, rewriter.Script{ID: "a2", Message: "by hand"}, [][]string{{"by hand"}}, nil},
		{"hook error", rewriter.ScriptContext{}, nil, []rewriter.ScriptHook{func(rewriter.ScriptContext, []rewriter.Script) ([]rewriter.Script, error) { return nil, boom }}, full, nil, boom},
		{"rewriter error", rewriter.ScriptContext{}, failingOnIndex(boom), nil, full, nil, boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := rewriter.Process(tt.ctx, tt.r, tt.hooks, tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Process() error = %v, want %v", err, tt.err)
			}
			var g [][]string
			for _, s := range got {
				g = append(g, append([]string{s.Message}, describeAll(s.Upgrade)...))
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("Process() (-want +got):\n%s", diff)
			}
		})
	}
	// A cancelled revision stops the hooks.
	seen = nil
	if _, err := rewriter.Process(rewriter.ScriptContext{Autogenerate: true}, nil, []rewriter.ScriptHook{record("a"), rewriter.SkipEmpty, record("b")}, rewriter.Script{ID: "x", Message: "m"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a:1"}, seen); diff != "" {
		t.Errorf("hooks run (-want +got):\n%s", diff)
	}
}

func failingOnIndex(err error) *rewriter.Rewriter {
	r := rewriter.New()
	rewriter.On(r, func(ctx rewriter.Context, op ops.DropIndex) ([]ops.Op, error) { return nil, err })
	return r
}

func TestLink(t *testing.T) {
	t.Parallel()
	ids := func() func() string {
		n := 0
		return func() string { n++; return fmt.Sprintf("new%d", n) }
	}
	type link struct{ ID, Revises string }
	tests := []struct {
		name    string
		in      []rewriter.Script
		parent  string
		want    []link
		wantErr bool
	}{
		{"one script keeps its id", []rewriter.Script{{ID: "a1", Message: "m", Revises: "stale"}}, "p0", []link{{"a1", "p0"}}, false},
		{"split chains", []rewriter.Script{{ID: "a1", Message: "m"}, {Message: "m2"}, {Message: "m3"}}, "p0", []link{{"a1", "p0"}, {"new1", "a1"}, {"new2", "new1"}}, false},
		{"first revision", []rewriter.Script{{ID: "a1", Message: "m"}, {Message: "m2"}}, "", []link{{"a1", ""}, {"new1", "a1"}}, false},
		{"none", nil, "p0", []link{}, false},
		{"duplicate id", []rewriter.Script{{ID: "a1", Message: "m"}, {ID: "a1", Message: "m2"}}, "p0", nil, true},
		{"id of the parent", []rewriter.Script{{ID: "p0", Message: "m"}}, "p0", nil, true},
		{"no id generator", []rewriter.Script{{ID: "a1", Message: "m"}, {Message: "m2"}}, "p0", nil, true},
		{"no message", []rewriter.Script{{ID: "a1"}}, "p0", nil, true},
		{"label twice", []rewriter.Script{{ID: "a1", Message: "m", BranchLabels: []string{"b"}}, {Message: "m", BranchLabels: []string{"b"}}}, "p0", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			newID := ids()
			if tt.name == "no id generator" {
				newID = nil
			}
			got, err := rewriter.Link(tt.in, tt.parent, newID)
			if tt.wantErr {
				if !errors.Is(err, rewriter.ErrLink) {
					t.Fatalf("Link() error = %v, want ErrLink", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := []link{}
			for _, s := range got {
				g = append(g, link{s.ID, s.Revises})
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("Link() (-want +got):\n%s", diff)
			}
		})
	}
}
