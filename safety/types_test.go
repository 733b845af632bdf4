package safety

import (
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestRewrites(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to          string
		pgRewrite, mysqlInPlace bool
	}{
		{"varchar widened", "varchar(20)", "varchar(60)", false, true},
		{"varchar widened across the length byte", "varchar(50)", "varchar(100)", false, false},
		{"varchar narrowed", "varchar(100)", "varchar(50)", true, false},
		{"varchar to text", "character varying(100)", "text", false, false},
		{"numeric precision raised", "numeric(10,2)", "numeric(12,2)", false, false},
		{"numeric scale changed", "numeric(10,2)", "numeric(12,3)", true, false},
		{"int to bigint", "integer", "bigint", true, false},
		{"enum value appended", "enum('a','b')", "enum('a','b','c')", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			from, to := dialect.ParseType(tc.from), dialect.ParseType(tc.to)
			if got := pgRewrites(from, to); got != tc.pgRewrite {
				t.Errorf("pgRewrites = %v, want %v", got, tc.pgRewrite)
			}
			if got := mysqlInPlace(from, to, ""); got != tc.mysqlInPlace {
				t.Errorf("mysqlInPlace = %v, want %v", got, tc.mysqlInPlace)
			}
		})
	}
}
