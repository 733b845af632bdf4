package main

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/converge"
)

func TestOrderKindsNamed(t *testing.T) {
	for _, c := range []struct {
		detail string
		want   []string
	}{
		{"--- stderr:\nnot compared: index order of 1 table (t; added indexes go last in their group, none is moved), column order of 1 table (u; ...)\n", []string{"column order", "index order"}},
		{"--- stderr:\nnot compared: 2 views (a, b)\n", nil},
		// An order named outside a "not compared" line is not retort's note.
		{"--- stdout:\n-- index order of t\n", nil},
	} {
		if got := orderKindsNamed(converge.Result{Detail: c.detail}); !slices.Equal(got, c.want) {
			t.Errorf("orderKindsNamed(%q) = %q, want %q", c.detail, got, c.want)
		}
	}
}
