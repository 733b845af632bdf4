package suggest

import "testing"

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"index", "indx", 1}, {"default", "defualt", 2}, {"upgrade", "upgrade", 0},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	t.Parallel()
	keys := []string{"pk", "unique", "index", "notnull", "null", "default", "ondelete", "onupdate"}
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"uniq", "unique", true},
		{"indx", "index", true},
		{"defualt", "default", true},
		{"on_delete", "ondelete", true},
		{"nonull", "notnull", true},
		{"zzzzzz", "", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			t.Parallel()
			got, ok := Closest(tt.word, keys)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNearest(t *testing.T) {
	t.Parallel()
	names := []string{"downgrade", "heads", "history", "upgrade"}
	for _, c := range []struct {
		word, want string
		ok         bool
	}{
		{"upgrad", "upgrade", true},
		{"head", "heads", true},
		{"histroy", "history", true},
		{"frobnicate", "", false},
	} {
		if got, ok := Nearest(c.word, names, 3); got != c.want || ok != c.ok {
			t.Errorf("Nearest(%q) = %q, %v; want %q, %v", c.word, got, ok, c.want, c.ok)
		}
	}
}
