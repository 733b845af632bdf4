package migrate

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/ops"
)

// TestAlterColumnUsing: a type change with a USING expression converts
// the rows with it on PostgreSQL and in SQLite's rebuild; MySQL, which has
// no USING, refuses it before running anything.
func TestAlterColumnUsing(t *testing.T) {
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		env := testEnv(db.Dialect)
		env.Add(Revision{ID: "r1", Message: "events",
			Upgrade: func(op *Op) {
				op.CreateTable("events", op.Column("id", "bigint").PrimaryKey(), op.Column("at", "varchar(20)").NotNull())
				op.BulkInsert("events", []string{"id", "at"}, []any{1, "2026-01-02"}, []any{2, "1999-12-31"})
			},
			Downgrade: func(op *Op) { op.DropTable("events") },
		})
		expr := "CAST(substr(at, 1, 4) AS INTEGER)"
		if db.Dialect == "postgres" {
			expr = "substr(at, 1, 4)::integer"
		}
		env.Add(Revision{ID: "r2", Revises: "r1", Message: "years",
			Upgrade: func(op *Op) {
				op.AlterColumn("events", "at").Type("varchar(20)", "integer").Using(expr)
			},
		})
		if _, err := Upgrade(ctx, db.DB, env, "r1", Options{}); err != nil {
			t.Fatal(err)
		}
		_, err := Upgrade(ctx, db.DB, env, "head", Options{AllowDataLoss: true})
		if db.Dialect == "mysql" {
			if err == nil || !strings.Contains(err.Error(), "no USING") {
				t.Fatalf("MySQL: err = %v, want a refusal of USING", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := joinRows(t, db, "SELECT CAST(at AS VARCHAR(10)) FROM events ORDER BY id"); got != "2026,1999" {
			t.Errorf("converted values = %q, want the years", got)
		}
		typ := "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'at'"
		if db.Dialect == "sqlite" {
			typ = "SELECT type FROM pragma_table_info('events') WHERE name = 'at'"
		}
		if got := strings.ToLower(joinRows(t, db, typ)); got != "integer" {
			t.Errorf("column type per the catalog = %q", got)
		}
	})
}

// TestUsingRecorded: Using is kept on the recorded op and not on its
// reverse.
func TestUsingRecorded(t *testing.T) {
	t.Parallel()
	var op Op
	op.AlterColumn("t", "c").Type("text", "integer").Using("length(c)")
	list := op.Ops()
	a, ok := list[0].(ops.AlterColumn)
	if len(list) != 1 || !ok || a.Using != "length(c)" || !a.Change.Has(ops.ChangeType) {
		t.Fatalf("ops: %#v", list)
	}
	r, _ := a.Reverse()
	if r.(ops.AlterColumn).Using != "" {
		t.Errorf("the reverse carries Using: %#v", r)
	}
}
