package sqlite_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Statements turns an op into SQL. CreateTable writes the whole table with
// its named constraints; indexes are separate ops.
func ExampleDialect_Statements() {
	d := sqlite.New()
	users := model.Table{
		Name: "users",
		Columns: []model.Column{
			{Name: "id", Type: model.Type{Logical: model.LogicalBigInt}, AutoIncrement: true},
			{Name: "email", Type: model.Type{Logical: model.LogicalString, Size: 255}},
			{Name: "role", Type: model.Type{EnumValues: []string{"admin", "user"}}, Default: "'user'"},
			{Name: "created_at", Type: model.Type{Logical: model.LogicalTimestamp}, Default: "CURRENT_TIMESTAMP"},
		},
		PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}},
		Uniques:    []model.Unique{{Name: "uq_users_email", Columns: []string{"email"}}},
	}
	ctx := context.Background()
	for _, op := range []ops.Op{
		ops.CreateTable{Table: users},
		ops.CreateIndex{Table: "users", Index: model.Index{Name: "ix_users_role", Parts: []model.IndexPart{{Column: "role"}}, Where: "role <> 'user'"}},
		ops.SetTableComment{Table: "users", To: "people"}, // SQLite has no comments: no SQL
	} {
		stmts, err := d.Statements(ctx, op, dialect.NoTables{})
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, s := range stmts {
			fmt.Println(s.SQL + ";")
		}
	}
	// Output:
	// CREATE TABLE users (
	// 	id INTEGER NOT NULL CONSTRAINT pk_users PRIMARY KEY AUTOINCREMENT,
	// 	email VARCHAR(255) NOT NULL,
	// 	role TEXT NOT NULL DEFAULT 'user',
	// 	created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	// 	CONSTRAINT uq_users_email UNIQUE (email),
	// 	CONSTRAINT ck_users_role CHECK (role IN ('admin', 'user'))
	// );
	// CREATE INDEX ix_users_role ON users (role) WHERE role <> 'user';
}

// Operations ALTER TABLE cannot do need the live table, which offline SQL
// does not have.
func ExampleDialect_Statements_offline() {
	_, err := sqlite.New().Statements(context.Background(),
		ops.AddCheck{Table: "users", Check: model.Check{Expr: "length(email) > 3"}}, dialect.NoTables{})
	fmt.Println(errors.Is(err, dialect.ErrOffline))
	// Output: true
}
