package mysql_test

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
)

// TestDeferrableForeignKeyRefused: MySQL and MariaDB check every foreign
// key at once, so a model's deferrable key is refused when it is read,
// not dropped silently.
func TestDeferrableForeignKeyRefused(t *testing.T) {
	fk := model.ForeignKey{Name: "fk_a_o", Columns: []string{"o_id"}, RefTable: "o", RefColumns: []string{"id"}}
	for _, deferrable := range []bool{false, true} {
		fk.Deferrable, fk.InitiallyDeferred = deferrable, deferrable
		s := model.Schema{Tables: []model.Table{{Name: "a", ForeignKeys: []model.ForeignKey{fk}}}}
		probs := mysql.New().CheckCapabilities(s)
		refused := len(probs) == 1 && errors.Is(probs[0], dialect.ErrCapability) && probs[0].Object == "fk_a_o"
		if refused != deferrable {
			t.Errorf("deferrable=%v: problems %v", deferrable, probs)
		}
	}
}
