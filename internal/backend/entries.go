package backend

import (
	dmysql "github.com/retortdb/retort/dialect/mysql"
	dpostgres "github.com/retortdb/retort/dialect/postgres"
	dsqlite "github.com/retortdb/retort/dialect/sqlite"
	imysql "github.com/retortdb/retort/introspect/mysql"
	ipostgres "github.com/retortdb/retort/introspect/postgres"
	isqlite "github.com/retortdb/retort/introspect/sqlite"
)

// entries lists the backends, in a fixed order.
func entries() []entry {
	return []entry{
		{names: []string{"sqlite", "sqlite3"}, make: func() Backend {
			return Backend{Name: "sqlite", Dialect: dsqlite.New(), Inspector: isqlite.Inspector{}}
		}},
		{names: []string{"postgres", "postgresql", "pg"}, make: func() Backend {
			return Backend{Name: "postgres", Dialect: dpostgres.New(), Inspector: ipostgres.Inspector{}}
		}},
		{names: []string{"mysql", "mariadb"}, make: func() Backend {
			return Backend{Name: "mysql", Dialect: dmysql.New(), Inspector: imysql.Inspector{}}
		}},
	}
}
