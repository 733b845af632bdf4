package backend

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
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
