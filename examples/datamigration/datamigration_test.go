package datamigration_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/examples/datamigration"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
)

// TestDataMigration runs the example on every dialect with a server: the
// domains are filled from the e-mails, a bad address rolls the revision
// back where the dialect can, downgrade removes the column, and offline
// SQL refuses the revision.
func TestDataMigration(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			be, err := backend.Lookup(d)
			if err != nil {
				t.Fatal(err)
			}
			bind := datamigration.Question
			if d == "postgres" {
				bind = datamigration.Dollar
			}
			env := &migrate.Env{Dialect: d, Backend: migrate.Backend{Dialect: be.Dialect, Inspector: be.Inspector}}
			datamigration.Register(env, bind)
			if _, err := migrate.Upgrade(ctx, db.DB, env, "a1", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				"INSERT INTO users (id, email) VALUES (1, 'Ann <ann@Example.COM>')",
				"INSERT INTO users (id, email) VALUES (2, 'not an address')",
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			_, err = migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{})
			if err == nil || !strings.Contains(err.Error(), `user 2: e-mail "not an address"`) {
				t.Fatalf("upgrade with a bad address: err = %v", err)
			}
			// Rolled back, or on MySQL kept to resume after the ALTER.
			if cur := current(t, db, env); cur != "a1" {
				t.Errorf("after the failed run the database is at %q, want a1", cur)
			}
			if _, err := db.ExecContext(ctx, "UPDATE users SET email = 'bob@Test.org' WHERE id = 2"); err != nil {
				t.Fatal(err)
			}
			if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			if got := domains(t, db); got != "example.com,test.org" {
				t.Errorf("domains = %s", got)
			}
			if _, err := migrate.Downgrade(ctx, db.DB, env, "a1", migrate.Options{AllowDataLoss: true}); err != nil {
				t.Fatal(err)
			}
			if _, err := migrate.SQL(ctx, env, "a1", "head", migrate.Up); err == nil || !strings.Contains(err.Error(), "revision b2") {
				t.Errorf("offline SQL: err = %v, want a refusal naming b2", err)
			}
		})
	}
}

func current(t *testing.T, db *testdb.DB, env *migrate.Env) string {
	t.Helper()
	ids, err := migrate.Current(context.Background(), db.DB, env)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(ids, ",")
}

func domains(t *testing.T, db *testdb.DB) string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), "SELECT domain FROM users ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return strings.Join(out, ",")
}
