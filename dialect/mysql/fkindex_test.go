package mysql_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestForeignKeyIndexStatements checks how CreateIndex and DropIndex follow
// MySQL's own index for a foreign key, given the live table.
func TestForeignKeyIndexStatements(t *testing.T) {
	t.Parallel()
	fk := model.ForeignKey{Name: "fk_a", Columns: []string{"a"}, RefTable: "p", RefColumns: []string{"id"}}
	own := model.Index{Name: "fk_a", Parts: []model.IndexPart{{Column: "a"}}}
	mine := model.Index{Name: "ix_a", Parts: []model.IndexPart{{Column: "a"}}}
	wide := model.Index{Name: "ix_a_b", Parts: []model.IndexPart{{Column: "a"}, {Column: "b"}}}
	live := func(ixs ...model.Index) dialect.TableSource {
		return dialect.TableSourceFunc(func(context.Context, string, string) (model.Table, bool, error) {
			return model.Table{Name: "t", Indexes: ixs, ForeignKeys: []model.ForeignKey{fk}}, true, nil
		})
	}
	tests := []struct {
		name   string
		op     ops.Op
		tables dialect.TableSource
		want   []string
	}{
		{"own index made with the table", ops.CreateIndex{Table: "t", Index: own}, live(own), nil},
		{"own index kept while the key needs it", ops.DropIndex{Table: "t", Index: own}, live(own), nil},
		{"own index dropped when another serves", ops.DropIndex{Table: "t", Index: own}, live(own, mine), []string{"DROP INDEX fk_a ON t"}},
		{"last serving index dropped", ops.DropIndex{Table: "t", Index: mine}, live(mine), []string{"ALTER TABLE t ADD INDEX fk_a (a), DROP INDEX ix_a"}},
		{"serving index dropped, another serves", ops.DropIndex{Table: "t", Index: mine}, live(mine, wide), []string{"DROP INDEX ix_a ON t"}},
		{"serving index created", ops.CreateIndex{Table: "t", Index: wide}, live(own), []string{"ALTER TABLE t ADD INDEX ix_a_b (a, b), DROP INDEX fk_a"}},
		{"unrelated index created", ops.CreateIndex{Table: "t", Index: model.Index{Name: "ix_b", Parts: []model.IndexPart{{Column: "b"}}}}, live(own), []string{"CREATE INDEX ix_b ON t (b)"}},
		{"offline mysql", ops.CreateIndex{Table: "t", Index: own}, dialect.NoTables{}, []string{"CREATE INDEX fk_a ON t (a)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stmts, err := mysql.New().Statements(t.Context(), tt.op, tt.tables)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
