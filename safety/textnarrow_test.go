package safety_test

import (
	"testing"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// TestTextNarrowing: narrowing MySQL's sized text types (longtext → text,
// mediumtext → text, text → tinytext) is a data-loss finding on MySQL, in
// the findings and in the runtime's gate, and widening is not. On SQLite
// every one of those names has TEXT affinity and no length limit, so
// nothing is lost. PostgreSQL has none of the sized text types; its text
// narrowing is text → varchar(n).
func TestTextNarrowing(t *testing.T) {
	cases := []struct {
		from, to string
		loss     map[string]bool // by dialect
	}{
		{"longtext", "text", map[string]bool{"mysql": true, "sqlite": false}},
		{"longtext", "mediumtext", map[string]bool{"mysql": true, "sqlite": false}},
		{"mediumtext", "text", map[string]bool{"mysql": true, "sqlite": false}},
		{"text", "tinytext", map[string]bool{"mysql": true, "sqlite": false}},
		{"tinytext", "text", map[string]bool{"mysql": false, "sqlite": false}},
		{"text", "longtext", map[string]bool{"mysql": false, "sqlite": false}},
		{"tinyblob", "blob", map[string]bool{"mysql": false, "sqlite": false}},
		{"longblob", "blob", map[string]bool{"mysql": true, "sqlite": false}},
		{"text", "varchar(20)", map[string]bool{"mysql": true, "sqlite": false, "postgres": true}},
		{"varchar(20)", "text", map[string]bool{"mysql": false, "sqlite": false, "postgres": false}},
	}
	for _, c := range cases {
		for _, name := range []string{"mysql", "postgres", "sqlite"} {
			want, ok := c.loss[name]
			if !ok {
				continue
			}
			t.Run(name+"/"+c.from+"_to_"+c.to, func(t *testing.T) {
				t.Parallel()
				d := dialectOf(name)
				list := []ops.Op{alterType("posts", "body", c.from, c.to)}
				fs := safety.Analyze(list, d, safety.Options{})
				if got := safety.Has(fs, safety.DataLoss); got != want {
					t.Errorf("data-loss finding = %v, want %v; findings: %v", got, want, fs)
				}
				if got := len(migrate.GateLosses(d, migrate.Up, list, nil)) > 0; got != want {
					t.Errorf("runtime gate refuses = %v, want %v", got, want)
				}
			})
		}
	}
}
