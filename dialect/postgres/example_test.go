package postgres_test

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func ExampleDialect_Statements() {
	d := postgres.New()
	op := ops.CreateIndex{
		Table:        "users",
		Concurrently: true,
		Index: model.Index{
			Name:    "ix_users_email",
			Unique:  true,
			Parts:   []model.IndexPart{{Expr: "lower(email)"}},
			Include: []string{"name"},
			Where:   "deleted_at IS NULL",
		},
	}
	stmts, err := d.Statements(context.Background(), op, dialect.NoTables{})
	if err != nil {
		panic(err)
	}
	for _, s := range stmts {
		fmt.Println(s.SQL, "-- outside a transaction:", s.NoTransaction)
	}
	// Output:
	// CREATE UNIQUE INDEX CONCURRENTLY ix_users_email ON users ((lower(email))) INCLUDE (name) WHERE deleted_at IS NULL -- outside a transaction: true
}

func ExampleDialect_NormalizeDefault() {
	d := postgres.New()
	reflected := model.Column{Type: model.Type{SQL: "character varying(20)"}, Default: "'user'::character varying"}
	written := model.Column{Type: model.Type{SQL: "varchar(20)"}, Default: "'user'"}
	fmt.Println(d.NormalizeDefault(reflected) == d.NormalizeDefault(written))

	stamp := model.Column{Type: model.Type{SQL: "timestamp with time zone"}, Default: "now()"}
	fmt.Println(d.NormalizeDefault(stamp))
	// Output:
	// true
	// CURRENT_TIMESTAMP
}

func ExampleDialect_NormalizeExpr() {
	d := postgres.New()
	fmt.Println(d.NormalizeExpr("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"))
	fmt.Println(d.NormalizeExpr("status IN ('a', 'b')"))
	// Output:
	// status in ('a', 'b')
	// status in ('a', 'b')
}

func ExampleDialect_Canonical() {
	d := postgres.New()
	target := model.Schema{Tables: []model.Table{{
		Name: "users",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
			{Name: "email", Type: model.Type{SQL: "varchar(255)"}},
		},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
	}}}
	t := d.Canonical(target).Tables[0]
	fmt.Println(t.PrimaryKey.Name, t.Columns[0].Type.SQL, t.Columns[0].AutoIncrement, t.Columns[1].Type.SQL)
	// Output:
	// users_pkey bigint true character varying(255)
}
