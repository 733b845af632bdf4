package diff_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// mysqlLike is testDialect with MySQL's capabilities: folded column names,
// placed columns, AUTO_INCREMENT that needs a key, generated columns
// recreated, resettable table options.
type mysqlLike struct{ testDialect }

func (mysqlLike) FoldedNames() dialect.FoldedNames { return dialect.FoldedNames{Columns: true} }
func (mysqlLike) PlacesColumns() bool              { return true }
func (mysqlLike) AutoIncrementNeedsKey() bool      { return true }
func (mysqlLike) RecreatesGenerated() bool         { return true }
func (mysqlLike) ResetTableOption(name string) (string, bool) {
	return "DEFAULT", strings.EqualFold(name, "ROW_FORMAT")
}

func TestCompareCapabilities(t *testing.T) {
	col := func(name, typ string) model.Column { return model.Column{Name: name, Type: model.Type{SQL: typ}} }
	ai := func(c model.Column) model.Column { c.AutoIncrement = true; return c }
	gen := func(c model.Column, expr string, stored bool) model.Column {
		c.Generated = model.Generated{Expr: expr, Stored: stored}
		return c
	}
	tbl := func(cols []model.Column, pk ...string) model.Table {
		return model.Table{Name: "t", Columns: cols, PrimaryKey: model.PrimaryKey{Columns: pk}}
	}
	cases := []struct {
		name     string
		cur, tgt model.Table
		want     []string
	}{
		{
			name: "case-only rename",
			cur:  tbl([]model.Column{col("id", "int"), col("Email", "text")}, "id"),
			tgt:  tbl([]model.Column{col("id", "int"), col("email", "text")}, "id"),
			want: []string{"t: rename column Email to email"},
		},
		{
			name: "middle column placed, last not",
			cur:  tbl([]model.Column{col("id", "int"), col("z", "int")}, "id"),
			tgt:  tbl([]model.Column{col("a", "int"), col("id", "int"), col("m", "int"), col("z", "int"), col("tail", "int")}, "id"),
			want: []string{"t: add column a int NOT NULL first", "t: add column m int NOT NULL after id", "t: add column tail int NOT NULL\n"},
		},
		{
			name: "auto-increment leaves the old key and follows the new one",
			cur:  tbl([]model.Column{ai(col("id", "int")), col("k", "int")}, "id"),
			tgt:  tbl([]model.Column{ai(col("id", "int")), col("k", "int")}, "id", "k"),
			want: []string{
				"t: alter column id: drop autoincrement",
				"t: drop primary key (id)",
				"t: add primary key (id, k)",
				"t: alter column id: set autoincrement",
			},
		},
		{
			name: "generated kind change is a drop and an add in place",
			cur:  tbl([]model.Column{col("id", "int"), gen(col("g", "int"), "id + 1", false), col("z", "int")}, "id"),
			tgt:  tbl([]model.Column{col("id", "int"), gen(col("g", "int"), "id + 1", true), col("z", "int")}, "id"),
			want: []string{"t: drop column g", "t: add column g", "after id"},
		},
		{
			// MariaDB refuses to drop a column a generated column still
			// references: b (changed) and c (unchanged) go before a, in
			// dependency order, and come back after it.
			name: "generated columns referencing a recreated column go with it",
			cur:  tbl([]model.Column{col("a", "int"), gen(col("b", "int"), "a * 2", false), gen(col("c", "int"), "`A` * b", true), gen(col("d", "int"), "1", false)}),
			tgt:  tbl([]model.Column{gen(col("a", "int"), "1", true), gen(col("b", "int"), "a * 3", false), gen(col("c", "int"), "`A` * b", true), gen(col("d", "int"), "1", false)}),
			want: []string{"STORED\nt: drop column b", "VIRTUAL\nt: drop column a int NOT NULL\nt: add column a", "t: add column b", "STORED after b\n"},
		},
		{
			name: "a generated column referencing a dropped column is recreated",
			cur:  tbl([]model.Column{col("id", "int"), col("w", "int"), gen(col("g", "int"), "w + id", false), gen(col("h", "int"), "g", false), col("z", "int")}, "id"),
			tgt:  tbl([]model.Column{col("id", "int"), gen(col("g", "int"), "id", false), gen(col("h", "int"), "g", false), col("z", "int")}, "id"),
			want: []string{"(g) VIRTUAL\nt: drop column g", "VIRTUAL\nt: add column g", "t: add column h", "t: drop column w"},
		},
		{
			name: "an option the target does not name is reset",
			cur:  model.Table{Name: "t", Columns: []model.Column{col("id", "int")}, Options: []model.TableOption{{Name: "ROW_FORMAT", Value: "COMPACT"}}},
			tgt:  model.Table{Name: "t", Columns: []model.Column{col("id", "int")}},
			want: []string{"ROW_FORMAT=DEFAULT"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := diff.Compare(model.Schema{Tables: []model.Table{tc.cur}}, model.Schema{Tables: []model.Table{tc.tgt}}, mysqlLike{}, diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, op := range list {
				got = append(got, ops.Describe(op))
			}
			text := strings.Join(got, "\n") + "\n"
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("ops lack %q:\n%s", w, text)
				}
			}
			// Every op must apply in order to the current schema and
			// give the target's columns in the target's order.
			s := model.Schema{Tables: []model.Table{tc.cur.Clone()}}
			for _, op := range list {
				if err := ops.Apply(&s, op); err != nil {
					t.Fatalf("apply %s: %v", ops.Describe(op), err)
				}
			}
			var names, wantNames []string
			for _, c := range s.Tables[0].Columns {
				names = append(names, c.Name)
			}
			for _, c := range tc.tgt.Columns {
				wantNames = append(wantNames, c.Name)
			}
			if strings.Join(names, ",") != strings.Join(wantNames, ",") {
				t.Errorf("columns after the ops: %v, want %v", names, wantNames)
			}
		})
	}
}

