package migrate

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// rev is a short Revision constructor for graph tests: parents, then
// "dep:X" entries for DependsOn and "label:L" for branch labels.
func rev(id string, refs ...string) Revision {
	r := Revision{ID: id, Message: "rev " + id}
	var parents []string
	for _, ref := range refs {
		switch {
		case strings.HasPrefix(ref, "dep:"):
			r.DependsOn = append(r.DependsOn, strings.TrimPrefix(ref, "dep:"))
		case strings.HasPrefix(ref, "label:"):
			r.BranchLabels = append(r.BranchLabels, strings.TrimPrefix(ref, "label:"))
		default:
			parents = append(parents, ref)
		}
	}
	if len(parents) == 1 {
		r.Revises = parents[0]
	} else {
		r.Merges = parents
	}
	return r
}

// Histories used across the graph tests.
//
//	linear:   a1 - b2 - c3
//	branched: a - b1 - b2            (b1 labelled "bee")
//	            \ c1 - c2            (c1 labelled "sea")
//	merged:   branched + m (merges b2, c2) - z
//	depends:  a - b1 - b2 ; a - c1 - c2, where c1 depends on b2
var histories = map[string][]Revision{
	"linear":   {rev("c3", "b2"), rev("a1"), rev("b2", "a1")},
	"branched": {rev("a"), rev("b1", "a", "label:bee"), rev("b2", "b1"), rev("c1", "a", "label:sea"), rev("c2", "c1")},
	"merged": {rev("a"), rev("b1", "a", "label:bee"), rev("b2", "b1"), rev("c1", "a", "label:sea"), rev("c2", "c1"),
		rev("m", "b2", "c2"), rev("z", "m")},
	"depends": {rev("a"), rev("b1", "a"), rev("b2", "b1"), rev("c1", "a", "dep:b2"), rev("c2", "c1")},
}

func graphOf(t testing.TB, name string) *Graph {
	t.Helper()
	g, err := NewGraph(histories[name])
	if err != nil {
		t.Fatalf("NewGraph(%s): %v", name, err)
	}
	return g
}

func ids(revs []Revision) []string {
	var out []string
	for _, r := range revs {
		out = append(out, r.ID)
	}
	return out
}

