package sqlite_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// compare runs the real comparer: reflected database against the model.
func compare(t *testing.T, current, target model.Schema) []ops.Op {
	t.Helper()
	list, err := diff.Compare(current, target, sqlite.New(), diff.Options{})
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
	db := newDB(t)
	m := richSchema()
	up := compare(t, model.Schema{}, m)
	mustApply(t, db, up...)
	if again := compare(t, reflectDB(t, db), m); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s", dumpOps(again))
	}
	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	mustApply(t, db, down...)
	if got := reflectDB(t, db); len(got.Tables) != 0 {
		t.Errorf("tables left after the downgrade: %d", len(got.Tables))
	}
}

// TestConvergeMigration changes a populated schema through a generated
// migration that needs rebuilds: it applies with the rows intact, leaves no
// drift, and its downgrade gives back the exact reflected schema.
func TestConvergeMigration(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	mustApply(t, db, compare(t, model.Schema{}, baseSchema())...)
	if _, err := db.Exec(seedSQL); err != nil {
		t.Fatal(err)
	}
	before := reflectDB(t, db)
	beforeRows := rowsOf(t, db, itemsRows)

	target := baseSchema()
	items := table(&target, "items")
	column(items, "name").Type = model.Type{SQL: "VARCHAR(150)"}
	column(items, "qty").Nullable, column(items, "qty").Default = false, "0"
	items.Columns = append(items.Columns,
		model.Column{Name: "sku", Type: model.Type{SQL: "CHAR(12)"}, Nullable: true},
		model.Column{Name: "kind", Type: model.Type{EnumValues: []string{"fruit", "veg"}}, Default: "'fruit'"},
		model.Column{Name: "touched", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "CURRENT_TIMESTAMP"})
	items.Columns = slices.DeleteFunc(items.Columns, func(c model.Column) bool { return c.Name == "note" })
	items.Indexes = slices.DeleteFunc(items.Indexes, func(ix model.Index) bool { return ix.Name == "ix_items_lower" })
	items.Indexes = append(items.Indexes, model.Index{Name: "ix_items_sku", Unique: true, Parts: []model.IndexPart{{Column: "sku"}}, Where: "sku IS NOT NULL"})
	items.ForeignKeys[0].OnDelete = model.SetNull
	items.Checks = []model.Check{{Name: "ck_items_qty", Expr: "qty >= 0 AND qty < 1000"}}
	items.Uniques = append(items.Uniques, model.Unique{Name: "uq_items_parent_id_sku", Columns: []string{"parent_id", "sku"}})
	table(&target, "loose").PrimaryKey = model.PrimaryKey{Name: "pk_loose", Columns: []string{"k"}}
	table(&target, "pairs").PrimaryKey = model.PrimaryKey{}

	up := compare(t, before, target)
	t.Logf("upgrade:\n%s", dumpOps(up))
	mustApply(t, db, up...)
	if again := compare(t, reflectDB(t, db), target); len(again) > 0 {
		t.Fatalf("drift right after the upgrade:\n%s\nupgrade was:\n%s", dumpOps(again), dumpOps(up))
	}
	wantRows := [][]string{
		{"1", "1", "apple", "3", "1.5", "fruit"},
		{"2", "1", "pear", "0", "2", "fruit"},
		{"3", "2", "plum", "0", "0.25", "fruit"},
	}
	if diff := cmp.Diff(wantRows, rowsOf(t, db, `SELECT id, parent_id, name, qty, price, kind FROM items ORDER BY id`)); diff != "" {
		t.Errorf("rows after the upgrade (-want +got):\n%s", diff)
	}

	down, i, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", i)
	}
	mustApply(t, db, down...)
	if diff := cmp.Diff(columnsByName(before), columnsByName(reflectDB(t, db))); diff != "" {
		t.Errorf("after the downgrade (-want +got):\n%s", diff)
	}
	// The note column came back empty and qty's NULL became 0; the rest is
	// as it was.
	beforeRows[1][3] = "0"
	beforeRows[0][5], beforeRows[2][5] = "<nil>", "<nil>"
	if diff := cmp.Diff(beforeRows, rowsOf(t, db, itemsRows)); diff != "" {
		t.Errorf("rows after the downgrade (-want +got):\n%s", diff)
	}
}

