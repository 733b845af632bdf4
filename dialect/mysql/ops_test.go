package mysql_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// baseSchema is the schema every op case starts from; baseRows fills it.
func baseSchema() model.Schema {
	str := func(n string, size int, null bool) model.Column {
		return model.Column{Name: n, Type: model.Type{Logical: model.LogicalString, Size: size}, Nullable: null}
	}
	return model.Schema{Tables: []model.Table{
		{
			Name: "teams",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "int unsigned"}, AutoIncrement: true},
				str("name", 100, false),
				str("note", 50, true),
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Uniques:    []model.Unique{{Name: "uq_teams_name", Columns: []string{"name"}}},
		},
		{
			Name: "items",
			Columns: []model.Column{
				{Name: "id", Type: model.Type{SQL: "bigint"}, AutoIncrement: true},
				{Name: "team_id", Type: model.Type{SQL: "int unsigned"}, Nullable: true},
				{Name: "parent_id", Type: model.Type{SQL: "bigint"}, Nullable: true},
				{Name: "title", Type: model.Type{SQL: "varchar(100)"}, Default: "''"},
				{Name: "qty", Type: model.Type{SQL: "int"}, Default: "0"},
				{Name: "price", Type: model.Type{SQL: "decimal(10,2)"}, Nullable: true},
				{Name: "created", Type: model.Type{SQL: "datetime"}, Nullable: true},
			},
			PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
			Indexes: []model.Index{
				{Name: "ix_items_team_id", Parts: []model.IndexPart{{Column: "team_id"}}},
				{Name: "ix_items_parent_id", Parts: []model.IndexPart{{Column: "parent_id"}}},
				{Name: "ix_items_created", Parts: []model.IndexPart{{Column: "created"}}},
			},
			ForeignKeys: []model.ForeignKey{{Name: "fk_items_team_id_teams", Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: model.Cascade}},
			Checks:      []model.Check{{Name: "ck_items_qty", Expr: "qty >= 0"}},
		},
		{
			Name:    "logs",
			Columns: []model.Column{{Name: "a", Type: model.Type{SQL: "int"}}, str("b", 10, true)},
		},
		{
			Name:       "kv",
			Columns:    []model.Column{str("k", 20, false), {Name: "v", Type: model.Type{SQL: "int"}, Nullable: true}},
			PrimaryKey: model.PrimaryKey{Columns: []string{"k"}},
		},
	}}
}

const baseRows = `INSERT INTO teams (name) VALUES ('red'), ('blue');
INSERT INTO items (team_id, title, qty, price, created) VALUES (1, 'a', 1, 1.50, NOW()), (1, 'b', 2, 2.00, NULL), (2, 'c', 3, NULL, NULL);
INSERT INTO logs VALUES (1, 'x'), (2, 'y');
INSERT INTO kv VALUES ('k1', 1), ('k2', 2);`

// tableOf returns a pointer to the named table of s.
func tableOf(s *model.Schema, name string) *model.Table {
	for i := range s.Tables {
		if s.Tables[i].Name == name {
			return &s.Tables[i]
		}
	}
	panic("no table " + name)
}

func colOf(s model.Schema, table, col string) model.Column {
	t := tableOf(&s, table)
	c, ok := t.Column(col)
	if !ok {
		panic("no column " + table + "." + col)
	}
	return c
}

type opCase struct {
	name string
	// op builds the op from the reflected schema before it.
	op func(before model.Schema) ops.Op
	// change edits the model to what the op makes of it.
	change func(m *model.Schema)
	// rows are the row counts after the op; nil means baseline.
	rows map[string]int
	// afterReverse edits the reflected schema before the op into what the
	// reverse leaves; nil means "exactly as before".
	afterReverse func(s *model.Schema)
}

