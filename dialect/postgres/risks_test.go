package postgres_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestRisksTypeRewrite: a type change takes the rewrite lock unless the
// new type is binary-compatible and no narrower.
func TestRisksTypeRewrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to string
		rewrite        bool
	}{
		{"varchar widened", "varchar(20)", "varchar(60)", false},
		{"varchar widened across the length byte", "varchar(50)", "varchar(100)", false},
		{"varchar narrowed", "varchar(100)", "varchar(50)", true},
		{"varchar to text", "character varying(100)", "text", false},
		{"numeric precision raised", "numeric(10,2)", "numeric(12,2)", false},
		{"numeric scale changed", "numeric(10,2)", "numeric(12,3)", true},
		{"int to bigint", "integer", "bigint", true},
		{"enum value appended", "enum('a','b')", "enum('a','b','c')", true},
		{"cidr to inet", "cidr", "inet", false},
	}
	d := postgres.New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			op := ops.AlterColumn{Table: "t", Change: ops.ChangeType,
				From: model.Column{Name: "c", Type: model.Type{SQL: tc.from}, Nullable: true},
				To:   model.Column{Name: "c", Type: model.Type{SQL: tc.to}, Nullable: true}}
			got := d.Risks(op, dialect.RiskContext{})
			rewrite := len(got) == 1 && got[0].Kind == dialect.RiskLock && strings.Contains(got[0].Message, "PostgreSQL rewrites t")
			if rewrite != tc.rewrite || len(got) > 1 {
				t.Errorf("Risks = %+v, want a rewrite lock: %v", got, tc.rewrite)
			}
			if got := d.Risks(op, dialect.RiskContext{New: true}); got != nil {
				t.Errorf("Risks on a new table = %+v, want none", got)
			}
		})
	}
}