// TestNoFalsePositives: a database written by hand in other spellings
// (lower case, synonyms, parenthesised defaults, column constraints,
// unnamed objects) compares equal to the models that describe it.
func TestNoFalsePositives(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, s := range []string{
		`create table teams (id integer primary key autoincrement, "Label" text)`,
		`create table users (
			id integer primary key,               -- a rowid alias
			email varchar ( 255 ) not null unique,
			name text default ('anon'),
			age int default (0) check (age>=0),
			active boolean not null default true,
			score double precision default 1.0,
			ratio real default '0.5',
			created datetime default current_timestamp,
			team_id bigint references teams(id) on delete cascade,
			code char(36) default (lower(hex(randomblob(16))))
		)`,
		`create index ix_users_name on users (name) where name is not null`,
		`create unique index ix_users_lower on users (lower( email ) desc)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	target := model.Schema{Tables: []model.Table{
		{
			Name: "teams",
			Columns: []model.Column{
				// AUTOINCREMENT, without NOT NULL.
				{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true, Nullable: true},
				{Name: "Label", Type: model.Type{Logical: model.LogicalString}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_teams", Columns: []string{"id"}},
		},
		{
			Name: "users",
			Columns: []model.Column{
				// A rowid alias as declared: no AUTOINCREMENT, no NOT NULL.
				{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
				{Name: "email", Type: model.Type{SQL: "VARCHAR(255)"}},
				{Name: "name", Type: model.Type{Logical: model.LogicalString}, Nullable: true, Default: "'anon'"},
				{Name: "age", Type: model.Type{SQL: "int"}, Nullable: true, Default: "0"}, // declared as written: int, not integer
				{Name: "active", Type: model.Type{Logical: model.LogicalBool}, Default: "1"},
				{Name: "score", Type: model.Type{Logical: model.LogicalDouble}, Nullable: true, Default: "1"},
				{Name: "ratio", Type: model.Type{Logical: model.LogicalReal}, Nullable: true, Default: "0.50"},
				{Name: "created", Type: model.Type{Logical: model.LogicalTimestamp}, Nullable: true, Default: "CURRENT_TIMESTAMP"},
				{Name: "team_id", Type: model.Type{Logical: model.LogicalBigInt}, Nullable: true},
				{Name: "code", Type: model.Type{Logical: model.LogicalUUID}, Nullable: true, Default: "LOWER(HEX(RANDOMBLOB(16)))"},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "ix_users_lower", Unique: true, Parts: []model.IndexPart{{Expr: "LOWER(email)", Desc: true}}},
				{Name: "ix_users_name", Parts: []model.IndexPart{{Column: "name"}}, Where: "(name IS NOT NULL)"},
			},
			Uniques:     []model.Unique{{Name: "uq_users_email", Columns: []string{"email"}}},
			ForeignKeys: []model.ForeignKey{{Name: "fk_users_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			Checks:      []model.Check{{Name: "ck_users_age", Expr: "age >= 0"}},
		},
	}}
	if got := compare(t, reflectDB(t, db), target); len(got) > 0 {
		t.Errorf("a hand-made database that matches its models gave ops:\n%s", dumpOps(got))
	}
	// And the comparison is not blind: a real difference shows.
	table(&target, "users").Columns[3].Default = "1"
	table(&target, "users").Checks[0].Expr = "age > 0"
	if got := compare(t, reflectDB(t, db), target); len(got) != 3 {
		t.Errorf("want an AlterColumn and a check swap, got:\n%s", dumpOps(got))
	}
}
