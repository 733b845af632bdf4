package migrate

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// runnerDialects lists the dialects with a test server and a backend.
func runnerDialects() []string {
	var out []string
	for _, d := range testdb.Dialects() {
		if _, err := backend.Lookup(d); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// testEnv is an Env of the dialect with its Backend set.
func testEnv(dialect string) *Env {
	be, err := backend.Lookup(dialect)
	if err != nil {
		panic(err)
	}
	return &Env{Dialect: dialect, Backend: Backend{Dialect: be.Dialect, Inspector: be.Inspector}}
}

// forEachDialect runs f as a parallel subtest per dialect, each with its
// own fresh database.
func forEachDialect(t *testing.T, f func(t *testing.T, db *testdb.DB)) {
	t.Helper()
	for _, d := range runnerDialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			f(t, testdb.Open(t, d))
		})
	}
}

// withOps builds a revision whose Upgrade records up and whose Downgrade
// records their reverses in reverse order.
func withOps(id, parent, msg string, up ...ops.Op) Revision {
	return Revision{
		ID: id, Revises: parent, Message: msg,
		Upgrade: func(op *Recorder) {
			for _, o := range up {
				op.Add(o)
			}
		},
		Downgrade: func(op *Recorder) {
			for _, o := range slices.Backward(up) {
				r, ok := o.Reverse()
				if !ok {
					panic("no reverse for " + ops.Describe(o))
				}
				op.Add(r)
			}
		},
	}
}

func col(name, typ string, nullable bool) model.Column {
	return model.Column{Name: name, Type: model.Type{SQL: typ}, Nullable: nullable}
}

var (
	usersTable = model.Table{
		Name:       "users",
		Columns:    []model.Column{col("id", "integer", false), col("name", "varchar(100)", false)},
		PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
	}
	postsTable = model.Table{
		Name:       "posts",
		Columns:    []model.Column{col("id", "integer", false), col("user_id", "integer", false), col("title", "varchar(100)", true)},
		PrimaryKey: model.PrimaryKey{Name: "pk_posts", Columns: []string{"id"}},
		ForeignKeys: []model.ForeignKey{{Name: "fk_posts_user_id_users", Columns: []string{"user_id"},
			RefTable: "users", RefColumns: []string{"id"}}},
	}
	postsIndex = model.Index{Name: "ix_posts_title", Parts: []model.IndexPart{{Column: "title"}}}
)

// blogEnv is three linear revisions: users, users.email, posts.
func blogEnv(dialect string) *Env {
	env := testEnv(dialect)
	env.Add(withOps("r1", "", "create users", ops.CreateTable{Table: usersTable}))
	env.Add(withOps("r2", "r1", "add email", ops.AddColumn{Table: "users", Column: col("email", "varchar(200)", true)}))
	env.Add(withOps("r3", "r2", "create posts",
		ops.CreateTable{Table: postsTable},
		ops.CreateIndex{Table: "posts", Index: postsIndex}))
	return env
}

// tablesOf returns the database's tables (version tables excluded) as
// "table(col,col)" strings, sorted.
func tablesOf(t testing.TB, db *testdb.DB, env *Env) []string {
	t.Helper()
	be, err := backend.Lookup(db.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	vt := env.VersionTableName()
	s, err := be.Inspector.Inspect(context.Background(), db.DB, introspect.Options{
		IncludeTable: func(n string) bool { return n != vt && n != vt+"_progress" && n != vt+"_ops" },
	})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	var out []string
	for _, tb := range s.Tables {
		var cols []string
		for _, c := range tb.Columns {
			cols = append(cols, c.Name)
		}
		out = append(out, tb.Name+"("+joinComma(cols)+")")
	}
	slices.Sort(out)
	return out
}

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

func mustCurrent(t testing.TB, db *sql.DB, env *Env) []string {
	t.Helper()
	cur, err := Current(context.Background(), db, env)
	if err != nil {
		t.Fatalf("Current: %v", err)
	}
	return cur
}

func mustExec(t testing.TB, db *sql.DB, q string) {
	t.Helper()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func count(t testing.TB, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func appliedIDs(res Result) []string {
	var out []string
	for _, a := range res.Applied {
		out = append(out, a.ID)
	}
	return out
}
