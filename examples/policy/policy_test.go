package policy_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/examples/policy"
	"github.com/retortdb/retort/internal/testdb"
	ipostgres "github.com/retortdb/retort/introspect/postgres"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/ops"
)

func TestStatements(t *testing.T) {
	t.Parallel()
	d := postgres.New()
	owner := &policy.CreatePolicy{Table: "documents", Policy: "owner_only", Using: "owner = current_user"}
	tests := []struct {
		name string
		op   ops.CustomOp
		want string
	}{
		{"create", owner, "CREATE POLICY owner_only ON documents USING (owner = current_user)"},
		{"create in full", &policy.CreatePolicy{
			Schema: "app", Table: "Docs", Policy: "writers", Command: policy.Insert, Restrictive: true,
			Roles: []string{"editor", "public"}, WithCheck: "owner = current_user",
		}, `CREATE POLICY writers ON app."Docs" AS RESTRICTIVE FOR INSERT TO editor, PUBLIC WITH CHECK (owner = current_user)`},
		{"drop", &policy.DropPolicy{Table: "documents", Policy: "owner_only"}, "DROP POLICY owner_only ON documents"},
		{"enable", &policy.EnableRowSecurity{Table: "documents"}, "ALTER TABLE documents ENABLE ROW LEVEL SECURITY"},
		{"disable", &policy.DisableRowSecurity{Schema: "app", Table: "documents"}, "ALTER TABLE app.documents DISABLE ROW LEVEL SECURITY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			stmts, err := dialect.Custom(d, ops.Custom{Op: tt.op})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]dialect.Statement{{SQL: tt.want}}, stmts); diff != "" {
				t.Errorf("Statements (-want +got):\n%s", diff)
			}
			// Reversing twice gives the op back.
			r, ok := ops.Custom{Op: tt.op}.Reverse()
			if !ok {
				t.Fatal("no reverse")
			}
			rr, _ := r.Reverse()
			if diff := cmp.Diff(ops.Op(ops.Custom{Op: tt.op}), rr); diff != "" {
				t.Errorf("reverse of the reverse (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := dialect.Custom(sqlite.New(), ops.Custom{Op: owner}); !errors.Is(err, policy.ErrNotPostgres) {
		t.Errorf("Statements on SQLite: error = %v, want ErrNotPostgres", err)
	}
}

// TestRunOnPostgres runs the custom ops through the migrate runner on a
// real PostgreSQL database, up and down.
func TestRunOnPostgres(t *testing.T) {
	t.Parallel()
	db := testdb.Postgres(t)
	ctx := context.Background()
	owner := &policy.CreatePolicy{Table: "documents", Policy: "owner_only", Command: policy.Select, Using: "owner = current_user"}
	env := &migrate.Env{Dialect: "postgres", Backend: migrate.Backend{Dialect: postgres.New(), Inspector: ipostgres.Inspector{}}}
	env.Add(migrate.Revision{
		ID: "a1", Message: "documents",
		Upgrade: func(op *migrate.Op) {
			op.CreateTable("documents", op.Column("id", "integer").PrimaryKey(), op.Column("owner", "text").NotNull())
		},
		Downgrade: func(op *migrate.Op) { op.DropTable("documents") },
	})
	env.Add(migrate.Revision{
		ID: "b2", Revises: "a1", Message: "row-level security",
		Upgrade: func(op *migrate.Op) {
			op.Custom(&policy.EnableRowSecurity{Table: "documents"})
			op.Custom(owner)
		},
		Downgrade: func(op *migrate.Op) {
			// What autogenerate writes: the reverse of the upgrade.
			var up migrate.Op
			up.Custom(&policy.EnableRowSecurity{Table: "documents"})
			up.Custom(owner)
			down, _, _ := ops.ReverseList(up.Ops())
			for _, o := range down {
				op.Add(o)
			}
		},
	})
	if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
		t.Fatal(err)
	}
	type pol struct{ Name, Cmd, Qual string }
	policies := func() []pol {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT policyname, cmd, qual FROM pg_policies WHERE tablename = 'documents' ORDER BY policyname`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := []pol{}
		for rows.Next() {
			var p pol
			if err := rows.Scan(&p.Name, &p.Cmd, &p.Qual); err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	rls := func() bool {
		t.Helper()
		var on bool
		if err := db.QueryRowContext(ctx, `SELECT relrowsecurity FROM pg_class WHERE oid = 'documents'::regclass`).Scan(&on); err != nil {
			t.Fatal(err)
		}
		return on
	}
	if diff := cmp.Diff([]pol{{"owner_only", "SELECT", "(owner = CURRENT_USER)"}}, policies()); diff != "" {
		t.Errorf("pg_policies after upgrade (-want +got):\n%s", diff)
	}
	if !rls() {
		t.Error("row-level security is off after upgrade")
	}
	if _, err := migrate.Downgrade(ctx, db.DB, env, "a1", migrate.Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]pol{}, policies()); diff != "" {
		t.Errorf("pg_policies after downgrade (-want +got):\n%s", diff)
	}
	if rls() {
		t.Error("row-level security is still on after downgrade")
	}
}
