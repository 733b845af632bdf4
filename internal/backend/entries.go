package backend

import (
	"github.com/retortdb/retort/dialect"
	dmysql "github.com/retortdb/retort/dialect/mysql"
	dpostgres "github.com/retortdb/retort/dialect/postgres"
	dsqlite "github.com/retortdb/retort/dialect/sqlite"
	imysql "github.com/retortdb/retort/introspect/mysql"
	ipostgres "github.com/retortdb/retort/introspect/postgres"
	isqlite "github.com/retortdb/retort/introspect/sqlite"
)

// build returns the backend of a dialect [dialect.ParseName] returned.
func build(n dialect.Name) Backend {
	switch n {
	case dialect.Postgres:
		return Backend{Name: string(n), Dialect: dpostgres.New(), Inspector: ipostgres.Inspector{},
			GORMDriver: "gorm.io/driver/postgres", BunDialect: "github.com/uptrace/bun/dialect/pgdialect"}
	case dialect.MySQL:
		return Backend{Name: string(n), Dialect: dmysql.New(), Inspector: imysql.Inspector{},
			GORMDriver: "gorm.io/driver/mysql", BunDialect: "github.com/uptrace/bun/dialect/mysqldialect"}
	}
	return Backend{Name: string(n), Dialect: dsqlite.New(), Inspector: isqlite.Inspector{},
		GORMDriver: "gorm.io/driver/sqlite", BunDialect: "github.com/uptrace/bun/dialect/sqlitedialect"}
}
