package cli_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

const schemasModels = `package models

// Account lives in the default schema.
type Account struct {
	_    struct{} ` + "`" + `db:",table=accounts"` + "`" + `
	ID   int64    ` + "`" + `db:"id,pk"` + "`" + `
	Name string   ` + "`" + `db:"name,size=80"` + "`" + `
}

// Invoice lives in the billing schema.
type Invoice struct {
	_         struct{} ` + "`" + `db:",table=invoices,schema=billing"` + "`" + `
	ID        int64    ` + "`" + `db:"id,pk"` + "`" + `
	AccountID int64    ` + "`" + `db:"account_id,fk=public.accounts.id"` + "`" + `
}
`

const schemasEnv = `package migrations

import (
	"context"
	"strings"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"

	"example.com/shop/models"
)

var Env = &migrate.Env{
	Dialect: "postgres",
	Models:  []any{models.Account{}, models.Invoice{}},
	Compare: diff.Options{
		IncludeName: func(name string, kind diff.ObjectKind, _ diff.Parents) bool {
			return !(kind == diff.KindTable && strings.HasPrefix(name, "legacy_"))
		},
	},
	// An invoice-number sequence retort does not model; the comparator reads
	// the catalog itself.
	DBComparators: []migrate.DBComparator{
		func(ctx context.Context, q introspect.Querier, cc diff.CompareContext, current, target model.Schema) ([]ops.Op, error) {
			if _, ok := target.Table("", "accounts"); !ok {
				return nil, nil
			}
			rows, err := q.QueryContext(ctx, "SELECT coalesce(to_regclass('invoice_numbers')::text, '')")
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			var c string
			for rows.Next() {
				if err := rows.Scan(&c); err != nil {
					return nil, err
				}
			}
			if c != "" {
				return nil, rows.Err()
			}
			return []ops.Op{ops.Execute{SQL: "CREATE SEQUENCE invoice_numbers", DownSQL: "DROP SEQUENCE invoice_numbers"}}, rows.Err()
		},
	},
}
`

// TestCLISchemasAndComparators: a model in a second PostgreSQL schema is
// reflected there (no endless re-create), IncludeName keeps a legacy table
// out, and a comparator plug-in reads the database and converges.
func TestCLISchemasAndComparators(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	db := testdb.Postgres(t)
	exec1(t, db.DB, "CREATE SCHEMA billing")
	exec1(t, db.DB, "CREATE TABLE legacy_orders (id int)")
	m := newUserModule(t, db.URL)
	m.write("models/models.go", schemasModels)
	m.run(0, "init", "--dialect", "postgres", "--models", "./models")
	m.write("migrations/env.go", schemasEnv)
	out := m.run(0, "revision", "--autogenerate", "-m", "initial")
	wantContains(t, out, "create table billing.invoices", "create table accounts", "execute: CREATE SEQUENCE invoice_numbers")
	if strings.Contains(out, "legacy_orders") {
		t.Errorf("the excluded legacy table appears in the revision:\n%s", out)
	}
	m.run(0, "upgrade", "head")
	out = m.run(0, "check")
	wantContains(t, out, "No drift")
	if n := count(t, db.DB, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'billing' AND table_name = 'invoices'"); n != 1 {
		t.Error("billing.invoices was not created")
	}
	if n := count(t, db.DB, "SELECT count(*) FROM legacy_orders"); n != 0 {
		t.Error("legacy_orders changed")
	}
	m.run(0, "downgrade", "base")
	if n := count(t, db.DB, "SELECT count(*) FROM pg_class WHERE relname IN ('accounts', 'invoice_numbers')"); n != 0 {
		t.Error("accounts or the sequence still exists after downgrade to base")
	}
}
