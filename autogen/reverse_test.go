package autogen_test

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/safety"
)

// OrderV1 and OrderV2 are one table before and after a value is added to
// its enum.
type OrderV1 struct {
	ID     int64  `db:"id,pk"`
	Status string `db:"status,enum=order_status(new,paid,cancelled)"`
}

// TableName names the table.
func (OrderV1) TableName() string { return "orders" }

// OrderV2 adds refunded.
type OrderV2 struct {
	ID     int64  `db:"id,pk"`
	Status string `db:"status,enum=order_status(new,paid,cancelled,refunded)"`
}

// TableName names the table.
func (OrderV2) TableName() string { return "orders" }

// TestEnumValueAdded: a value added to an enum gets a revision file on
// every dialect, with a downgrade that removes it again; upgrade,
// downgrade and upgrade keep the rows, and the history checks.
func TestEnumValueAdded(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := testdb.Open(t, d)
			gd, err := autogen.Open(ctx, db.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			env := &migrate.Env{Dialect: d, Models: []any{OrderV1{}},
				Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
			res, err := autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "aaaa00000001", Message: "orders", Autogenerate: true}, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			register(env, res.Files[0])
			if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				"INSERT INTO orders (id, status) VALUES (1, 'new')",
				"INSERT INTO orders (id, status) VALUES (2, 'cancelled')",
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			env.Models = []any{OrderV2{}}
			res, err = autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "bbbb00000002", Parent: "aaaa00000001", Message: "refunded", Autogenerate: true}, autogen.Options{})
			if err != nil {
				t.Fatalf("autogenerate refused: %v", err)
			}
			f := res.Files[0]
			src := string(f.Source)
			if _, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Source, 0); err != nil {
				t.Fatalf("the file does not parse: %v\n%s", err, src)
			}
			if strings.Contains(src, "op.Irreversible") {
				t.Errorf("the downgrade is not computed:\n%s", src)
			}
			// SQLite still drops and adds the enum's CHECK (two rebuilds, a
			// fails-on-rows finding): issue 16 leaves that open.
			if d != "sqlite" && safety.Has(f.UpgradeFindings, safety.FailsOnRows) {
				t.Errorf("adding a value fails on no row, yet: %v", f.UpgradeFindings)
			}
			register(env, f)
			for i, target := range []string{"head", "aaaa00000001", "head"} {
				run := migrate.Upgrade
				if i == 1 {
					run = migrate.Downgrade
				}
				if _, err := run(ctx, db.DB, env, target, migrate.Options{}); err != nil {
					t.Fatalf("to %s: %v\n%s", target, err, src)
				}
				if got := statuses(t, db, target+strconv.Itoa(i)); got != "1:new,2:cancelled" {
					t.Errorf("after %s: rows %s", target, got)
				}
				if got := enumValues(t, db); i == 1 && strings.Contains(got, "refunded") || i != 1 && !strings.Contains(got, "refunded") {
					t.Errorf("after %s the server's definition is %s", target, got)
				}
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO orders (id, status) VALUES (3, 'refunded')"); err != nil {
				t.Fatalf("the new value is refused after upgrade: %v", err)
			}
			rep, err := autogen.Check(ctx, gd, env, autogen.Options{})
			if err != nil || !rep.InSync() {
				t.Errorf("check after upgrade: %v %v", err, rep.Ops)
			}
			scratch := testdb.Open(t, d)
			sd, err := autogen.Open(ctx, scratch.DB, d)
			if err != nil {
				t.Fatal(err)
			}
			mr, err := autogen.CheckMigrations(ctx, sd, env, autogen.Options{})
			if err != nil || mr.Failed() != 0 {
				t.Errorf("check --migrations: %v %+v", err, mr)
			}
		})
	}
}

// statuses reads the rows as "id:status,...". The query text differs per
// call (tag): a plan cached by the driver must not outlive the type.
func statuses(t *testing.T, db *testdb.DB, tag string) string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), "SELECT id, status FROM orders ORDER BY id /* "+tag+" */")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, s string
		if err := rows.Scan(&id, &s); err != nil {
			t.Fatal(err)
		}
		out = append(out, id+":"+s)
	}
	return strings.Join(out, ",")
}

