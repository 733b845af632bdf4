package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
)

// TestIncludeAllSchemas: IncludeSchemas: []string{diff.AllSchemas}
// reflects every user schema of the database (a table in another schema
// the models do not have is dropped), the default schema once
// (unqualified), and the server's own catalogs never.
func TestIncludeAllSchemas(t *testing.T) {
	for _, d := range testdb.Dialects() {
		if d == "sqlite" {
			continue
		}
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			extra := db.Name + "_extra"
			for _, q := range []string{
				"CREATE SCHEMA " + extra,
				"CREATE TABLE " + extra + ".legacy (id integer PRIMARY KEY)",
				"CREATE TABLE teams (id bigint PRIMARY KEY, name varchar(100) NOT NULL UNIQUE)",
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			if d == "mysql" {
				t.Cleanup(func() { db.ExecContext(context.Background(), "DROP DATABASE "+extra) })
			}
			env := &migrate.Env{Dialect: d, Models: []any{Team{}},
				Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			res, err := autogen.Compare(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(res.Ops); strings.Contains(got, "legacy") {
				t.Errorf("without IncludeSchemas the other schema is compared: %s", got)
			}
			env.Compare = diff.Options{IncludeSchemas: []string{diff.AllSchemas}}
			if d == "mysql" {
				// Every database of the server is a schema: keep to this
				// test's, which other tests do not drop meanwhile.
				env.Compare = diff.Options{IncludeSchemas: []string{diff.AllSchemas},
					IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
						return kind != diff.KindSchema || strings.HasPrefix(name, db.Name)
					}}
			}
			res, err = autogen.Compare(ctx, gd, env, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := describe(res.Ops)
			if !strings.Contains(got, "drop table "+extra+".legacy") {
				t.Errorf("IncludeSchemas * does not reach %s: %s", extra, got)
			}
			current := "public."
			if d == "mysql" {
				current = db.Name + "."
			}
			for _, bad := range []string{current, "drop table teams", "pg_", "information_schema", "mysql.", "sys.", "performance_schema"} {
				if strings.Contains(got, bad) {
					t.Errorf("IncludeSchemas * touches %q: %s", bad, got)
				}
			}
		})
	}
}

func describe(list []ops.Op) string {
	var out []string
	for _, op := range list {
		out = append(out, ops.Describe(op))
	}
	return strings.Join(out, "; ")
}
