package safety

import "testing"

func TestInListWidens(t *testing.T) {
	for _, c := range []struct {
		old, new string
		want     bool
	}{
		{"status IN ('new', 'paid')", "status IN ('new', 'paid', 'refunded')", true},
		{"(status in ('a,b', 'it''s'))", "status IN ('it''s', 'c', 'a,b')", true},
		{"status IN ('new', 'paid')", "status IN ('new')", false},
		{"status IN ('new', 'paid')", "kind IN ('new', 'paid', 'x')", false},
		{"status NOT IN ('new')", "status NOT IN ('new', 'paid')", false},
		{"status IN ('a') OR x > 0", "status IN ('a', 'b')", false},
		{"lower(status) IN ('a')", "lower(status) IN ('a', 'b')", true},
		{"n > 0", "n > 0", false},
	} {
		if got := inListWidens(c.old, c.new); got != c.want {
			t.Errorf("inListWidens(%q, %q) = %v, want %v", c.old, c.new, got, c.want)
		}
	}
}
