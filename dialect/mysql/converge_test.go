package mysql_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// compare runs the real comparer: reflected database against the model.
func compare(t *testing.T, current, target model.Schema, d *mysql.Dialect) []ops.Op {
	t.Helper()
	list, err := diff.Compare(current, target, d, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func dumpOps(list []ops.Op) string {
	var b strings.Builder
	for _, op := range list {
		fmt.Fprintf(&b, "%T %+v\n", op, op)
	}
	return b.String()
}

// TestConvergeRichModel: the generated upgrade from an empty database
// applies, autogenerate on the same models then yields nothing, and the
// downgrade leaves an empty database.
func TestConvergeRichModel(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	m := richSchema()
	up := compare(t, model.Schema{}, m, d)
	apply(t, db.DB, d, up...)
	if again := compare(t, inspect(t, db.DB), m, d); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s", dumpOps(again))
	}
	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	apply(t, db.DB, d, down...)
	if got := inspect(t, db.DB); len(got.Tables) != 0 {
		t.Errorf("tables left after the downgrade: %d", len(got.Tables))
	}
}

// TestConvergeMigration changes a populated schema through a generated
// migration: it applies with the rows intact, leaves no drift, and its
// downgrade gives back the exact reflected schema.
func TestConvergeMigration(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	base := baseSchema()
	apply(t, db.DB, d, compare(t, model.Schema{}, base, d)...)
	db.ExecScript(t, baseRows)
	before := inspect(t, db.DB)

	target := baseSchema()
	items := tableOf(&target, "items")
	items.Columns[3].Type = model.Type{SQL: "varchar(150)"}                                                             // widen
	items.Columns = append(items.Columns, model.Column{Name: "sku", Type: model.Type{SQL: "char(12)"}, Nullable: true}) // add
	items.Indexes = slices.DeleteFunc(items.Indexes, func(ix model.Index) bool { return ix.Name == "ix_items_created" })
	items.Indexes = append(items.Indexes, model.Index{Name: "ix_items_sku", Unique: true, Parts: []model.IndexPart{{Column: "sku"}}})
	items.ForeignKeys = append(items.ForeignKeys, model.ForeignKey{Name: "fk_items_parent_id_items", Columns: []string{"parent_id"}, RefTable: "items", RefColumns: []string{"id"}, OnDelete: model.SetNull})
	items.Checks = []model.Check{{Name: "ck_items_qty", Expr: "qty >= 0 AND qty < 1000"}}
	items.Comment = "stock"
	kv := tableOf(&target, "kv")
	kv.ForeignKeys = []model.ForeignKey{{Name: "fk_kv_v_teams", Columns: []string{"v"}, RefTable: "teams", RefColumns: []string{"id"}}}
	kv.Columns[1].Type = model.Type{SQL: "int unsigned"}
	teams := tableOf(&target, "teams")
	teams.Columns = teams.Columns[:2] // drop note
	target.Tables = append(target.Tables, model.Table{
		Name:        "tags",
		Columns:     []model.Column{{Name: "id", Type: model.Type{Logical: model.LogicalInt}, AutoIncrement: true}, {Name: "item_id", Type: model.Type{SQL: "bigint"}}},
		PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: "fk_tags_item_id_items", Columns: []string{"item_id"}, RefTable: "items", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
	})

	up := compare(t, before, target, d)
	if _, err := db.ExecContext(t.Context(), "UPDATE kv SET v = 1"); err != nil {
		t.Fatal(err)
	}
	before = inspect(t, db.DB)
	apply(t, db.DB, d, up...)
	if again := compare(t, inspect(t, db.DB), target, d); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s\nupgrade was:\n%s", dumpOps(again), dumpOps(up))
	}
	for table, want := range map[string]int{"teams": 2, "items": 3, "kv": 2, "logs": 2} {
		var n int
		if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil || n != want {
			t.Errorf("%s: %d rows (%v), want %d", table, n, err, want)
		}
	}
	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	apply(t, db.DB, d, down...)
	after := inspect(t, db.DB)
	// MySQL keeps the index it made for a dropped foreign key.
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("after upgrade and downgrade (-before +after):\n%s\nupgrade was:\n%s", diff, dumpOps(up))
	}
}

// TestConvergeRawSQL: a schema written by hand compares equal to its own
// reflection, and creating that reflection elsewhere gives no drift.
func TestConvergeRawSQL(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	db.ExecScript(t, rawSchemaSQL)
	got := inspect(t, db.DB)
	if again := compare(t, got, got, d); len(again) > 0 {
		t.Fatalf("a reflected schema drifts from itself:\n%s", dumpOps(again))
	}
	db2, _ := server(t)
	apply(t, db2.DB, d, compare(t, model.Schema{}, got, d)...)
	if again := compare(t, inspect(t, db2.DB), got, d); len(again) > 0 {
		t.Fatalf("drift after re-creating the reflected schema:\n%s", dumpOps(again))
	}
}

