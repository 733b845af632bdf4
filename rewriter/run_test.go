package rewriter_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/rewriter"
)

// revisionOf adds a revision that records the given op lists.
func revisionOf(env *migrate.Env, id, revises string, s rewriter.Script) {
	env.Add(migrate.Revision{
		ID: id, Revises: revises, Message: s.Message,
		Upgrade: func(op *migrate.Op) {
			for _, o := range s.Upgrade {
				op.Add(o)
			}
		},
		Downgrade: func(op *migrate.Op) {
			for _, o := range s.Downgrade {
				op.Add(o)
			}
		},
	})
}

// TestTwoStepNotNullRuns adds NOT NULL columns to a table that holds rows,
// on every configured dialect: the plain AddColumn of a column without a
// default would fail there, the two steps fill the rows.
func TestTwoStepNotNullRuns(t *testing.T) {
	t.Parallel()
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testdb.Open(t, d)
			ctx := context.Background()
			env := envOf(d)
			env.Add(migrate.Revision{
				ID: "a1", Message: "users",
				Upgrade: func(op *migrate.Op) {
					op.CreateTable("users", op.Column("id", "integer").PrimaryKey(), op.Column("name", "varchar(50)").NotNull())
					op.Execute("INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob')")
				},
				Downgrade: func(op *migrate.Op) { op.DropTable("users") },
			})
			status := model.Column{Name: "status", Type: model.Type{SQL: "varchar(20)"}, Default: "'active'"}
			score := model.Column{Name: "score", Type: model.Type{SQL: "integer"}}
			up := []ops.Op{ops.AddColumn{Table: "users", Column: status}, ops.AddColumn{Table: "users", Column: score}}
			down, _, _ := ops.ReverseList(up)
			r := rewriter.TwoStepNotNull(rewriter.Backfill(func(ctx rewriter.Context, op ops.AddColumn) string {
				return "id * 10"
			}))
			scripts, err := rewriter.Process(rewriter.ScriptContext{Dialect: d, SQLDialect: sqlDialect(d), Autogenerate: true}, r, nil,
				rewriter.Script{ID: "b2", Message: "status and score", Upgrade: up, Downgrade: down})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(scripts[0].Upgrade); n != 6 {
				t.Fatalf("rewritten upgrade has %d ops, want 6", n)
			}
			revisionOf(env, "b2", "a1", scripts[0])
			if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			rows, err := db.QueryContext(ctx, "SELECT id, status, score FROM users ORDER BY id")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			want := map[int]struct {
				status string
				score  int
			}{1: {"active", 10}, 2: {"active", 20}}
			n := 0
			for rows.Next() {
				var id, score int
				var status string
				if err := rows.Scan(&id, &status, &score); err != nil {
					t.Fatal(err)
				}
				if w := want[id]; w.status != status || w.score != score {
					t.Errorf("row %d: status %q score %d, want %q %d", id, status, score, w.status, w.score)
				}
				n++
			}
			if err := rows.Err(); err != nil || n != 2 {
				t.Fatalf("rows: %d, %v", n, err)
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO users (id, name, score) VALUES (3, 'cy', NULL)"); err == nil {
				t.Error("score accepts NULL after upgrade; want NOT NULL")
			}
			if _, err := migrate.Downgrade(ctx, db.DB, env, "a1", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, "SELECT status FROM users"); err == nil {
				t.Error("status still exists after downgrade")
			}
		})
	}
}

// TestConcurrentIndexesRuns builds and drops an index CONCURRENTLY on
// PostgreSQL through the runner, which runs it outside the transaction.
func TestConcurrentIndexesRuns(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	ctx := context.Background()
	env := envOf("postgres")
	env.Add(migrate.Revision{
		ID: "a1", Message: "users",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("users", op.Column("id", "integer").PrimaryKey(), op.Column("email", "text").NotNull())
		},
		Downgrade: func(op *migrate.Op) { op.DropTable("users") },
	})
	up := []ops.Op{ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_email", Parts: []model.IndexPart{{Column: "email"}}}}}
	down, _, _ := ops.ReverseList(up)
	scripts, err := rewriter.Process(rewriter.ScriptContext{Dialect: "postgres", SQLDialect: sqlDialect("postgres"), Autogenerate: true}, rewriter.ConcurrentIndexes(), nil,
		rewriter.Script{ID: "b2", Message: "email index", Upgrade: up, Downgrade: down})
	if err != nil {
		t.Fatal(err)
	}
	revisionOf(env, "b2", "a1", scripts[0])
	sql, err := migrate.SQL(ctx, env, "a1", "b2", migrate.Up)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sql, "COMMIT;\nCREATE INDEX CONCURRENTLY ix_users_email ON users (email);\nBEGIN;") {
		t.Errorf("offline SQL does not build the index outside a transaction:\n%s", sql)
	}
	if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
		t.Fatal(err)
	}
	var valid bool
	if err := db.QueryRowContext(ctx, `SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_users_email'`).Scan(&valid); err != nil || !valid {
		t.Fatalf("index after upgrade: valid=%v, %v", valid, err)
	}
	if _, err := migrate.Downgrade(ctx, db.DB, env, "a1", migrate.Options{}); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_class WHERE relname = 'ix_users_email'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("index after downgrade: %d, %v", n, err)
	}
}
