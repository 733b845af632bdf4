package mysql_test

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestExcludeRefused: neither MySQL nor MariaDB has exclusion
// constraints; the ops are refused, never dropped without a word, and a
// model with one is refused when it is read.
func TestExcludeRefused(t *testing.T) {
	t.Parallel()
	x := model.Exclude{Name: "ex", Def: "USING gist (a WITH &&)"}
	for _, d := range []*mysql.Dialect{mysql.New(), mysql.NewMariaDB()} {
		for _, op := range []ops.Op{ops.AddExclude{Table: "t", Exclude: x}, ops.DropExclude{Table: "t", Exclude: x}} {
			if _, err := d.Statements(t.Context(), op, dialect.NoTables{}); !errors.Is(err, mysql.ErrUnsupported) {
				t.Errorf("%s %T: err = %v, want ErrUnsupported", d.Flavor, op, err)
			}
		}
		probs := d.CheckCapabilities(model.Schema{Tables: []model.Table{{Name: "t", Excludes: []model.Exclude{x}}}})
		if len(probs) != 1 || probs[0].Object != "ex" || !errors.Is(probs[0].Err, dialect.ErrCapability) {
			t.Errorf("%s: CheckCapabilities = %v, want one problem on ex", d.Flavor, probs)
		}
	}
}
