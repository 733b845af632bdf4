package migrate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// domainsEnv is users with e-mails, then a revision that adds a domain
// column and fills it in Go (op.Run), undoing it with Down; ph is the
// dialect's placeholder.
func domainsEnv(dialect, ph string) *Env {
	env := testEnv(dialect)
	env.Add(Revision{ID: "r1", Message: "users",
		Upgrade: func(op *Op) {
			op.CreateTable("users",
				op.Column("id", "bigint").PrimaryKey(),
				op.Column("email", "varchar(100)").NotNull())
			op.BulkInsert("users", []string{"id", "email"}, []any{1, "Ann@Example.COM"}, []any{2, "bob@test.org"})
		},
		Downgrade: func(op *Op) { op.DropTable("users") },
	})
	fill := func(ctx context.Context, tx Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id")
		if err != nil {
			return err
		}
		domains := map[int64]string{}
		var ids []int64
		for rows.Next() {
			var id int64
			var email string
			if err := rows.Scan(&id, &email); err != nil {
				rows.Close()
				return err
			}
			_, d, _ := strings.Cut(email, "@")
			domains[id] = strings.ToLower(d)
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		q := "UPDATE users SET domain = ? WHERE id = ?"
		if ph == "$" {
			q = "UPDATE users SET domain = $1 WHERE id = $2"
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, q, domains[id], id); err != nil {
				return err
			}
		}
		return nil
	}
	clear := func(ctx context.Context, tx Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE users SET domain = NULL")
		return err
	}
	domain := func(op *Op) *ColumnDef { return op.Column("domain", "varchar(100)") }
	env.Add(Revision{ID: "r2", Revises: "r1", Message: "domains",
		Upgrade: func(op *Op) {
			op.AddColumn("users", domain(op))
			op.Run(fill).Down(clear).Describe("fill users.domain")
		},
		Downgrade: func(op *Op) {
			op.Run(clear).Describe("clear users.domain")
			op.DropColumn("users", "domain", domain(op))
		},
	})
	return env
}

// TestRun: a Go data migration runs inside the revision's transaction on
// each dialect, its reverse undoes it, a failing one rolls the revision
// back where the dialect can, and offline SQL refuses it.
func TestRun(t *testing.T) {
	forEachDialect(t, func(t *testing.T, db *testdb.DB) {
		ctx := context.Background()
		ph := "?"
		if db.Dialect == "postgres" {
			ph = "$"
		}
		env := domainsEnv(db.Dialect, ph)
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
			t.Fatal(err)
		}
		if got := joinRows(t, db, "SELECT domain FROM users ORDER BY id"); got != "example.com,test.org" {
			t.Errorf("domains after upgrade = %q", got)
		}
		if _, err := Downgrade(ctx, db.DB, env, "r1", Options{AllowDataLoss: true}); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db.DB, "SELECT COUNT(*) FROM users"); n != 2 {
			t.Errorf("rows after downgrade = %d", n)
		}
		if _, err := Upgrade(ctx, db.DB, env, "head", Options{}); err != nil {
			t.Fatal(err)
		}

		// The reverse of a recorded Run is its Down.
		rec := &Op{}
		rec.Run(func(context.Context, Tx) error { return nil }).Down(func(ctx context.Context, tx Tx) error {
			_, err := tx.ExecContext(ctx, "UPDATE users SET domain = 'reversed'")
			return err
		})
		rev, ok := rec.Ops()[0].Reverse()
		if !ok {
			t.Fatal("a Run with Down does not reverse")
		}
		if r, ok := runOf(rev); !ok || r.Down == nil {
			t.Fatalf("reverse = %#v", rev)
		}
		if _, err := runGo(ctx, rev, db.DB); err != nil {
			t.Fatal(err)
		}
		if got := joinRows(t, db, "SELECT domain FROM users ORDER BY id"); got != "reversed,reversed" {
			t.Errorf("domains after the reverse ran = %q", got)
		}

		boom := errors.New("boom")
		env.Add(Revision{ID: "r3", Revises: "r2", Message: "fails",
			Upgrade: func(op *Op) {
				op.AddColumn("users", op.Column("note", "varchar(10)"))
				op.Run(func(context.Context, Tx) error { return boom }).Describe("fail on purpose")
			},
		})
		_, err := Upgrade(ctx, db.DB, env, "head", Options{})
		var me *MigrationError
		if !errors.As(err, &me) || !errors.Is(err, boom) || me.Revision != "r3" || me.OpIndex != 1 || !strings.Contains(err.Error(), "fail on purpose") {
			t.Fatalf("failing run: err = %v, want a *MigrationError of r3 op 2 wrapping boom", err)
		}
		if db.Dialect != "mysql" {
			if n := count(t, db.DB, columnCount(db.Dialect, "users", "note")); n != 0 {
				t.Errorf("the failed revision's column stayed: the run was not in its transaction")
			}
		}

		_, err = SQL(ctx, env, "base", "r2", Up)
		if err == nil || !strings.Contains(err.Error(), "revision r2") || !strings.Contains(err.Error(), "op.Run") {
			t.Errorf("offline SQL: err = %v, want a refusal naming r2 and op.Run", err)
		}
	})
}

// columnCount counts the columns named col of table, per the catalog.
func columnCount(dialect, table, col string) string {
	switch dialect {
	case "sqlite":
		return "SELECT COUNT(*) FROM pragma_table_info('" + table + "') WHERE name = '" + col + "'"
	case "mysql":
		return "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '" + table + "' AND column_name = '" + col + "'"
	}
	return "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table + "' AND column_name = '" + col + "'"
}

// joinRows reads one text column of a query, comma-joined.
func joinRows(t *testing.T, db *testdb.DB, q string) string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s *string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		if s == nil {
			out = append(out, "NULL")
		} else {
			out = append(out, *s)
		}
	}
	return strings.Join(out, ",")
}
