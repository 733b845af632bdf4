package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// baseSchema is the database every op case starts from.
func baseSchema() model.Schema {
	return model.Schema{Tables: []model.Table{
		{
			Name: "parent",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
				{Name: "name", Type: model.Type{SQL: "VARCHAR(50)"}},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_parent", Columns: []string{"id"}},
		},
		{
			Name: "items",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
				{Name: "parent_id", Type: model.Type{SQL: "BIGINT"}, Nullable: true},
				{Name: "name", Type: model.Type{SQL: "VARCHAR(100)"}, Default: "'x'"},
				{Name: "qty", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
				{Name: "price", Type: model.Type{SQL: "NUMERIC(10, 2)"}, Default: "0"},
				{Name: "note", Type: model.Type{SQL: "TEXT"}, Nullable: true},
				{Name: "created", Type: model.Type{SQL: "DATETIME"}, Nullable: true, Default: "CURRENT_TIMESTAMP"},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_items", Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "ix_items_lower", Parts: []model.IndexPart{{Expr: "lower(name)", Desc: true}}, Where: "qty > 0"},
				{Name: "ix_items_qty", Parts: []model.IndexPart{{Column: "qty"}}},
			},
			Uniques:     []model.Unique{{Name: "uq_items_name", Columns: []string{"name"}}},
			ForeignKeys: []model.ForeignKey{{Name: "fk_items_parent_id_parent", Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			Checks:      []model.Check{{Name: "ck_items_qty", Expr: "qty >= 0"}},
		},
		{
			Name: "pairs",
			Columns: []model.Column{
				{Name: "a", Type: model.Type{SQL: "INTEGER"}},
				{Name: "b", Type: model.Type{SQL: "TEXT"}},
				{Name: "v", Type: model.Type{SQL: "TEXT"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Name: "pk_pairs", Columns: []string{"a", "b"}},
		},
		{
			Name: "loose",
			Columns: []model.Column{
				{Name: "k", Type: model.Type{SQL: "INTEGER"}},
				{Name: "parent_id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
			},
		},
	}}
}

const seedSQL = `
INSERT INTO parent (id, name) VALUES (1, 'p1'), (2, 'p2');
INSERT INTO items (id, parent_id, name, qty, price, note) VALUES
	(1, 1, 'apple', 3, 1.5, 'red'),
	(2, 1, 'pear', NULL, 2, NULL),
	(3, 2, 'plum', 0, 0.25, 'blue');
INSERT INTO pairs (a, b, v) VALUES (1, 'x', 'one'), (2, 'y', NULL);
INSERT INTO loose (k, parent_id) VALUES (10, 1), (11, NULL);`

const itemsRows = `SELECT id, parent_id, name, qty, price, note FROM items ORDER BY id`

var baseItemsRows = [][]string{
	{"1", "1", "apple", "3", "1.5", "red"},
	{"2", "1", "pear", "<nil>", "2", "<nil>"},
	{"3", "2", "plum", "0", "0.25", "blue"},
}

// opCase is one op (or a short list the differ would produce together),
// what the reflected schema must look like after it, and what rows remain.
type opCase struct {
	name string
	ops  []ops.Op
	// want edits the base schema (as reflected) into the expected one.
	want func(s *model.Schema)
	// rows is a query and its rows after the ops; empty means itemsRows
	// and baseItemsRows.
	rows     string
	wantRows [][]string
	// noReverse explains why the reverse does not give the base back
	// exactly ("" means it must).
	noReverse string
	// lossy: the reverse restores the schema but not every value.
	lossy bool
	// columnMoves: the reverse adds a dropped column back at the end of
	// the table (ALTER TABLE ADD COLUMN appends; the op says nothing of
	// position), so the reverse is compared with columns in name order.
	columnMoves bool
}

func table(s *model.Schema, name string) *model.Table {
	for i := range s.Tables {
		if s.Tables[i].Name == name {
			return &s.Tables[i]
		}
	}
	panic("no table " + name)
}

func column(t *model.Table, name string) *model.Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	panic("no column " + name)
}

func opCases(base model.Schema) []opCase {
	items, _ := base.Table("", "items")
	qty, _ := items.Column("qty")
	name, _ := items.Column("name")
	note, _ := items.Column("note")
	pairs, _ := base.Table("", "pairs")
	itemsID, _ := items.Column("id")
	tags := model.Table{
		Name: "tags",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
			{Name: "label", Type: model.Type{SQL: "TEXT"}, Default: "''"},
			{Name: "item_id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
		},
		PrimaryKey:  model.PrimaryKey{Name: "pk_tags", Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: "fk_tags_item_id_items", Columns: []string{"item_id"}, RefTable: "items", RefColumns: []string{"id"}}},
	}
	extra := model.Column{Name: "extra", Type: model.Type{SQL: "TEXT"}, Nullable: true}
	flag := model.Column{Name: "flag", Type: model.Type{SQL: "BOOLEAN"}, Default: "0"}
	stamp := model.Column{Name: "stamp", Type: model.Type{SQL: "DATETIME"}, Default: "CURRENT_TIMESTAMP"}
	color := model.Column{Name: "color", Type: model.Type{SQL: "TEXT", EnumValues: []string{"red", "blue"}}, Default: "'red'"}
	qtyNotNull := qty
	qtyNotNull.Nullable, qtyNotNull.Default = false, "0"
	nameText := name
	nameText.Type = model.Type{SQL: "TEXT"}
	colorCheck := model.Check{Name: "ck_items_color", Expr: "color IN ('red', 'blue')"}
	return []opCase{
		{
			name: "CreateTable",
			ops:  []ops.Op{ops.CreateTable{Table: tags}},
			want: func(s *model.Schema) {
				s.Tables = append(s.Tables, tags)
			},
		},
		{
			name: "DropTable",
			ops:  []ops.Op{ops.DropTable{Table: pairs}},
			want: func(s *model.Schema) {
				var keep []model.Table
				for _, t := range s.Tables {
					if t.Name != "pairs" {
						keep = append(keep, t)
					}
				}
				s.Tables = keep
			},
			rows: `SELECT count(*) FROM items`, wantRows: [][]string{{"3"}},
			noReverse: "", lossy: true,
		},
		{
			name: "RenameTable",
			ops:  []ops.Op{ops.RenameTable{From: "items", To: "goods"}},
			want: func(s *model.Schema) { table(s, "items").Name = "goods"; sortTables(s) },
			rows: `SELECT id, parent_id, name, qty, price, note FROM goods ORDER BY id`, wantRows: baseItemsRows,
		},
		{
			name: "RenameTable/referenced by a foreign key",
			ops:  []ops.Op{ops.RenameTable{From: "parent", To: "Owner"}},
			want: func(s *model.Schema) {
				table(s, "parent").Name = "Owner"
				table(s, "items").ForeignKeys[0].RefTable = "Owner"
				sortTables(s)
			},
		},
		{
			name: "RenameColumn/referenced by a foreign key",
			ops:  []ops.Op{ops.RenameColumn{Table: "parent", From: "id", To: "pid"}},
			want: func(s *model.Schema) {
				t := table(s, "parent")
				column(t, "id").Name = "pid"
				t.PrimaryKey.Columns = []string{"pid"}
				table(s, "items").ForeignKeys[0].RefColumns = []string{"pid"}
			},
		},
		{
			name: "AddColumn/in place",
			ops:  []ops.Op{ops.AddColumn{Table: "items", Column: extra}, ops.AddColumn{Table: "items", Column: flag}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Columns = append(t.Columns, extra, flag)
			},
			rows: `SELECT id, extra, flag FROM items ORDER BY id`, wantRows: [][]string{{"1", "<nil>", "0"}, {"2", "<nil>", "0"}, {"3", "<nil>", "0"}},
		},
		{
			name: "AddColumn/rebuild for a non-constant default",
			ops:  []ops.Op{ops.AddColumn{Table: "items", Column: stamp}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Columns = append(t.Columns, stamp)
			},
		},
		{
			name: "AddColumn/rebuild for an enum",
			ops:  []ops.Op{ops.AddColumn{Table: "items", Column: color}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				c := color
				c.Type = model.Type{SQL: "TEXT"}
				t.Columns = append(t.Columns, c)
				t.Checks = append(t.Checks, colorCheck)
			},
			rows: `SELECT id, color FROM items ORDER BY id`, wantRows: [][]string{{"1", "red"}, {"2", "red"}, {"3", "red"}},
			// The reverse drops the column, and with it the CHECK that
			// names it: the base comes back.
		},
		{
			name: "DropColumn/in place",
			ops:  []ops.Op{ops.DropColumn{Table: "items", Column: note}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Columns = append(t.Columns[:5], t.Columns[6:]...)
			},
			rows: `SELECT id, name FROM items ORDER BY id`, wantRows: [][]string{{"1", "apple"}, {"2", "pear"}, {"3", "plum"}},
			lossy: true, columnMoves: true,
		},
		{
			name: "DropColumn/with its index and check first",
			ops: []ops.Op{
				ops.DropIndex{Table: "items", Index: items.Indexes[0]},
				ops.DropIndex{Table: "items", Index: items.Indexes[1]},
				ops.DropCheck{Table: "items", Check: items.Checks[0]},
				ops.DropColumn{Table: "items", Column: qty},
			},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Columns = append(t.Columns[:3], t.Columns[4:]...)
				t.Indexes, t.Checks = nil, nil
			},
			rows: `SELECT id, name, note FROM items ORDER BY id`, wantRows: [][]string{{"1", "apple", "red"}, {"2", "pear", "<nil>"}, {"3", "plum", "blue"}},
			lossy: true, columnMoves: true,
		},
		{
			name: "DropColumn/rebuild drops what names the column",
			ops:  []ops.Op{ops.DropColumn{Table: "items", Column: qty}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Columns = append(t.Columns[:3], t.Columns[4:]...)
				t.Indexes, t.Checks = nil, nil
			},
			rows: `SELECT id, name, note FROM items ORDER BY id`, wantRows: [][]string{{"1", "apple", "red"}, {"2", "pear", "<nil>"}, {"3", "plum", "blue"}},
			noReverse: "AddColumn cannot know the index and check the rebuild dropped with the column",
		},
		{
			name: "AlterColumn/set not null with default",
			ops:  []ops.Op{ops.AlterColumn{Table: "items", Change: ops.ChangeNullable | ops.ChangeDefault, From: qty, To: qtyNotNull}},
			want: func(s *model.Schema) { *column(table(s, "items"), "qty") = qtyNotNull },
			wantRows: [][]string{
				{"1", "1", "apple", "3", "1.5", "red"},
				{"2", "1", "pear", "0", "2", "<nil>"},
				{"3", "2", "plum", "0", "0.25", "blue"},
			},
			lossy: true,
		},
		{
			name: "AlterColumn/type",
			ops:  []ops.Op{ops.AlterColumn{Table: "items", Change: ops.ChangeType, From: name, To: nameText}},
			want: func(s *model.Schema) { *column(table(s, "items"), "name") = nameText },
		},
		{
			name: "RenameColumn",
			ops:  []ops.Op{ops.RenameColumn{Table: "items", From: "qty", To: "amount"}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				column(t, "qty").Name = "amount"
				t.Indexes[0].Where = "amount > 0"
				t.Indexes[1].Parts[0].Column = "amount"
				t.Checks[0].Expr = "amount >= 0"
			},
			rows: `SELECT id, parent_id, name, amount, price, note FROM items ORDER BY id`, wantRows: baseItemsRows,
		},
		{
			name: "CreateIndex",
			ops: []ops.Op{ops.CreateIndex{Table: "items", Index: model.Index{Name: "ix_items_parent", Unique: true,
				Parts: []model.IndexPart{{Column: "parent_id"}, {Expr: "price * 2", Desc: true}, {Column: "name", Desc: true}}, Where: "note IS NOT NULL"}}},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Indexes = []model.Index{t.Indexes[0], {Name: "ix_items_parent", Unique: true,
					Parts: []model.IndexPart{{Column: "parent_id"}, {Expr: "price * 2", Desc: true}, {Column: "name", Desc: true}}, Where: "note IS NOT NULL"},
					t.Indexes[1]}
			},
		},
		{
			name: "DropIndex",
			ops:  []ops.Op{ops.DropIndex{Table: "items", Index: items.Indexes[0]}},
			want: func(s *model.Schema) { t := table(s, "items"); t.Indexes = t.Indexes[1:] },
		},
		{
			name: "AddPrimaryKey",
			ops:  []ops.Op{ops.AddPrimaryKey{Table: "loose", PrimaryKey: model.PrimaryKey{Name: "pk_loose", Columns: []string{"k", "parent_id"}}}},
			want: func(s *model.Schema) {
				table(s, "loose").PrimaryKey = model.PrimaryKey{Name: "pk_loose", Columns: []string{"k", "parent_id"}}
			},
			rows: `SELECT k, parent_id FROM loose ORDER BY k`, wantRows: [][]string{{"10", "1"}, {"11", "<nil>"}},
		},
		{
			name: "DropPrimaryKey",
			ops:  []ops.Op{ops.DropPrimaryKey{Table: "pairs", PrimaryKey: pairs.PrimaryKey}},
			want: func(s *model.Schema) { table(s, "pairs").PrimaryKey = model.PrimaryKey{} },
			rows: `SELECT a, b, v FROM pairs ORDER BY a`, wantRows: [][]string{{"1", "x", "one"}, {"2", "y", "<nil>"}},
		},
		{
			// AUTOINCREMENT goes first (it needs the key), leaving a rowid
			// alias; the reverse adds the key, then AUTOINCREMENT.
			name: "DropPrimaryKey/rowid alias",
			ops: []ops.Op{
				ops.AlterColumn{Table: "items", Change: ops.ChangeAutoIncrement, From: itemsID, To: func() model.Column { c := itemsID; c.AutoIncrement = false; return c }()},
				ops.DropPrimaryKey{Table: "items", PrimaryKey: items.PrimaryKey},
			},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.PrimaryKey = model.PrimaryKey{}
				column(t, "id").AutoIncrement = false
			},
		},
		{
			name: "AddUnique",
			ops: []ops.Op{
				ops.AddUnique{Table: "items", Unique: model.Unique{Name: "uq_items_parent_id_note", Columns: []string{"parent_id", "note"}}},
				ops.AddUnique{Table: "pairs", Unique: model.Unique{Columns: []string{"v"}}},
			},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Uniques = append(t.Uniques, model.Unique{Name: "uq_items_parent_id_note", Columns: []string{"parent_id", "note"}})
				table(s, "pairs").Uniques = []model.Unique{{Columns: []string{"v"}}}
			},
		},
		{
			name: "DropUnique",
			ops:  []ops.Op{ops.DropUnique{Table: "items", Unique: items.Uniques[0]}},
			want: func(s *model.Schema) { table(s, "items").Uniques = nil },
		},
		{
			name: "AddForeignKey",
			ops: []ops.Op{ops.AddForeignKey{Table: "loose", ForeignKey: model.ForeignKey{Name: "fk_loose_parent_id_parent",
				Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.Restrict}}},
			want: func(s *model.Schema) {
				table(s, "loose").ForeignKeys = []model.ForeignKey{{Name: "fk_loose_parent_id_parent",
					Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.Restrict}}
			},
			rows: `SELECT k, parent_id FROM loose ORDER BY k`, wantRows: [][]string{{"10", "1"}, {"11", "<nil>"}},
		},
		{
			name: "DropForeignKey",
			ops:  []ops.Op{ops.DropForeignKey{Table: "items", ForeignKey: items.ForeignKeys[0]}},
			want: func(s *model.Schema) { table(s, "items").ForeignKeys = nil },
		},
		{
			name: "AddCheck",
			ops: []ops.Op{
				ops.AddCheck{Table: "items", Check: model.Check{Name: "ck_items_price", Expr: "price >= 0"}},
				ops.AddCheck{Table: "items", Check: model.Check{Expr: "length(name) > 0"}},
			},
			want: func(s *model.Schema) {
				t := table(s, "items")
				t.Checks = append(t.Checks, model.Check{Name: "ck_items_price", Expr: "price >= 0"}, model.Check{Expr: "length(name) > 0"})
			},
		},
		{
			name: "DropCheck",
			ops:  []ops.Op{ops.DropCheck{Table: "items", Check: items.Checks[0]}},
			want: func(s *model.Schema) { table(s, "items").Checks = nil },
		},
		{
			name: "SetObjectComment",
			ops:  []ops.Op{ops.SetObjectComment{Table: "items", Object: ops.CommentIndex, Name: "ix", To: "things"}},
			want: func(*model.Schema) {},
		},
		{
			name: "SetTableComment",
			ops:  []ops.Op{ops.SetTableComment{Table: "items", From: "", To: "things"}},
			want: func(*model.Schema) {},
		},
		{
			name: "SetTableOptions",
			ops:  []ops.Op{ops.SetTableOptions{Table: "items", To: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}}},
			want: func(*model.Schema) {},
		},
		{
			name: "CreateEnum",
			ops:  []ops.Op{ops.CreateEnum{Enum: model.Enum{Name: "mood", Values: []string{"a"}}}},
			want: func(*model.Schema) {},
		},
		{
			name: "DropEnum",
			ops:  []ops.Op{ops.DropEnum{Enum: model.Enum{Name: "mood", Values: []string{"a"}}}},
			want: func(*model.Schema) {},
		},
		{
			name: "RenameEnum",
			ops:  []ops.Op{ops.RenameEnum{From: "mood", To: "mood_old"}},
			want: func(*model.Schema) {},
		},
		{
			name:      "ValidateConstraint",
			ops:       []ops.Op{ops.ValidateConstraint{Table: "items", Check: &model.Check{Name: "ck", Expr: "qty >= 0", NotValid: true}}},
			want:      func(*model.Schema) {},
			noReverse: "SQLite has no NOT VALID check: the reverse (drop it, add it NOT VALID) has nothing to drop",
		},
		{
			name: "SetEnumComment",
			ops:  []ops.Op{ops.SetEnumComment{Enum: "mood", To: "how"}},
			want: func(*model.Schema) {},
		},
		{
			name:      "AddEnumValue",
			ops:       []ops.Op{ops.AddEnumValue{Enum: "mood", Value: "b"}},
			want:      func(*model.Schema) {},
			noReverse: "AddEnumValue has no reverse",
		},
		{
			name:      "BulkInsert",
			ops:       []ops.Op{ops.BulkInsert{Table: "items", Columns: []string{"id", "name", "note"}, Rows: [][]any{{10, "it's", nil}, {11, "fig", []byte("n")}}}},
			want:      func(*model.Schema) {},
			noReverse: "BulkInsert has no reverse",
			wantRows: [][]string{
				{"1", "1", "apple", "3", "1.5", "red"},
				{"2", "1", "pear", "<nil>", "2", "<nil>"},
				{"3", "2", "plum", "0", "0.25", "blue"},
				{"10", "<nil>", "it's", "<nil>", "0", "<nil>"},
				{"11", "<nil>", "fig", "<nil>", "0", "n"},
			},
		},
		{
			name: "Execute",
			ops:  []ops.Op{ops.Execute{SQL: "UPDATE items SET note = 'n' WHERE id = 2", DownSQL: "UPDATE items SET note = NULL WHERE id = 2"}},
			want: func(*model.Schema) {},
			wantRows: [][]string{
				{"1", "1", "apple", "3", "1.5", "red"},
				{"2", "1", "pear", "<nil>", "2", "n"},
				{"3", "2", "plum", "0", "0.25", "blue"},
			},
		},
	}
}

