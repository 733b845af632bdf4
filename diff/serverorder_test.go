package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// unkeptFunc is diff.IndexOrderUnkept or diff.CheckOrderUnkept.
type unkeptFunc func(d dialect.Dialect, current, target model.Schema, list []ops.Op) []*model.Table

// testOrderUnkept compares current and target (both catalogs) on d and
// checks that unkept names the tables want lists, comma-separated; that
// it names none against a model (target without ServerOrder); and none on
// testDialect, which keeps no order.
func testOrderUnkept(t *testing.T, name string, unkept unkeptFunc, d dialect.Dialect, current, target model.Schema, want string) {
	t.Helper()
	list, err := diff.Compare(current, target, d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := func(ts []*model.Table) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Name)
		}
		return strings.Join(out, ",")
	}
	if got := names(unkept(d, current, target, list)); got != want {
		t.Errorf("%s = %s, want %s", name, got, want)
	}
	// A model's order means nothing: no table is named against one.
	model := target
	model.ServerOrder = false
	if got := unkept(d, current, model, list); len(got) != 0 {
		t.Errorf("%s against a model = %s, want none", name, names(got))
	}
	if got := unkept(testDialect{}, current, target, list); len(got) != 0 {
		t.Errorf("%s on a dialect that keeps no order = %s, want none", name, names(got))
	}
}
