package backend

import (
	dmysql "github.com/retortdb/retort/dialect/mysql"
	imysql "github.com/retortdb/retort/introspect/mysql"
)

// entries lists the backends, in a fixed order.
func entries() []entry {
	return []entry{
		{names: []string{"mysql", "mariadb"}, make: func() Backend {
			return Backend{Name: "mysql", Dialect: dmysql.New(), Inspector: imysql.Inspector{}}
		}},
	}
}