// TestGeneratedDependentsOfTypeChange: on a dialect that does not place
// columns (PostgreSQL refuses to change the type of a column a generated
// column uses), the generated column referencing a column whose type
// changes is dropped before the change and added after it; one the
// target makes plain is changed first; one referencing nothing that
// changes is left alone.
func TestGeneratedDependentsOfTypeChange(t *testing.T) {
	col := func(name, typ, expr string) model.Column {
		return model.Column{Name: name, Type: model.Type{SQL: typ}, Generated: model.Generated{Expr: expr, Stored: expr != ""}}
	}
	cur := model.Table{Name: "t", Columns: []model.Column{col("a", "int", ""), col("Z", "int", ""), col("g", "int", `a * 2`), col("p", "int", `"a" + 1`), col("o", "int", `"Z" + 1`), col("z2", "int", `z + 1`)}}
	tgt := model.Table{Name: "t", Columns: []model.Column{col("a", "bigint", ""), col("Z", "int", ""), col("g", "int", `a * 2`), col("p", "int", ""), col("o", "int", `"Z" + 1`), col("z2", "int", `z + 1`)}}
	list, err := diff.Compare(model.Schema{Tables: []model.Table{cur}}, model.Schema{Tables: []model.Table{tgt}}, testDialect{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, op := range list {
		got = append(got, ops.Describe(op))
	}
	text := strings.Join(got, "\n")
	for _, w := range []string{"t: drop column g", "t: alter column p", "t: alter column a", "t: add column g"} {
		i := strings.Index(text, w)
		if i < 0 {
			t.Fatalf("ops lack %q:\n%s", w, text)
		}
		text = text[i:]
	}
	if all := strings.Join(got, "\n"); strings.Contains(all, "column o ") || strings.Contains(all, "column z2") {
		t.Errorf("a generated column referencing no changed column is touched:\n%s", all)
	}
}