func opCases() []opCase {
	return []opCase{
		{
			name: "CreateTable",
			op: func(model.Schema) ops.Op {
				return ops.CreateTable{Table: model.Table{Name: "tags", Comment: "labels",
					Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "int"}, AutoIncrement: true}, {Name: "label", Type: model.Type{SQL: "varchar(30)"}, Comment: "shown"}},
					PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
					Indexes:    []model.Index{{Name: "ix_tags_label", Unique: true, Parts: []model.IndexPart{{Column: "label", Length: 10}}}},
					Options:    []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}}}
			},
			change: func(m *model.Schema) {
				m.Tables = append(m.Tables, model.Table{Name: "tags", Comment: "labels",
					Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "int"}, AutoIncrement: true}, {Name: "label", Type: model.Type{SQL: "varchar(30)"}, Comment: "shown"}},
					PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
					Indexes:    []model.Index{{Name: "ix_tags_label", Unique: true, Parts: []model.IndexPart{{Column: "label", Length: 10}}}},
					Options:    []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}})
			},
		},
		{
			name: "DropTable",
			op:   func(b model.Schema) ops.Op { return ops.DropTable{Table: *tableOf(&b, "kv")} },
			change: func(m *model.Schema) {
				m.Tables = slices.DeleteFunc(m.Tables, func(t model.Table) bool { return t.Name == "kv" })
			},
			rows: map[string]int{"teams": 2, "items": 3, "logs": 2},
		},
		{
			name:   "RenameTable",
			op:     func(model.Schema) ops.Op { return ops.RenameTable{From: "items", To: "things"} },
			change: func(m *model.Schema) { tableOf(m, "items").Name = "things" },
			rows:   map[string]int{"teams": 2, "things": 3, "logs": 2, "kv": 2},
		},
		{
			name: "AddColumn",
			op: func(model.Schema) ops.Op {
				return ops.AddColumn{Table: "items", Column: model.Column{Name: "extra", Type: model.Type{SQL: "varchar(20)"}, Default: "'x'", Comment: "new"}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Columns = append(t.Columns, model.Column{Name: "extra", Type: model.Type{SQL: "varchar(20)"}, Default: "'x'", Comment: "new"})
			},
		},
		{
			name: "DropColumn",
			op:   func(b model.Schema) ops.Op { return ops.DropColumn{Table: "teams", Column: colOf(b, "teams", "note")} },
			change: func(m *model.Schema) {
				t := tableOf(m, "teams")
				t.Columns = slices.DeleteFunc(t.Columns, func(c model.Column) bool { return c.Name == "note" })
			},
		},
		{
			name: "AlterColumn",
			op: func(b model.Schema) ops.Op {
				from := colOf(b, "items", "title")
				to := model.Column{Name: "title", Type: model.Type{SQL: "varchar(200)"}, Nullable: true, Default: "'n'", Comment: "the title", Collation: "utf8mb4_bin"}
				return ops.AlterColumn{Table: "items", Change: ops.ChangeType | ops.ChangeNullable | ops.ChangeDefault | ops.ChangeComment | ops.ChangeCollation, From: from, To: to}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Columns[3] = model.Column{Name: "title", Type: model.Type{SQL: "varchar(200)"}, Nullable: true, Default: "'n'", Comment: "the title", Collation: "utf8mb4_bin"}
			},
		},
		{
			name: "AlterColumnOnUpdate",
			op: func(b model.Schema) ops.Op {
				from := colOf(b, "items", "created")
				to := model.Column{Name: "created", Type: model.Type{SQL: "datetime(3)"}, Nullable: true, Default: "CURRENT_TIMESTAMP(3)", OnUpdate: "CURRENT_TIMESTAMP(3)"}
				return ops.AlterColumn{Table: "items", Change: ops.ChangeType | ops.ChangeNullable | ops.ChangeDefault | ops.ChangeOnUpdate, From: from, To: to}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Columns[6] = model.Column{Name: "created", Type: model.Type{SQL: "datetime(3)"}, Nullable: true, Default: "CURRENT_TIMESTAMP(3)", OnUpdate: "CURRENT_TIMESTAMP(3)"}
			},
		},
		{
			name:   "RenameColumn",
			op:     func(model.Schema) ops.Op { return ops.RenameColumn{Table: "items", From: "title", To: "heading"} },
			change: func(m *model.Schema) { tableOf(m, "items").Columns[3].Name = "heading" },
		},
		{
			name: "CreateIndex",
			op: func(model.Schema) ops.Op {
				return ops.CreateIndex{Table: "items", Index: model.Index{Name: "ix_items_title_qty", Parts: []model.IndexPart{{Column: "title", Length: 50}, {Column: "qty", Desc: true}}}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Indexes = append(t.Indexes, model.Index{Name: "ix_items_title_qty", Parts: []model.IndexPart{{Column: "title", Length: 50}, {Column: "qty", Desc: true}}})
			},
		},
		{
			name: "CreateFulltextIndex",
			op: func(model.Schema) ops.Op {
				return ops.CreateIndex{Table: "items", Index: model.Index{Name: "ft_items_title", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "title"}}}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Indexes = append(t.Indexes, model.Index{Name: "ft_items_title", Method: "FULLTEXT", Parts: []model.IndexPart{{Column: "title"}}})
			},
		},
		{
			name: "DropIndex",
			op: func(b model.Schema) ops.Op {
				ix, _ := tableOf(&b, "items").Index("ix_items_created")
				return ops.DropIndex{Table: "items", Index: ix}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Indexes = slices.DeleteFunc(t.Indexes, func(ix model.Index) bool { return ix.Name == "ix_items_created" })
			},
		},
		{
			name: "AddPrimaryKey",
			op: func(model.Schema) ops.Op {
				return ops.AddPrimaryKey{Table: "logs", PrimaryKey: model.PrimaryKey{Name: "pk_logs", Columns: []string{"a"}}}
			},
			change: func(m *model.Schema) { tableOf(m, "logs").PrimaryKey.Columns = []string{"a"} },
		},
		{
			name: "DropPrimaryKey",
			op: func(b model.Schema) ops.Op {
				return ops.DropPrimaryKey{Table: "kv", PrimaryKey: tableOf(&b, "kv").PrimaryKey}
			},
			change: func(m *model.Schema) { tableOf(m, "kv").PrimaryKey = model.PrimaryKey{} },
		},
		{
			name: "AddUnique",
			op: func(model.Schema) ops.Op {
				return ops.AddUnique{Table: "items", Unique: model.Unique{Name: "uq_items_title_qty", Columns: []string{"title", "qty"}}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Uniques = append(t.Uniques, model.Unique{Name: "uq_items_title_qty", Columns: []string{"title", "qty"}})
			},
		},
		{
			name: "DropUnique",
			op: func(model.Schema) ops.Op {
				return ops.DropUnique{Table: "teams", Unique: model.Unique{Name: "uq_teams_name", Columns: []string{"name"}}}
			},
			change: func(m *model.Schema) { tableOf(m, "teams").Uniques = nil },
			// The reverse adds a unique index of the same name back.
		},
		{
			name: "AddForeignKey",
			op: func(model.Schema) ops.Op {
				return ops.AddForeignKey{Table: "items", ForeignKey: model.ForeignKey{Name: "fk_items_parent_id_items", Columns: []string{"parent_id"},
					RefTable: "items", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.Restrict}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.ForeignKeys = append(t.ForeignKeys, model.ForeignKey{Name: "fk_items_parent_id_items", Columns: []string{"parent_id"},
					RefTable: "items", RefColumns: []string{"id"}, OnDelete: model.SetNull, OnUpdate: model.Restrict})
			},
		},
		{
			name: "AddForeignKeyImplicitIndex",
			op: func(model.Schema) ops.Op {
				return ops.AddForeignKey{Table: "kv", ForeignKey: model.ForeignKey{Name: "fk_kv_v_logs", Columns: []string{"v"}, RefTable: "logs", RefColumns: []string{"a"}}}
			},
			change: func(m *model.Schema) {
				// The referenced column needs a key; logs.a gets one first.
				tableOf(m, "logs").Indexes = []model.Index{{Name: "ix_logs_a", Parts: []model.IndexPart{{Column: "a"}}}}
				t := tableOf(m, "kv")
				t.ForeignKeys = append(t.ForeignKeys, model.ForeignKey{Name: "fk_kv_v_logs", Columns: []string{"v"}, RefTable: "logs", RefColumns: []string{"a"}})
			},
			// MySQL keeps the index it made for the key when the key goes.
			afterReverse: func(s *model.Schema) {
				tableOf(s, "logs").Indexes = []model.Index{{Name: "ix_logs_a", Parts: []model.IndexPart{{Column: "a"}}}}
				tableOf(s, "kv").Indexes = []model.Index{{Name: "fk_kv_v_logs", Parts: []model.IndexPart{{Column: "v"}}}}
			},
		},
		{
			name: "DropForeignKey",
			op: func(b model.Schema) ops.Op {
				return ops.DropForeignKey{Table: "items", ForeignKey: tableOf(&b, "items").ForeignKeys[0]}
			},
			change: func(m *model.Schema) { tableOf(m, "items").ForeignKeys = nil },
		},
		{
			name: "AddCheck",
			op: func(model.Schema) ops.Op {
				return ops.AddCheck{Table: "items", Check: model.Check{Name: "ck_items_title", Expr: "title <> 'forbidden' AND qty < 1000"}}
			},
			change: func(m *model.Schema) {
				t := tableOf(m, "items")
				t.Checks = append(t.Checks, model.Check{Name: "ck_items_title", Expr: "title <> 'forbidden' AND qty < 1000"})
			},
		},
		{
			name: "DropCheck",
			op: func(b model.Schema) ops.Op {
				return ops.DropCheck{Table: "items", Check: tableOf(&b, "items").Checks[0]}
			},
			change: func(m *model.Schema) { tableOf(m, "items").Checks = nil },
		},
		{
			name: "SetObjectComment",
			op: func(model.Schema) ops.Op {
				return ops.SetObjectComment{Table: "items", Object: ops.CommentIndex, Name: "ix_items_created", To: "by date"}
			},
			change: func(m *model.Schema) {
				for i, ix := range tableOf(m, "items").Indexes {
					if ix.Name == "ix_items_created" {
						tableOf(m, "items").Indexes[i].Comment = "by date"
					}
				}
			},
		},
		{
			name:   "SetTableComment",
			op:     func(model.Schema) ops.Op { return ops.SetTableComment{Table: "items", To: "things to sell"} },
			change: func(m *model.Schema) { tableOf(m, "items").Comment = "things to sell" },
		},
		{
			name: "SetTableOptions",
			op: func(model.Schema) ops.Op {
				return ops.SetTableOptions{Table: "logs", From: []model.TableOption{{Name: "ENGINE", Value: "InnoDB"}}, To: []model.TableOption{{Name: "ENGINE", Value: "MyISAM"}}}
			},
			change: func(m *model.Schema) {
				tableOf(m, "logs").Options = []model.TableOption{{Name: "ENGINE", Value: "MyISAM"}}
			},
		},
		{
			name: "CreateEnum",
			op: func(model.Schema) ops.Op {
				return ops.CreateEnum{Enum: model.Enum{Name: "mood", Values: []string{"a"}}}
			},
			change: func(*model.Schema) {},
		},
		{
			name:   "RenameEnum",
			op:     func(model.Schema) ops.Op { return ops.RenameEnum{From: "mood", To: "mood_old"} },
			change: func(*model.Schema) {},
		},
		{
			name:   "DropEnum",
			op:     func(model.Schema) ops.Op { return ops.DropEnum{Enum: model.Enum{Name: "mood", Values: []string{"a"}}} },
			change: func(*model.Schema) {},
		},
		{
			name: "Execute",
			op:   func(model.Schema) ops.Op { return ops.Execute{SQL: "CREATE TABLE x (a int)", DownSQL: "DROP TABLE x"} },
			change: func(m *model.Schema) {
				m.Tables = append(m.Tables, model.Table{Name: "x", Columns: []model.Column{{Name: "a", Type: model.Type{SQL: "int"}, Nullable: true}}})
			},
		},
	}
}

// TestOpsOnRealServer applies each op kind to tables holding rows, checks
// the database reflects as the changed model with the rows intact, then
// applies the op's reverse and checks the database reflects exactly as
// before.
func TestOpsOnRealServer(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, c := range opCases() {
		covered[opName(c.op(reflectedBase()))] = true
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db, d := server(t)
			m := baseSchema()
			createAll(t, db.DB, d, m)
			db.ExecScript(t, baseRows)
			before := inspect(t, db.DB)
			op := c.op(before)
			if _, ok := op.(ops.AddForeignKey); ok && c.afterReverse != nil {
				apply(t, db.DB, d, ops.CreateIndex{Table: "logs", Index: model.Index{Name: "ix_logs_a", Parts: []model.IndexPart{{Column: "a"}}}})
			}
			apply(t, db.DB, d, op)
			c.change(&m)
			assertSameAsModel(t, db.DB, d, m)
			rows := c.rows
			if rows == nil {
				rows = map[string]int{"teams": 2, "items": 3, "logs": 2, "kv": 2}
			}
			for _, table := range sortedKeys(rows) {
				var n int
				if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM "+d.QuoteIdent(table)).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != rows[table] {
					t.Errorf("%s has %d rows after the op, want %d", table, n, rows[table])
				}
			}
			rev, ok := op.Reverse()
			if !ok {
				t.Fatalf("%T has no reverse", op)
			}
			apply(t, db.DB, d, rev)
			want := before
			if c.afterReverse != nil {
				c.afterReverse(&want)
			}
			if diff := cmp.Diff(want, inspect(t, db.DB)); diff != "" {
				t.Errorf("after op and reverse (-before +after):\n%s", diff)
			}
		})
	}
	// Every op kind with SQL is exercised (Custom fails by design;
	// AddEnumValue, SetEnumComment and ValidateConstraint, like
	// CreateEnum, write nothing;
	// BulkInsert has no
	// reverse and is tested on every server by internal/roundtrip's
	// TestBulkInsert).
	for _, op := range ops.All() {
		n := opName(op)
		switch op.(type) {
		case ops.Custom, ops.AddEnumValue, ops.SetEnumComment, ops.ValidateConstraint, ops.BulkInsert:
			continue
		case ops.AddExclude, ops.DropExclude, ops.CreateExtension, ops.DropExtension:
			continue // PostgreSQL's: refused (TestExcludeRefused)
		}
		if !covered[n] {
			t.Errorf("no real-server case for %s", n)
		}
	}
}