// enumValues reads the status column's allowed values from the server's
// own catalog: the type's labels, the column type, the table's SQL.
func enumValues(t *testing.T, db *testdb.DB) string {
	t.Helper()
	q := "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid WHERE ty.typname = 'order_status' AND ty.typnamespace = current_schema()::regnamespace"
	switch db.Dialect {
	case "sqlite":
		q = "SELECT sql FROM sqlite_master WHERE name = 'orders'"
	case "mysql":
		q = "SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'orders' AND column_name = 'status'"
	}
	var s string
	if err := db.QueryRowContext(context.Background(), q).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestIrreversibleDowngrade: an op without a reverse (a comparator's
// Execute without DownSQL) no longer stops autogenerate: the downgrade
// holds op.Irreversible with a comment, the runner refuses it before any
// op runs, and a script hook can replace it with a real reverse.
func TestIrreversibleDowngrade(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testdb.SQLite(t)
	gd, err := autogen.Open(ctx, db.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	seed := func(_ diff.CompareContext, _, _ model.Schema) ([]ops.Op, error) {
		return []ops.Op{ops.Execute{SQL: "CREATE TABLE seeded (id INTEGER)"}}, nil
	}
	env := &migrate.Env{Dialect: "sqlite", Models: []any{Team{}}, Compare: diff.Options{Comparators: []diff.Comparator{seed}},
		Backend: migrate.Backend{Dialect: gd.Dialect, Inspector: gd.Inspector}}
	res, err := autogen.Revision(ctx, &gd, env, autogen.RevisionSpec{ID: "aaaa00000001", Message: "seed", Autogenerate: true}, autogen.Options{})
	if err != nil {
		t.Fatalf("autogenerate refused: %v", err)
	}
	src := string(res.Files[0].Source)
	for _, want := range []string{
		`op.Irreversible("execute: CREATE TABLE seeded (id INTEGER)")`,
		"// retort: irreversible: execute: CREATE TABLE seeded (id INTEGER) has no reverse",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("file lacks %q:\n%s", want, src)
		}
	}
	register(env, res.Files[0])
	if _, err := migrate.Upgrade(ctx, db.DB, env, "head", migrate.Options{}); err != nil {
		t.Fatal(err)
	}
	_, err = migrate.Downgrade(ctx, db.DB, env, "base", migrate.Options{})
	var ie *migrate.IrreversibleError
	if !errors.As(err, &ie) || ie.Revision != "aaaa00000001" || !strings.Contains(err.Error(), "CREATE TABLE seeded") {
		t.Fatalf("downgrade: err = %v, want an *IrreversibleError naming the revision and the op", err)
	}
	if got := strings.Join(columnsOf(t, db, "teams"), ","); got != "id,name" {
		t.Errorf("the refused downgrade ran ops: teams columns %q", got)
	}
	if _, err := migrate.SQL(ctx, env, "head", "base", migrate.Down); !errors.As(err, &ie) {
		t.Errorf("offline downgrade: err = %v, want an *IrreversibleError", err)
	}

	// A script hook supplies the reverse.
	env2 := &migrate.Env{Dialect: "sqlite", Models: []any{Team{}}, Compare: env.Compare,
		ScriptHooks: []ops.ScriptHook{func(_ ops.ScriptContext, scripts []ops.Script) ([]ops.Script, error) {
			for i, s := range scripts {
				for j, op := range s.Downgrade {
					if ir, ok := ops.IrreversibleOf(op); ok {
						if ex, ok := ir.Of.(ops.Execute); ok {
							s.Downgrade[j] = ops.Execute{SQL: "DROP TABLE seeded", DownSQL: ex.SQL}
						}
					}
				}
				scripts[i] = s
			}
			return scripts, nil
		}}}
	fresh := testdb.SQLite(t)
	fd, err := autogen.Open(ctx, fresh.DB, "sqlite")
	if err != nil {
		t.Fatal(err)
	}
	res, err = autogen.Revision(ctx, &fd, env2, autogen.RevisionSpec{ID: "aaaa00000001", Message: "seed", Autogenerate: true}, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src := string(res.Files[0].Source); strings.Contains(src, "Irreversible") || !strings.Contains(src, `op.Execute("DROP TABLE seeded")`) {
		t.Errorf("the hook's reverse is not in the file:\n%s", src)
	}
}
