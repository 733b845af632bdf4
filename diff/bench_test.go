package diff_test

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
)

// genSchema returns n tables of six columns, a primary key, an index, a
// unique constraint, a check and a foreign key to the table before.
func genSchema(n int) model.Schema {
	var s model.Schema
	for i := range n {
		name := fmt.Sprintf("t%04d", i)
		t := model.Table{
			Name: name,
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
				{Name: "parent_id", Type: model.Type{SQL: "bigint"}, Nullable: true},
				{Name: "name", Type: model.Type{SQL: "varchar(100)"}},
				{Name: "email", Type: model.Type{SQL: "varchar(255)"}},
				{Name: "score", Type: model.Type{SQL: "integer"}, Default: "0"},
				{Name: "created_at", Type: model.Type{SQL: "timestamp"}, Default: "CURRENT_TIMESTAMP"},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_" + name, Columns: []string{"id"}},
			Indexes:    []model.Index{{Name: "ix_" + name + "_name", Parts: []model.IndexPart{{Column: "name"}}}},
			Uniques:    []model.Unique{{Name: "uq_" + name + "_email", Columns: []string{"email"}}},
			Checks:     []model.Check{{Name: "ck_" + name + "_score", Expr: "score >= 0"}},
		}
		if i > 0 {
			t.ForeignKeys = []model.ForeignKey{{Name: "fk_" + name + "_parent_id", Columns: []string{"parent_id"}, RefTable: fmt.Sprintf("t%04d", i-1), RefColumns: []string{"id"}}}
		}
		s.Tables = append(s.Tables, t)
	}
	return s
}

// changeEveryTenth makes one change in every tenth table, cycling through
// kinds of change, and returns how many it made.
func changeEveryTenth(s model.Schema) (model.Schema, int) {
	s = s.Clone()
	n := 0
	for i := 0; i < len(s.Tables); i += 10 {
		t := &s.Tables[i]
		switch (i / 10) % 6 {
		case 0:
			t.Columns = append(t.Columns, model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true})
		case 1:
			t.Columns[2].Type.SQL = "varchar(200)"
		case 2:
			t.Indexes[0].Where = "score > 0"
		case 3:
			t.Checks[0].Expr = "score > 0"
		case 4:
			t.Comment = "changed"
		case 5:
			t.Uniques = nil
		}
		n++
	}
	return s, n
}

func BenchmarkCompare1000Tables(b *testing.B) {
	current := genSchema(1000)
	target, _ := changeEveryTenth(current)
	d := testDialect{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := diff.Compare(current, target, d, diff.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompareGenerated checks the benchmark's input: 1,000 tables, 100
// changes (two ops for a changed index or check), and a valid round trip.
func TestCompareGenerated(t *testing.T) {
	t.Parallel()
	current := genSchema(1000)
	target, changes := changeEveryTenth(current)
	list, err := diff.Compare(current, target, testDialect{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Changed index and check are a drop and an add each: 2 of 6 kinds.
	want := changes + (changes/6)*2
	if changes%6 > 2 {
		want++
	}
	if changes%6 > 3 {
		want++
	}
	if len(list) != want {
		t.Errorf("Compare gave %d ops, want %d:\n%s", len(list), want, describe(list, nil))
	}
	checkRoundTrip(t, current, target, list)
}
