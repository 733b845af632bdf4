package backend

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	dmysql "github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/introspect"
)

// Backend is one database kind: how to write its DDL and how to read its
// catalog.
type Backend struct {
	// Name is the canonical dialect name: "sqlite", "postgres" or "mysql".
	Name string
	// Dialect writes the DDL.
	Dialect dialect.Dialect
	// Inspector reads the catalog.
	Inspector introspect.Inspector
}

// ErrUnknown is returned by [Lookup] for a name it does not know.
var ErrUnknown = errors.New("backend: unknown dialect")

// entry is one registered backend with the names that select it.
type entry struct {
	names []string
	make  func() Backend
}

// Lookup returns the backend for a dialect name. It accepts sqlite and
// sqlite3; postgres, postgresql and pg; mysql and mariadb (case-insensitive).
func Lookup(name string) (Backend, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, e := range entries() {
		for _, alias := range e.names {
			if n == alias {
				return e.make(), nil
			}
		}
	}
	return Backend{}, fmt.Errorf("%w %q; valid names: %s", ErrUnknown, name, strings.Join(Names(), ", "))
}

// Names lists every accepted dialect name, in a fixed order.
func Names() []string {
	var out []string
	for _, e := range entries() {
		out = append(out, e.names...)
	}
	return out
}

// ForServer adapts the backend to the server q is connected to: for MySQL
// it reads SELECT VERSION() and picks the MySQL or MariaDB flavour and
// version. Other backends are returned as they are.
func (b Backend) ForServer(ctx context.Context, q introspect.Querier) (Backend, error) {
	if b.Name != "mysql" {
		return b, nil
	}
	// One query: the flavour and version decide the DDL, and the database's
	// default collation decides which column collations are "the default".
	rows, err := q.QueryContext(ctx, "SELECT VERSION(), @@collation_database")
	if err != nil {
		return b, fmt.Errorf("backend: read server version: %w", err)
	}
	defer rows.Close()
	var v, collation string
	if rows.Next() {
		if err := rows.Scan(&v, &collation); err != nil {
			return b, fmt.Errorf("backend: read server version: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return b, fmt.Errorf("backend: read server version: %w", err)
	}
	d := dmysql.NewForVersion(v)
	d.DatabaseCollation = collation
	b.Dialect = d
	return b, nil
}
