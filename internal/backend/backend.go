package backend

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
)

// Backend is one database kind: how to write its DDL and how to read its
// catalog.
type Backend struct {
	// Name is the canonical dialect name: "sqlite", "postgres" or "mysql"
	// (string(Dialect.Name())).
	Name string
	// Dialect writes the DDL.
	Dialect dialect.Dialect
	// Inspector reads the catalog.
	Inspector introspect.Inspector
	// GORMDriver and BunDialect are the import paths of the GORM driver
	// and the bun dialect for this database kind: what `retort init`
	// writes into env.go's ORM field when the models use GORM or bun.
	GORMDriver, BunDialect string
}

// ErrUnknown is returned by [Lookup] for a name it does not know.
var ErrUnknown = errors.New("backend: unknown dialect")

// Lookup returns the backend for a dialect name: any spelling
// [dialect.ParseName] accepts.
func Lookup(name string) (Backend, error) {
	n, ok := dialect.ParseName(name)
	if !ok {
		return Backend{}, fmt.Errorf("%w %q; valid names: %s", ErrUnknown, name, strings.Join(Names(), ", "))
	}
	return build(n), nil
}

// Names lists every accepted dialect name, in a fixed order.
func Names() []string { return dialect.Names() }

// ForServer adapts the backend to the server q is connected to, when its
// dialect is a [dialect.ServerProbe]: MySQL reads SELECT VERSION() and
// picks the MySQL or MariaDB flavour and version. It fails when q reaches
// a server of another kind.
func (b Backend) ForServer(ctx context.Context, q dialect.Conn) (Backend, error) {
	p, ok := b.Dialect.(dialect.ServerProbe)
	if !ok {
		return b, nil
	}
	d, err := p.ProbeServer(ctx, q)
	if err != nil {
		return b, fmt.Errorf("backend: %w", err)
	}
	b.Dialect = d
	return b, nil
}