// TestOfflineUpgradeSQL runs SQL written without a live database (as
// upgrade --sql prints it) for the rich model: on MariaDB it applies and
// leaves no drift, the implicit foreign-key indexes included.
func TestOfflineUpgradeSQL(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	if d.Flavor != mysql.FlavorMariaDB {
		t.Skip("MySQL 8 has no CREATE INDEX IF NOT EXISTS; offline SQL for FK-only columns needs a live database there")
	}
	m := richSchema()
	// Group by group, as migrate.SQL writes it.
	runGroups(t, db.DB, d, compare(t, model.Schema{}, m, d), dialect.NoTables{})
	if again := compare(t, inspect(t, db.DB), m, d); len(again) > 0 {
		t.Fatalf("drift after the offline upgrade:\n%s", dumpOps(again))
	}
}

// TestConvergeAddAutoIncrementKey gives a populated table without a primary
// key an AUTO_INCREMENT id key: the rows get numbers, no drift is left, and
// the downgrade gives back the table as it was.
func TestConvergeAddAutoIncrementKey(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	base := baseSchema()
	apply(t, db.DB, d, compare(t, model.Schema{}, base, d)...)
	db.ExecScript(t, baseRows)
	before := inspect(t, db.DB)
	target := baseSchema()
	logs := tableOf(&target, "logs")
	logs.Columns = append(logs.Columns, model.Column{Name: "id", Type: model.Type{SQL: "bigint unsigned"}, AutoIncrement: true})
	logs.PrimaryKey = model.PrimaryKey{Columns: []string{"id"}}
	up := compare(t, before, target, d)
	apply(t, db.DB, d, up...)
	if again := compare(t, inspect(t, db.DB), target, d); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s", dumpOps(again))
	}
	var maxID int
	if err := db.QueryRowContext(t.Context(), "SELECT MAX(id) FROM logs").Scan(&maxID); err != nil || maxID != 2 {
		t.Errorf("existing rows numbered up to %d (%v), want 2", maxID, err)
	}
	down, _, _ := ops.ReverseList(up)
	apply(t, db.DB, d, down...)
	if diff := cmp.Diff(before, inspect(t, db.DB)); diff != "" {
		t.Errorf("after upgrade and downgrade (-before +after):\n%s", diff)
	}
}

// TestConvergeForeignKeyIndexes moves a foreign key between its own index
// and an index of the model's, both ways, on populated tables.
func TestConvergeForeignKeyIndexes(t *testing.T) {
	t.Parallel()
	withKV := func() model.Schema {
		s := baseSchema()
		kv := tableOf(&s, "kv")
		kv.Columns[1].Type = model.Type{SQL: "int unsigned"}
		kv.ForeignKeys = []model.ForeignKey{{Name: "fk_kv_v_teams", Columns: []string{"v"}, RefTable: "teams", RefColumns: []string{"id"}}}
		return s
	}
	tests := []struct {
		name   string
		change func(m *model.Schema)
	}{
		{"drop the model's index", func(m *model.Schema) {
			items := tableOf(m, "items")
			items.Indexes = slices.DeleteFunc(items.Indexes, func(ix model.Index) bool { return ix.Name == "ix_items_team_id" })
		}},
		{"add an index that serves the key", func(m *model.Schema) {
			kv := tableOf(m, "kv")
			kv.Indexes = []model.Index{{Name: "ix_kv_v", Parts: []model.IndexPart{{Column: "v"}}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db, d := server(t)
			base := withKV()
			apply(t, db.DB, d, compare(t, model.Schema{}, base, d)...)
			db.ExecScript(t, baseRows)
			before := inspect(t, db.DB)
			target := withKV()
			tt.change(&target)
			up := compare(t, before, target, d)
			apply(t, db.DB, d, up...)
			if again := compare(t, inspect(t, db.DB), target, d); len(again) > 0 {
				t.Fatalf("drift right after the upgrade:\n%s\nupgrade was:\n%s", dumpOps(again), dumpOps(up))
			}
			down, _, _ := ops.ReverseList(up)
			apply(t, db.DB, d, down...)
			if diff := cmp.Diff(before, inspect(t, db.DB)); diff != "" {
				t.Errorf("after upgrade and downgrade (-before +after):\n%s\nupgrade was:\n%s", diff, dumpOps(up))
			}
		})
	}
}
