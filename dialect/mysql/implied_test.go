package mysql

import (
	"testing"

	"github.com/retortdb/retort/model"
)

func TestSameImpliedType(t *testing.T) {
	t.Parallel()
	d := &Dialect{}
	cases := []struct {
		logical           model.Logical
		reflected, target string
		want              bool
	}{
		{model.LogicalSmallInt, "tinyint(1)", "tinyint", true},
		{model.LogicalBigInt, "bigint(20) unsigned", "bigint unsigned", true},
		{model.LogicalBigInt, "bigint", "bigint unsigned", false},
		{model.LogicalInt, "int", "bigint", false},
		{model.LogicalBool, "tinyint", "tinyint(1)", false},
		{model.LogicalString, "varchar(191)", "varchar(255)", false},
		{model.LogicalString, "text", "longtext", false},
	}
	for _, c := range cases {
		if got := d.SameImpliedType(model.Type{Logical: c.logical}, c.reflected, c.target); got != c.want {
			t.Errorf("SameImpliedType(%s, %q, %q) = %v, want %v", c.logical, c.reflected, c.target, got, c.want)
		}
	}
}
