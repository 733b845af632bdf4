package autogen_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
)

// Login has a citext column and declares the extension.
type Login struct {
	_        struct{} `db:",extension=citext"`
	ID       int64    `db:"id,pk"`
	Username string   `db:"username,type=citext"`
}

// TestExtensionsFromModels: the extension a model declares is created
// before the table that uses it; once applied the models compare equal;
// and extensions the database has that no model names (plpgsql,
// pg_trgm here) are never dropped.
func TestExtensionsFromModels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.Open(t, "postgres")
	if _, err := db.DB.ExecContext(ctx, "CREATE EXTENSION IF NOT EXISTS pg_trgm"); err != nil {
		t.Fatal(err)
	}
	gd, err := autogen.Open(ctx, db.DB, "postgres")
	if err != nil {
		t.Fatal(err)
	}
	env := &migrate.Env{Dialect: "postgres", Models: []any{Login{}},
		Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
	res, err := autogen.Compare(ctx, gd, env, autogen.Options{PackageDirs: thisDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ops) < 2 {
		t.Fatalf("ops = %v, want CreateExtension then CreateTable", res.Ops)
	}
	if c, ok := res.Ops[0].(ops.CreateExtension); !ok || c.Extension.Name != "citext" {
		t.Fatalf("first op = %s, want create extension citext", ops.Describe(res.Ops[0]))
	}
	for _, op := range res.Ops {
		if _, drop := op.(ops.DropExtension); drop {
			t.Errorf("op %s: an extension no model names is dropped", ops.Describe(op))
		}
	}
	for _, op := range res.Ops {
		stmts, err := gd.Dialect.Statements(ctx, op, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := db.DB.ExecContext(ctx, s.SQL); err != nil {
				t.Fatalf("%s: %v", s.SQL, err)
			}
		}
	}
	res, err = autogen.Compare(ctx, gd, env, autogen.Options{PackageDirs: thisDir})
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range res.Ops {
		t.Errorf("after applying: op %s", ops.Describe(op))
	}
}
