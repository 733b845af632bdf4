package sqlite_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// masterDump is sqlite_master, every object with its stored SQL: the
// oracle for what a rebuild leaves behind.
const masterDump = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"

// rebuildSchemas are the schema before and after rebuilds of three tables:
// items (AUTOINCREMENT, an index, a trigger, a view reading it and a table
// referencing it) gets a type and nullability change, tags (a foreign key
// to items) a check, kv (STRICT, WITHOUT ROWID) a nullability change.
func rebuildSchemas() (before, after model.Schema) {
	items := model.Table{
		Name: "items",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "INTEGER"}, AutoIncrement: true},
			{Name: "code", Type: model.Type{SQL: "VARCHAR(10)"}},
			{Name: "note", Type: model.Type{SQL: "TEXT"}, Nullable: true},
		},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
		Indexes:    []model.Index{{Name: "ix_items_note", Parts: []model.IndexPart{{Column: "note"}}}},
	}
	tags := model.Table{
		Name: "tags",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{SQL: "INTEGER"}},
			{Name: "item_id", Type: model.Type{SQL: "INTEGER"}, Nullable: true},
			{Name: "label", Type: model.Type{SQL: "TEXT"}, Nullable: true},
		},
		PrimaryKey:  model.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: "fk_tags_item_id_items", Columns: []string{"item_id"}, RefTable: "items", RefColumns: []string{"id"}}},
	}
	kv := model.Table{
		Name: "kv",
		Columns: []model.Column{
			{Name: "k", Type: model.Type{SQL: "TEXT"}},
			{Name: "v", Type: model.Type{SQL: "INTEGER"}},
		},
		PrimaryKey: model.PrimaryKey{Columns: []string{"k"}},
		Options:    []model.TableOption{{Name: "STRICT"}, {Name: "WITHOUT ROWID"}},
	}
	before = model.Schema{Tables: []model.Table{items, tags, kv}}
	items2, tags2, kv2 := items.Clone(), tags.Clone(), kv.Clone()
	items2.Columns[1].Type, items2.Columns[1].Nullable = model.Type{SQL: "TEXT"}, true
	tags2.Checks = []model.Check{{Name: "ck_tags_label", Expr: "length(label) < 20"}}
	kv2.Columns[1].Nullable = true
	after = model.Schema{Tables: []model.Table{items2, tags2, kv2}}
	return before, after
}

// rebuildOps are the ops from one schema of rebuildSchemas to the other.
func rebuildOps(from, to model.Schema) []ops.Op {
	var list []ops.Op
	for i, ft := range from.Tables {
		tt := to.Tables[i]
		for j, fc := range ft.Columns {
			tc := tt.Columns[j]
			var change ops.ChangeKind
			if fc.Type.SQL != tc.Type.SQL {
				change |= ops.ChangeType
			}
			if fc.Nullable != tc.Nullable {
				change |= ops.ChangeNullable
			}
			if change != 0 {
				list = append(list, ops.AlterColumn{Table: ft.Name, Change: change, From: fc, To: tc})
			}
		}
		for _, ck := range ft.Checks {
			list = append(list, ops.DropCheck{Table: ft.Name, Check: ck})
		}
		for _, ck := range tt.Checks {
			list = append(list, ops.AddCheck{Table: tt.Name, Check: ck})
		}
	}
	return list
}

// rebuildExtras are the objects retort does not model, written in SQL:
// a view on items and a trigger on it.
var rebuildExtras = []string{
	"CREATE VIEW v_items AS SELECT id, code FROM items",
	"CREATE TRIGGER items_tag AFTER INSERT ON items BEGIN INSERT INTO tags (id, item_id, label) VALUES (NEW.id, NEW.id, NEW.code); END",
}

