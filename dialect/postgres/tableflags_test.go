package postgres

import (
	"testing"

	"github.com/retortdb/retort/model"
)

// TestOptionIndex: only REPLICA_IDENTITY of USING INDEX names an index,
// as the catalog writes its name (a quoted one unquoted), and DEFAULT
// ("") lets it go.
func TestOptionIndex(t *testing.T) {
	cases := []struct {
		name, value string
		index       string
		ok          bool
	}{
		{"REPLICA_IDENTITY", "USING INDEX t_key", "t_key", true},
		{"replica_identity", `using index "T Key"`, "T Key", true},
		{"REPLICA_IDENTITY", "FULL", "", false},
		{"REPLICA_IDENTITY", "", "", false},
		{"REPLICA_IDENTITY", "USING INDEX", "", false},
		{"ROW_SECURITY", "USING INDEX t_key", "", false},
	}
	d := New()
	for _, c := range cases {
		index, release, ok := d.OptionIndex(model.TableOption{Name: c.name, Value: c.value})
		if index != c.index || ok != c.ok || release != "" {
			t.Errorf("OptionIndex(%s=%q) = %q, %q, %v; want %q, \"\", %v", c.name, c.value, index, release, ok, c.index, c.ok)
		}
	}
}
