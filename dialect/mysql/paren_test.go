package mysql_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/mysql"
)

func TestClosingParen(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"(a)", 2},
		{"(a) USING HASH", 2},
		{"((concat(`a`,')'))) USING HASH", 18},
		{`('it''s )', "x\")") + 1`, 18},
		{"(`a\\`) b", 5},
		{"(`a``)`)", 7},
		{"a (b)", -1},
		{"(a", -1},
		{"", -1},
	} {
		if got := mysql.ClosingParen(tc.s); got != tc.want {
			t.Errorf("ClosingParen(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