// createWith creates s (retort's CREATE TABLE and CREATE INDEX) and the
// extras in a fresh database.
func createWith(t *testing.T, s model.Schema) *sql.DB {
	t.Helper()
	db := newDB(t)
	mustApply(t, db, createOps(s)...)
	for _, q := range rebuildExtras {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return db
}

// TestRebuildStoresNewTableSQL rebuilds three tables and compares
// sqlite_master with a fresh database where retort created the target
// schema: the rebuilt tables must be stored with exactly the CREATE TABLE
// text a new table gets (not the CREATE TABLE "items" a RENAME into place
// stores). The downgrade, three more rebuilds, must restore sqlite_master
// as it was, text for text; the rows, the AUTOINCREMENT counter, the
// trigger, the view and the foreign keys keep working throughout.
func TestRebuildStoresNewTableSQL(t *testing.T) {
	t.Parallel()
	before, after := rebuildSchemas()
	db := createWith(t, before)
	for _, q := range []string{
		"INSERT INTO items (code, note) VALUES ('a', 'n1'), ('b', NULL), ('c', 'n3')",
		"DELETE FROM tags WHERE id = 3",
		"DELETE FROM items WHERE id = 3",
		"INSERT INTO kv (k, v) VALUES ('x', 1)",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	initial := rowsOf(t, db, masterDump)
	data := func() [][]string {
		return rowsOf(t, db, "SELECT 'items', id, code, coalesce(note, 'NULL') FROM items UNION ALL SELECT 'tags', id, item_id, label FROM tags UNION ALL SELECT 'kv', k, v, '' FROM kv UNION ALL SELECT 'view', id, code, '' FROM v_items ORDER BY 1, 2")
	}
	rows := data()

	mustApply(t, db, rebuildOps(before, after)...)
	fresh := createWith(t, after)
	if _, err := fresh.Exec("INSERT INTO sqlite_sequence (name, seq) VALUES ('items', 3)"); err != nil {
		t.Fatal(err) // the row db has
	}
	if diff := cmp.Diff(rowsOf(t, fresh, masterDump), rowsOf(t, db, masterDump)); diff != "" {
		t.Errorf("sqlite_master after the rebuilds (-created new +rebuilt):\n%s", diff)
	}
	if diff := cmp.Diff(rows, data()); diff != "" {
		t.Errorf("rows changed by the rebuilds (-before +after):\n%s", diff)
	}
	if got := rowsOf(t, db, "SELECT seq FROM sqlite_sequence WHERE name = 'items'"); len(got) != 1 || got[0][0] != "3" {
		t.Errorf("sqlite_sequence of items after the rebuild = %v, want 3 (the counter kept)", got)
	}

	mustApply(t, db, rebuildOps(after, before)...)
	if diff := cmp.Diff(initial, rowsOf(t, db, masterDump)); diff != "" {
		t.Errorf("sqlite_master after the downgrade (-before the upgrade +after the downgrade):\n%s", diff)
	}
	if diff := cmp.Diff(rows, data()); diff != "" {
		t.Errorf("rows changed by the upgrade and downgrade (-before +after):\n%s", diff)
	}
	if got := rowsOf(t, db, "PRAGMA foreign_key_check"); len(got) != 0 {
		t.Errorf("foreign_key_check after the downgrade: %v", got)
	}
	// The counter, the trigger and the view still work on the table.
	if _, err := db.Exec("INSERT INTO items (code) VALUES ('d')"); err != nil {
		t.Fatal(err)
	}
	if got := rowsOf(t, db, "SELECT i.id, t.label, v.code FROM items i JOIN tags t ON t.item_id = i.id JOIN v_items v ON v.id = i.id WHERE i.code = 'd'"); len(got) != 1 || got[0][0] != "4" {
		t.Errorf("the new row, its trigger's tag and the view's row = %v, want id 4 in each", got)
	}
}

// TestRebuildRefusesForeignKeysOn runs a rebuild's statements with
// foreign keys on, outside the runner: the first one fails, before the
// RENAME that would point the referencing table at the old table's
// temporary name, and sqlite_master is left as it was.
func TestRebuildRefusesForeignKeysOn(t *testing.T) {
	t.Parallel()
	before, after := rebuildSchemas()
	db := createWith(t, before)
	initial := rowsOf(t, db, masterDump)
	live := reflectDB(t, db)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = ON"); err != nil {
		t.Fatal(err)
	}
	tables := dialect.WithCatalog(dialect.TableSourceFunc(func(_ context.Context, _, name string) (model.Table, bool, error) {
		tb, ok := live.Table("", name)
		return tb, ok, nil
	}), func() dialect.Querier { return conn })
	stmts, err := sqlite.New().Statements(ctx, rebuildOps(before, after)[0], tables)
	if err != nil {
		t.Fatal(err)
	}
	var failed error
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil {
			failed = err
			break
		}
	}
	conn.Close() // the pool may hold one connection
	if failed == nil || !strings.Contains(failed.Error(), "foreign_keys = OFF") {
		t.Errorf("rebuild with foreign keys on: err = %v, want the foreign_keys guard's", failed)
	}
	if diff := cmp.Diff(initial, rowsOf(t, db, masterDump)); diff != "" {
		t.Errorf("sqlite_master after the refused rebuild (-before +after):\n%s", diff)
	}
}