func TestGraphShape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		history      string
		order, heads []string
		bases        []string
	}{
		{"linear", []string{"a1", "b2", "c3"}, []string{"c3"}, []string{"a1"}},
		{"branched", []string{"a", "b1", "b2", "c1", "c2"}, []string{"b2", "c2"}, []string{"a"}},
		{"merged", []string{"a", "b1", "b2", "c1", "c2", "m", "z"}, []string{"z"}, []string{"a"}},
		// c1 waits for b2 (its dependency) although c1 < b2 would not matter by id.
		{"depends", []string{"a", "b1", "b2", "c1", "c2"}, []string{"b2", "c2"}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.history, func(t *testing.T) {
			t.Parallel()
			g := graphOf(t, tt.history)
			if diff := cmp.Diff(tt.order, ids(g.Revisions())); diff != "" {
				t.Errorf("Revisions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.heads, g.Heads()); diff != "" {
				t.Errorf("Heads (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bases, g.Bases()); diff != "" {
				t.Errorf("Bases (-want +got):\n%s", diff)
			}
			hist := ids(g.History())
			if hist[0] != tt.order[len(tt.order)-1] || len(hist) != len(tt.order) {
				t.Errorf("History = %v, want %v reversed", hist, tt.order)
			}
		})
	}
}

func TestGraphDependencyOrder(t *testing.T) {
	t.Parallel()
	// By id alone c1 would come before x; the dependency puts x first.
	g, err := NewGraph([]Revision{rev("a"), rev("c1", "a", "dep:x"), rev("x", "a")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "x", "c1"}, ids(g.Revisions())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "x", "c1"}, g.Ancestors("c1")); diff != "" {
		t.Errorf("Ancestors (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"x", "c1"}, g.Descendants("x")); diff != "" {
		t.Errorf("Descendants (-want +got):\n%s", diff)
	}
}

func TestGraphLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		revs []Revision
		want error
		ids  []string
		text string
	}{
		{"none", nil, ErrNoRevisions, nil, "no revision"},
		{"empty id", []Revision{rev("a"), {Message: "oops"}}, ErrInvalidRevision, nil, "empty ID"},
		{"reserved", []Revision{rev("head")}, ErrInvalidRevision, []string{"head"}, "reserved"},
		{"bad char", []Revision{rev("a b")}, ErrInvalidRevision, []string{"a b"}, "contains"},
		{"too long", []Revision{rev(strings.Repeat("a", 33))}, ErrInvalidRevision, []string{strings.Repeat("a", 33)}, "longer than 32"},
		{"duplicate", []Revision{rev("a"), rev("b", "a"), rev("a")}, ErrDuplicateRevision, []string{"a"}, `"a" is declared twice`},
		{"missing parent", []Revision{rev("a"), rev("b", "zz")}, ErrMissingParent, []string{"b"}, `"b" revises "zz"`},
		{"missing dependency", []Revision{rev("a"), rev("b", "a", "dep:q")}, ErrMissingParent, []string{"b"}, `depends on "q"`},
		{"self", []Revision{rev("a", "a")}, ErrCycle, []string{"a"}, "itself"},
		{"cycle", []Revision{rev("r"), rev("a", "c"), rev("b", "a"), rev("c", "b")}, ErrCycle, []string{"a", "b", "c"}, "a -> b -> c -> a"},
		{"dependency cycle", []Revision{rev("a"), rev("b", "a", "dep:c"), rev("c", "b")}, ErrCycle, []string{"b", "c"}, "cycle"},
		{"duplicate label", []Revision{rev("a", "label:x"), rev("b", "a", "label:x")}, ErrDuplicateRevision, []string{"a", "b"}, `label "x"`},
		{"revises and merges", []Revision{rev("a"), rev("b"), {ID: "c", Revises: "a", Merges: []string{"a", "b"}}}, ErrInvalidRevision, []string{"c"}, "both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewGraph(tt.revs)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var ge *GraphError
			if !errors.As(err, &ge) {
				t.Fatalf("err %T is not a *GraphError", err)
			}
			if diff := cmp.Diff(tt.ids, ge.IDs); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
			if !strings.Contains(err.Error(), tt.text) || !strings.HasPrefix(err.Error(), "migrate: ") {
				t.Errorf("err = %q, want it to contain %q", err, tt.text)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	prefixes := []Revision{rev("abc1"), rev("abd2", "abc1"), rev("abd3", "abd2")}
	tests := []struct {
		history string
		target  string
		current []string
		want    []string
		err     error
	}{
		{"linear", "head", nil, []string{"c3"}, nil},
		{"linear", "heads", nil, []string{"c3"}, nil},
		{"linear", "base", []string{"c3"}, nil, nil},
		{"linear", "b2", nil, []string{"b2"}, nil},
		{"linear", "b", nil, []string{"b2"}, nil},
		{"linear", "x", nil, nil, ErrUnknownRevision},
		{"linear", "", nil, nil, ErrUnknownRevision},
		{"linear", "+1", nil, []string{"a1"}, nil},
		{"linear", "+2", nil, []string{"b2"}, nil},
		{"linear", "+1", []string{"a1"}, []string{"b2"}, nil},
		{"linear", "+2", []string{"b2"}, nil, ErrUnknownRevision},
		{"linear", "-1", []string{"c3"}, []string{"b2"}, nil},
		{"linear", "-3", []string{"c3"}, nil, nil},
		{"linear", "-4", []string{"c3"}, nil, ErrUnknownRevision},
		{"linear", "-1", nil, nil, ErrUnknownRevision},
		{"linear", "a1+2", nil, []string{"c3"}, nil},
		{"linear", "c3-2", nil, []string{"a1"}, nil},
		{"linear", "head-1", nil, []string{"b2"}, nil},
		{"linear", "b2-1", []string{"c3"}, []string{"a1"}, nil},
		{"prefix", "abd", nil, nil, ErrAmbiguousRevision},
		{"prefix", "abd3", nil, []string{"abd3"}, nil},
		{"prefix", "abc", nil, []string{"abc1"}, nil},
		{"prefix", "abd2+1", nil, []string{"abd3"}, nil},
		{"branched", "head", nil, nil, ErrMultipleHeads},
		{"branched", "heads", nil, []string{"b2", "c2"}, nil},
		{"branched", "bee@head", nil, []string{"b2"}, nil},
		{"branched", "sea@head", nil, []string{"c2"}, nil},
		{"branched", "sea", nil, []string{"c1"}, nil},
		{"branched", "a@head", nil, nil, ErrMultipleHeads},
		{"branched", "+1", []string{"a"}, nil, ErrMultipleHeads},
		{"branched", "+2", nil, nil, ErrMultipleHeads},
		{"branched", "-1", []string{"b2", "c2"}, nil, ErrMultipleHeads},
		{"branched", "sea@+1", []string{"b2"}, []string{"c1"}, nil},
		{"branched", "sea@+1", []string{"b2", "c1"}, []string{"c2"}, nil},
		{"branched", "bee@-1", []string{"b2", "c1"}, []string{"b1"}, nil},
		{"branched", "sea@-1", []string{"b2"}, nil, ErrUnknownRevision},
		{"branched", "b2-1", nil, []string{"b1"}, nil},
		{"branched", "nope@head", nil, nil, ErrUnknownRevision},
		{"merged", "head", nil, []string{"z"}, nil},
		{"merged", "-1", []string{"z"}, []string{"m"}, nil},
		{"merged", "-2", []string{"z"}, nil, ErrMultipleHeads},
		{"merged", "bee@head", nil, []string{"z"}, nil},
		{"depends", "sea@head", nil, nil, ErrUnknownRevision}, // no label in this history
		{"depends", "c1@head", nil, []string{"c2"}, nil},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%s/%s", tt.history, tt.target, strings.Join(tt.current, ","))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var g *Graph
			if tt.history == "prefix" {
				var err error
				if g, err = NewGraph(prefixes); err != nil {
					t.Fatal(err)
				}
			} else {
				g = graphOf(t, tt.history)
			}
			got, err := g.Resolve(tt.target, tt.current)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Resolve(%q) err = %v, want %v", tt.target, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.target, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve(%q) (-want +got):\n%s", tt.target, diff)
			}
		})
	}
}

