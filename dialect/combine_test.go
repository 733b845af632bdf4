package dialect_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

func TestCombineAlters(t *testing.T) {
	t.Parallel()
	addA := dialect.Statement{SQL: "ALTER TABLE t ADD COLUMN a int", AlterTable: "t", Clause: "ADD COLUMN a int"}
	ixA := dialect.Statement{SQL: "CREATE INDEX ix ON t (a)", AlterTable: "t", Clause: "ADD INDEX ix (a)"}
	addU := dialect.Statement{SQL: "ALTER TABLE u ADD COLUMN a int", AlterTable: "u", Clause: "ADD COLUMN a int"}
	tests := []struct {
		name   string
		in     []dialect.Statement
		want   dialect.Statement
		wantOK bool
	}{
		{"none", nil, dialect.Statement{}, false},
		{"one keeps its SQL", []dialect.Statement{ixA}, ixA, true},
		{"two of one table", []dialect.Statement{addA, ixA}, dialect.Statement{
			SQL: "ALTER TABLE t ADD COLUMN a int, ADD INDEX ix (a)", AlterTable: "t", Clause: "ADD COLUMN a int, ADD INDEX ix (a)"}, true},
		{"two tables", []dialect.Statement{addA, addU}, dialect.Statement{}, false},
		{"not an alter", []dialect.Statement{addA, {SQL: "UPDATE t SET a = 1"}}, dialect.Statement{}, false},
		{"outside a transaction", []dialect.Statement{addA, {SQL: "x", AlterTable: "t", Clause: "x", NoTransaction: true}}, dialect.Statement{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := dialect.CombineAlters(tt.in)
			if ok != tt.wantOK {
				t.Errorf("ok = %v, want %v", ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
