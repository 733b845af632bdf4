package mysql_test

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func ExampleDialect_Statements() {
	d := mysql.NewForVersion("10.11.19-MariaDB")
	list := []ops.Op{
		ops.AddColumn{Table: "users", Column: model.Column{
			Name: "updated_at", Type: model.Type{SQL: "datetime(3)"}, Nullable: true,
			Default: "CURRENT_TIMESTAMP", OnUpdate: "CURRENT_TIMESTAMP",
		}},
		ops.AlterColumn{Table: "users",
			From: model.Column{Name: "nick", Type: model.Type{SQL: "varchar(40)"}},
			To:   model.Column{Name: "nick", Type: model.Type{SQL: "varchar(80)"}, Comment: "shown to others"}},
		ops.DropCheck{Table: "users", Check: model.Check{Name: "ck_users_age"}},
	}
	for _, op := range list {
		stmts, err := d.Statements(context.Background(), op, dialect.NoTables{})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, s := range stmts {
			fmt.Println(s.SQL + ";")
		}
	}
	// Output:
	// ALTER TABLE users ADD COLUMN updated_at datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);
	// ALTER TABLE users MODIFY COLUMN nick varchar(80) NOT NULL COMMENT 'shown to others';
	// ALTER TABLE users DROP CONSTRAINT ck_users_age;
}

func ExampleDialect_NormalizeDefault() {
	d := mysql.New()
	for _, c := range []model.Column{
		{Type: model.Type{SQL: "int(11)"}, Default: "'0'"},
		{Type: model.Type{SQL: "timestamp"}, Default: "current_timestamp()"},
		{Type: model.Type{SQL: "varchar(10)"}, Default: "NULL"},
		{Type: model.Type{SQL: "decimal(10,2)"}, Default: "1.50"},
	} {
		fmt.Printf("%s %q\n", c.Default, d.NormalizeDefault(c))
	}
	// Output:
	// '0' "0"
	// current_timestamp() "CURRENT_TIMESTAMP"
	// NULL ""
	// 1.50 "1.5"
}