func sortTables(s *model.Schema) {
	for i := 1; i < len(s.Tables); i++ {
		for j := i; j > 0 && s.Tables[j].Name < s.Tables[j-1].Name; j-- {
			s.Tables[j], s.Tables[j-1] = s.Tables[j-1], s.Tables[j]
		}
	}
}

// seeded returns a database holding the base schema and rows, and the
// schema as reflected.
func seeded(t *testing.T) (*sql.DB, model.Schema) {
	t.Helper()
	db := newDB(t)
	mustApply(t, db, createOps(baseSchema())...)
	if _, err := db.Exec(seedSQL); err != nil {
		t.Fatal(err)
	}
	return db, reflectDB(t, db)
}

func TestOps(t *testing.T) {
	t.Parallel()
	_, base := seeded(t)
	if diff := cmp.Diff(sqlite.New().Canonical(baseSchema()), base); diff != "" {
		t.Fatalf("base schema (-want +got):\n%s", diff)
	}
	for _, tc := range opCases(base) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db, base := seeded(t)
			baseRows := rowsOf(t, db, itemsRows)
			mustApply(t, db, tc.ops...)

			want := base.Clone()
			tc.want(&want)
			got := reflectDB(t, db)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("after the op (-want +got):\n%s", diff)
			}
			q, wantRows := tc.rows, tc.wantRows
			if q == "" {
				q = itemsRows
				if wantRows == nil {
					wantRows = baseItemsRows
				}
			}
			if diff := cmp.Diff(wantRows, rowsOf(t, db, q)); diff != "" {
				t.Errorf("rows after the op (-want +got):\n%s", diff)
			}

			// Upgrade then downgrade gives back the schema we started from.
			if tc.noReverse != "" {
				return
			}
			rev, i, ok := ops.ReverseList(tc.ops)
			if !ok {
				t.Fatalf("op %d (%T) has no reverse", i, tc.ops[i])
			}
			mustApply(t, db, rev...)
			got = reflectDB(t, db)
			want = base
			if tc.columnMoves {
				got, want = columnsByName(got), columnsByName(base)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("after the reverse (-want +got):\n%s", diff)
			}
			if !tc.lossy {
				if diff := cmp.Diff(baseRows, rowsOf(t, db, itemsRows)); diff != "" {
					t.Errorf("rows after the reverse (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestOpsCoverEveryKind proves TestOps has a case for every op type, and
// that the dialect has an answer for each.
func TestOpsCoverEveryKind(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, tc := range opCases(baseSchema()) {
		for _, op := range tc.ops {
			covered[fmt.Sprintf("%T", op)] = true
		}
	}
	covered["ops.Custom"] = true // TestCustomOp
	// Exclusion constraints are PostgreSQL's: refused (TestExcludeRefused).
	covered["ops.AddExclude"], covered["ops.DropExclude"] = true, true
	covered["ops.CreateExtension"], covered["ops.DropExtension"] = true, true
	d := sqlite.New()
	for _, op := range ops.All() {
		name := fmt.Sprintf("%T", op)
		if !covered[name] {
			t.Errorf("no TestOps case for %s", name)
		}
		_, err := d.Statements(context.Background(), op, dialect.NoTables{})
		if err != nil && !errors.Is(err, dialect.ErrOffline) && !errors.Is(err, sqlite.ErrUnsupported) && !errors.Is(err, dialect.ErrCustomOp) {
			t.Errorf("%s offline: unexpected error %v", name, err)
		}
	}
}

// TestExcludeRefused: SQLite has no exclusion constraints; the ops are
// refused, never dropped without a word.
func TestExcludeRefused(t *testing.T) {
	t.Parallel()
	x := model.Exclude{Name: "ex", Def: "USING gist (a WITH &&)"}
	for _, op := range []ops.Op{ops.AddExclude{Table: "t", Exclude: x}, ops.DropExclude{Table: "t", Exclude: x}} {
		if _, err := sqlite.New().Statements(context.Background(), op, dialect.NoTables{}); !errors.Is(err, sqlite.ErrUnsupported) {
			t.Errorf("%T: err = %v, want ErrUnsupported", op, err)
		}
	}
}

type customOp struct{}

func (customOp) Name() string                        { return "create_policy" }
func (customOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

// runnableOp is a custom op that gives its SQL.
type runnableOp struct{ customOp }

func (runnableOp) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	return []dialect.Statement{{SQL: "CREATE TABLE " + d.QuoteIdent("audit") + " (id INTEGER)"}}, nil
}

func TestCustomOp(t *testing.T) {
	t.Parallel()
	_, err := sqlite.New().Statements(context.Background(), ops.Custom{Op: customOp{}}, dialect.NoTables{})
	if !errors.Is(err, dialect.ErrCustomOp) {
		t.Errorf("Custom without Statements: err = %v, want ErrCustomOp", err)
	}
	got, err := sqlite.New().Statements(context.Background(), ops.Custom{Op: runnableOp{}}, dialect.NoTables{})
	if err != nil || len(got) != 1 || got[0].SQL != "CREATE TABLE audit (id INTEGER)" {
		t.Errorf("Custom with Statements = %v, %v", got, err)
	}
}

func columnsByName(s model.Schema) model.Schema {
	s = s.Clone()
	for i := range s.Tables {
		cols := s.Tables[i].Columns
		sort.Slice(cols, func(a, b int) bool { return cols[a].Name < cols[b].Name })
	}
	return s
}
