package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// ErrNotPostgres is returned by Statements on a dialect other than
// PostgreSQL: row-level security policies are PostgreSQL's.
var ErrNotPostgres = errors.New("policy: row-level security needs PostgreSQL")

// Command is the kind of statement a policy applies to.
type Command string

// Commands; the empty Command is ALL.
const (
	All    Command = "ALL"
	Select Command = "SELECT"
	Insert Command = "INSERT"
	Update Command = "UPDATE"
	Delete Command = "DELETE"
)

// CreatePolicy creates a row-level security policy on a table
// (CREATE POLICY). Its reverse is [DropPolicy].
type CreatePolicy struct {
	// Schema is the table's schema; empty for the current one.
	Schema string
	// Table is the table the policy protects.
	Table string
	// Policy is the policy's name.
	Policy string
	// Command is the statement kind it applies to; empty is ALL.
	Command Command
	// Restrictive makes it AS RESTRICTIVE (default: permissive).
	Restrictive bool
	// Roles are the roles it applies to; empty is PUBLIC.
	Roles []string
	// Using is the expression rows must satisfy to be seen.
	Using string
	// WithCheck is the expression new rows must satisfy.
	WithCheck string
}

// DropPolicy drops a row-level security policy (DROP POLICY). It carries
// the whole definition, so that it reverses to a [CreatePolicy].
type DropPolicy CreatePolicy

// EnableRowSecurity turns row-level security on for a table. Its reverse
// is [DisableRowSecurity].
type EnableRowSecurity struct {
	Schema string
	Table  string
}

// DisableRowSecurity turns row-level security off for a table.
type DisableRowSecurity EnableRowSecurity

// Name returns "create_policy".
func (*CreatePolicy) Name() string { return "create_policy" }

// ReverseCustom returns the DropPolicy of the same policy.
func (p *CreatePolicy) ReverseCustom() (ops.CustomOp, bool) {
	d := DropPolicy(*p)
	return &d, true
}

// Statements returns CREATE POLICY.
func (p *CreatePolicy) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	if err := postgres(d, p.Name()); err != nil {
		return nil, err
	}
	if p.Table == "" || p.Policy == "" {
		return nil, fmt.Errorf("policy: create_policy needs a Table and a Policy name")
	}
	var b strings.Builder
	b.WriteString("CREATE POLICY " + d.QuoteIdent(p.Policy) + " ON " + table(d, p.Schema, p.Table))
	if p.Restrictive {
		b.WriteString(" AS RESTRICTIVE")
	}
	if p.Command != "" {
		b.WriteString(" FOR " + string(p.Command))
	}
	if len(p.Roles) > 0 {
		roles := make([]string, len(p.Roles))
		for i, r := range p.Roles {
			roles[i] = role(d, r)
		}
		b.WriteString(" TO " + strings.Join(roles, ", "))
	}
	if p.Using != "" {
		b.WriteString(" USING (" + p.Using + ")")
	}
	if p.WithCheck != "" {
		b.WriteString(" WITH CHECK (" + p.WithCheck + ")")
	}
	return []dialect.Statement{{SQL: b.String()}}, nil
}

// Name returns "drop_policy".
func (*DropPolicy) Name() string { return "drop_policy" }

// ReverseCustom returns the CreatePolicy of the dropped definition.
func (p *DropPolicy) ReverseCustom() (ops.CustomOp, bool) {
	c := CreatePolicy(*p)
	return &c, true
}

// Statements returns DROP POLICY.
func (p *DropPolicy) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	if err := postgres(d, p.Name()); err != nil {
		return nil, err
	}
	return []dialect.Statement{{SQL: "DROP POLICY " + d.QuoteIdent(p.Policy) + " ON " + table(d, p.Schema, p.Table)}}, nil
}

// Name returns "enable_row_security".
func (*EnableRowSecurity) Name() string { return "enable_row_security" }

// ReverseCustom returns the DisableRowSecurity of the same table.
func (e *EnableRowSecurity) ReverseCustom() (ops.CustomOp, bool) {
	d := DisableRowSecurity(*e)
	return &d, true
}

// Statements returns ALTER TABLE ... ENABLE ROW LEVEL SECURITY.
func (e *EnableRowSecurity) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	if err := postgres(d, e.Name()); err != nil {
		return nil, err
	}
	return []dialect.Statement{{SQL: "ALTER TABLE " + table(d, e.Schema, e.Table) + " ENABLE ROW LEVEL SECURITY"}}, nil
}

// Name returns "disable_row_security".
func (*DisableRowSecurity) Name() string { return "disable_row_security" }

// ReverseCustom returns the EnableRowSecurity of the same table.
func (e *DisableRowSecurity) ReverseCustom() (ops.CustomOp, bool) {
	en := EnableRowSecurity(*e)
	return &en, true
}

// Statements returns ALTER TABLE ... DISABLE ROW LEVEL SECURITY.
func (e *DisableRowSecurity) Statements(d dialect.Dialect) ([]dialect.Statement, error) {
	if err := postgres(d, e.Name()); err != nil {
		return nil, err
	}
	return []dialect.Statement{{SQL: "ALTER TABLE " + table(d, e.Schema, e.Table) + " DISABLE ROW LEVEL SECURITY"}}, nil
}

// postgres fails for a dialect other than PostgreSQL.
func postgres(d dialect.Dialect, op string) error {
	if d.Name() != dialect.Postgres {
		return fmt.Errorf("%w: %s on %s", ErrNotPostgres, op, d.Name())
	}
	return nil
}

// table is the quoted, schema-qualified table name.
func table(d dialect.Dialect, schema, name string) string {
	if schema == "" {
		return d.QuoteIdent(name)
	}
	return d.QuoteIdent(schema) + "." + d.QuoteIdent(name)
}

// role quotes a role name; PUBLIC and the CURRENT_USER family are keywords.
func role(d dialect.Dialect, r string) string {
	switch strings.ToUpper(r) {
	case "PUBLIC", "CURRENT_USER", "CURRENT_ROLE", "SESSION_USER":
		return strings.ToUpper(r)
	}
	return d.QuoteIdent(r)
}