func reflectedBase() model.Schema { return mysql.New().Canonical(baseSchema()) }

func opName(op ops.Op) string {
	switch op.(type) {
	case nil:
		return "<nil>"
	}
	return typeName(op)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestCustomOp(t *testing.T) {
	t.Parallel()
	_, err := mysql.New().Statements(t.Context(), ops.Custom{Op: namedOp("create_policy")}, dialect.NoTables{})
	if !errors.Is(err, dialect.ErrCustomOp) {
		t.Fatalf("err = %v, want ErrCustomOp", err)
	}
	got, err := mysql.New().Statements(t.Context(), ops.Custom{Op: runnableOp{"create_policy"}}, dialect.NoTables{})
	if err != nil || len(got) != 1 || got[0].SQL != "CREATE TABLE audit (id int)" {
		t.Fatalf("runnable custom op = %v, %v", got, err)
	}
}

// runnableOp is a custom op that gives its SQL.
type runnableOp struct{ namedOp }

func (runnableOp) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	return []dialect.Statement{{SQL: "CREATE TABLE " + d.QuoteIdent("audit") + " (id int)"}}, nil
}

type namedOp string

func (n namedOp) Name() string                        { return string(n) }
func (n namedOp) ReverseCustom() (ops.CustomOp, bool) { return nil, false }
