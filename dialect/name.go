package dialect

import (
	"errors"
	"fmt"
	"strings"
)

// Name is a dialect's canonical name, as [Dialect.Name] returns it and as
// env.go spells it.
type Name string

// The dialects retort ships.
const (
	// SQLite is the SQLite dialect (package dialect/sqlite).
	SQLite Name = "sqlite"
	// Postgres is the PostgreSQL dialect (package dialect/postgres).
	Postgres Name = "postgres"
	// MySQL is the MySQL and MariaDB dialect (package dialect/mysql).
	MySQL Name = "mysql"
)

// String returns the name.
func (n Name) String() string { return string(n) }

// spelling is one accepted spelling of a name.
type spelling struct {
	text string
	name Name
}

// spellings lists every accepted spelling, in a fixed order: each name's
// canonical spelling first.
func spellings() []spelling {
	return []spelling{
		{"sqlite", SQLite}, {"sqlite3", SQLite},
		{"postgres", Postgres}, {"postgresql", Postgres}, {"pg", Postgres},
		{"mysql", MySQL}, {"mariadb", MySQL},
	}
}

// ErrUnknownName is wrapped by errors about a name [ParseName] refuses.
var ErrUnknownName = errors.New("dialect: unknown dialect")

// ParseName returns the dialect a name selects. It accepts sqlite and
// sqlite3; postgres, postgresql and pg; mysql and mariadb; in any case and
// with surrounding spaces. ok is false for any other name.
func ParseName(s string) (n Name, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sp := range spellings() {
		if s == sp.text {
			return sp.name, true
		}
	}
	return "", false
}

// Names lists every spelling [ParseName] accepts, in a fixed order.
func Names() []string {
	var out []string
	for _, sp := range spellings() {
		out = append(out, sp.text)
	}
	return out
}

// UnknownNameError is the error for a name [ParseName] refuses: it wraps
// [ErrUnknownName] and lists the valid names.
func UnknownNameError(s string) error {
	return fmt.Errorf("%w %q; valid names: %s", ErrUnknownName, s, strings.Join(Names(), ", "))
}