func TestResolveErrorText(t *testing.T) {
	t.Parallel()
	g, err := NewGraph([]Revision{rev("abc1"), rev("abd2", "abc1"), rev("abd3", "abd2")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.Resolve("x", nil)
	if want := `migrate: unknown revision "x"; run ` + "`retort history`" + ` to list revisions`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	_, err = g.Resolve("abd", nil)
	if err == nil || !strings.Contains(err.Error(), "abd2, abd3") {
		t.Errorf("err = %v, want the candidates listed", err)
	}
	bg := graphOf(t, "branched")
	_, err = bg.Resolve("head", nil)
	if err == nil || !strings.Contains(err.Error(), "b2, c2") {
		t.Errorf("err = %v, want the heads listed", err)
	}
}

// walk renders a plan as "up:b2 [a1]>[b2]" entries: direction, revision,
// and the version table after the step.
func walk(steps []Step) []string {
	var out []string
	for _, s := range steps {
		d := "up"
		if s.Direction == Down {
			d = "down"
		}
		out = append(out, fmt.Sprintf("%s:%s %v", d, s.Revision.ID, s.After))
	}
	return out
}

func TestPlan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		history string
		dir     Direction
		current []string
		target  string
		want    []string
		err     error
	}{
		{"linear", Up, nil, "head", []string{"up:a1 [a1]", "up:b2 [b2]", "up:c3 [c3]"}, nil},
		{"linear", Up, []string{"b2"}, "head", []string{"up:c3 [c3]"}, nil},
		{"linear", Up, []string{"c3"}, "head", nil, nil},
		{"linear", Up, []string{"c3"}, "a1", nil, ErrTargetBehind},
		{"linear", Up, []string{"c3"}, "-1", nil, ErrTargetBehind},
		{"linear", Up, []string{"c3"}, "c3", nil, nil},
		{"branched", Up, []string{"b2", "c1"}, "heads", []string{"up:c2 [b2 c2]"}, nil},
		{"branched", Up, []string{"b2", "c1"}, "b2", nil, nil},
		{"linear", Down, []string{"c3"}, "-1", []string{"down:c3 [b2]"}, nil},
		{"linear", Down, []string{"c3"}, "base", []string{"down:c3 [b2]", "down:b2 [a1]", "down:a1 []"}, nil},
		{"linear", Down, []string{"a1"}, "c3", nil, ErrNotApplied},
		{"linear", Up, []string{"zz"}, "head", nil, ErrUnknownRevision},
		{"branched", Up, nil, "heads", []string{"up:a [a]", "up:b1 [b1]", "up:b2 [b2]", "up:c1 [b2 c1]", "up:c2 [b2 c2]"}, nil},
		{"branched", Up, nil, "sea@head", []string{"up:a [a]", "up:c1 [c1]", "up:c2 [c2]"}, nil},
		{"branched", Up, []string{"c2"}, "bee@head", []string{"up:b1 [b1 c2]", "up:b2 [b2 c2]"}, nil},
		// Downgrading one branch leaves the other alone.
		{"branched", Down, []string{"b2", "c2"}, "b1", []string{"down:b2 [b1 c2]"}, nil},
		{"branched", Down, []string{"b2", "c2"}, "a", []string{"down:c2 [b2 c1]", "down:c1 [b2]", "down:b2 [b1]", "down:b1 [a]"}, nil},
		{"branched", Down, []string{"b2", "c2"}, "base", []string{"down:c2 [b2 c1]", "down:c1 [b2]", "down:b2 [b1]", "down:b1 [a]", "down:a []"}, nil},
		{"merged", Up, []string{"b2"}, "head", []string{"up:c1 [b2 c1]", "up:c2 [b2 c2]", "up:m [m]", "up:z [z]"}, nil},
		{"merged", Down, []string{"z"}, "b2", []string{"down:z [m]", "down:m [b2 c2]"}, nil},
		{"merged", Down, []string{"z"}, "c1", []string{"down:z [m]", "down:m [b2 c2]", "down:c2 [b2 c1]"}, nil},
		// c1 depends on b2: upgrading the sea branch brings b1, b2 along
		// (kept as a row: a dependency does not merge branches).
		{"depends", Up, nil, "c2", []string{"up:a [a]", "up:b1 [b1]", "up:b2 [b2]", "up:c1 [b2 c1]", "up:c2 [b2 c2]"}, nil},
		// Downgrading below b2 takes its dependents c1, c2 down first.
		{"depends", Down, []string{"b2", "c2"}, "b1", []string{"down:c2 [b2 c1]", "down:c1 [b2]", "down:b2 [b1]"}, nil},
		{"depends", Down, []string{"b2", "c2"}, "c1", []string{"down:c2 [b2 c1]"}, nil},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%s/%s/%s", tt.history, tt.dir, strings.Join(tt.current, ","), tt.target)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g := graphOf(t, tt.history)
			var steps []Step
			target, err := g.Resolve(tt.target, tt.current)
			if err == nil {
				steps, err = g.Plan(tt.dir, tt.current, target)
			}
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, walk(steps)); diff != "" {
				t.Errorf("plan (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	g := graphOf(t, "merged")
	got, err := g.Normalize([]string{"c2", "a", "b1", "b2"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b2", "c2"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func linearRevisions(n int) []Revision {
	revs := make([]Revision, n)
	for i := range revs {
		revs[i] = Revision{ID: fmt.Sprintf("%012x", i*7919+1)}
		if i > 0 {
			revs[i].Revises = revs[i-1].ID
		}
	}
	return revs
}

func BenchmarkGraphHead10000(b *testing.B) {
	revs := linearRevisions(10000)
	b.ReportAllocs()
	for b.Loop() {
		g, err := NewGraph(revs)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := g.Resolve("head", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGraphPlan10000(b *testing.B) {
	g, err := NewGraph(linearRevisions(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Plan(Up, nil, g.Heads()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHistoryRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		history, from, to string
		current           []string
		want              []string
	}{
		{"linear", "", "", nil, []string{"c3", "b2", "a1"}},
		{"linear", "b2", "", nil, []string{"c3", "b2"}},
		{"linear", "", "b2", nil, []string{"b2", "a1"}},
		{"linear", "-1", "", []string{"c3"}, []string{"c3", "b2"}},
		{"branched", "b1", "heads", nil, []string{"b2", "b1"}},
		{"merged", "c1", "head", nil, []string{"z", "m", "c2", "c1"}},
	}
	for _, tt := range tests {
		t.Run(tt.history+"/"+tt.from+":"+tt.to, func(t *testing.T) {
			t.Parallel()
			got, err := graphOf(t, tt.history).HistoryRange(tt.from, tt.to, tt.current)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ids(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
