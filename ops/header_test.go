package ops

import (
	"slices"
	"testing"
)

func TestHeaderParents(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		h    Header
		want []string
	}{
		{"first", Header{ID: "a"}, nil},
		{"revises", Header{ID: "b", Revises: "a"}, []string{"a"}},
		{"merge", Header{ID: "m", Revises: "ignored", Merges: []string{"a", "b"}}, []string{"a", "b"}},
	} {
		if got := c.h.Parents(); !slices.Equal(got, c.want) {
			t.Errorf("%s: Parents() = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestScriptHeader(t *testing.T) {
	t.Parallel()
	s := Script{ID: "b", Revises: "a", Message: "m", BranchLabels: []string{"l"}, DependsOn: []string{"x"}}
	h := s.Header()
	if h.ID != "b" || h.Revises != "a" || h.Message != "m" || !slices.Equal(h.BranchLabels, s.BranchLabels) || !slices.Equal(h.DependsOn, s.DependsOn) || h.Merges != nil {
		t.Errorf("Script.Header() = %+v, from %+v", h, s)
	}
}
