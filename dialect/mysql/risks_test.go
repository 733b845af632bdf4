package mysql_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestRisksTypeCopy: a type change copies the table unless MySQL can
// change it in place.
func TestRisksTypeCopy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, from, to, charset string
		inPlace                 bool
	}{
		{"varchar widened", "varchar(20)", "varchar(60)", "", true},
		{"varchar widened across the length byte", "varchar(50)", "varchar(100)", "", false},
		{"latin1 varchar widened below the length byte", "varchar(50)", "varchar(100)", "latin1", true},
		{"varchar narrowed", "varchar(100)", "varchar(50)", "", false},
		{"varchar to text", "character varying(100)", "text", "", false},
		{"numeric precision raised", "numeric(10,2)", "numeric(12,2)", "", false},
		{"numeric scale changed", "numeric(10,2)", "numeric(12,3)", "", false},
		{"int to bigint", "integer", "bigint", "", false},
		{"enum value appended", "enum('a','b')", "enum('a','b','c')", "", true},
		{"enum value inserted", "enum('a','b')", "enum('a','c','b')", "", false},
	}
	d := mysql.New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			op := ops.AlterColumn{Table: "t", Change: ops.ChangeType,
				From: model.Column{Name: "c", Type: model.Type{SQL: tc.from}, Nullable: true},
				To:   model.Column{Name: "c", Type: model.Type{SQL: tc.to}, Nullable: true, Charset: tc.charset}}
			got := d.Risks(op, dialect.RiskContext{})
			copies := len(got) == 1 && got[0].Kind == dialect.RiskLock && strings.Contains(got[0].Message, "ALGORITHM=COPY")
			if copies == tc.inPlace || len(got) > 1 {
				t.Errorf("Risks = %+v, want a copy lock: %v", got, !tc.inPlace)
			}
		})
	}
}
