package migrate

import (
	"testing"

	"github.com/retortdb/retort/ops"
)

// TestFingerprint: the same op gives the same hash however it was built;
// any change of a field gives another.
func TestFingerprint(t *testing.T) {
	a := ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)}
	b := ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)}
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("equal ops hash differently")
	}
	for _, other := range []ops.Op{
		ops.AddColumn{Table: "users", Column: col("email", "varchar(201)", true)},
		ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", false)},
		ops.AddColumn{Table: "user", Column: col("email", "varchar(200)", true)},
		ops.DropColumn{Table: "users", Column: col("email", "varchar(200)", true)},
		ops.Execute{SQL: "ALTER TABLE users ADD COLUMN email varchar(200)"},
	} {
		if Fingerprint(other) == Fingerprint(a) {
			t.Errorf("%s hashes like %s", ops.Describe(other), ops.Describe(a))
		}
	}
	if got := len(Fingerprint(a)); got != 64 {
		t.Errorf("fingerprint length %d, want 64 (the ops table column)", got)
	}
}
