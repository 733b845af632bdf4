package postgres

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var _ dialect.CapabilityChecker = (*Dialect)(nil)

// CheckCapabilities returns the names of s PostgreSQL would not keep as
// written: a schema, table, column or enum type name longer than 63 bytes
// (the server truncates it without a word, and the model never matches
// the database again), and index or constraint names that are over 63
// bytes and become one name once truncated. Longer index and constraint
// names alone are compared truncated, as the server keeps them (ORMs
// generate such names), so they are not refused.
func (d *Dialect) CheckCapabilities(s model.Schema) []dialect.Problem {
	var out []dialect.Problem
	long := func(what, name string) error {
		if len(name) <= maxIdent {
			return nil
		}
		return fmt.Errorf("%w: %s name %q is %d bytes; PostgreSQL keeps %d and would cut it to %q without a word, so the model would never match the database: use a name of at most %d bytes",
			dialect.ErrCapability, what, name, len(name), maxIdent, clipIdent(name), maxIdent)
	}
	relations := map[string]string{} // schema + clipped index name → full name
	for _, t := range s.Tables {
		add := func(col, obj string, err error) {
			if err != nil {
				out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Column: col, Object: obj, Err: err})
			}
		}
		add("", "", long("schema", t.Schema))
		add("", "", long("table", t.Name))
		for _, c := range t.Columns {
			add(c.Name, "", long("column", c.Name))
			add(c.Name, "", checkColumn(c))
		}
		clash := func(seen map[string]string, scope, what, name string) error {
			if len(name) <= maxIdent {
				return nil
			}
			key := scope + "\x00" + clipIdent(name)
			if first, dup := seen[key]; dup && first != name {
				return fmt.Errorf("%w: %s name %q and %q are over %d bytes and PostgreSQL cuts both to %q: shorten one of them", dialect.ErrCapability, what, first, name, maxIdent, clipIdent(name))
			}
			seen[key] = name
			return nil
		}
		for _, ix := range t.Indexes {
			add("", ix.Name, clash(relations, t.Schema, "index", ix.Name))
			add("", ix.Name, indexCapability(ix))
		}
		for _, u := range t.Uniques {
			add("", u.Name, clash(relations, t.Schema, "constraint", u.Name))
		}
		constraints := map[string]string{}
		for _, fk := range t.ForeignKeys {
			add("", fk.Name, clash(constraints, "", "constraint", fk.Name))
		}
		for _, ck := range t.Checks {
			add("", ck.Name, clash(constraints, "", "constraint", ck.Name))
		}
	}
	for _, e := range s.Enums {
		if err := long("enum type", e.Name); err != nil {
			out = append(out, dialect.Problem{Schema: e.Schema, Table: e.Name, Err: err})
		}
	}
	return append(out, dialect.ConflictClauses(s, "PostgreSQL")...)
}

// indexCapability says why PostgreSQL cannot build ix as written: an
// invisible index (MariaDB IGNORED, MySQL INVISIBLE) has no PostgreSQL
// counterpart, and the server would build an index the planner uses.
func indexCapability(ix model.Index) error {
	if ix.Invisible {
		return fmt.Errorf("%w: index %s is invisible, and PostgreSQL has no invisible indexes: the planner would use it; drop invisible, or keep this index in a MariaDB or MySQL model", dialect.ErrCapability, ix.Name)
	}
	return nil
}

var _ dialect.ObjectCommenter = (*Dialect)(nil)

// CommentsObjectsInPlace reports true: COMMENT ON INDEX and COMMENT ON
// CONSTRAINT change a comment without touching the object.
func (*Dialect) CommentsObjectsInPlace() bool { return true }
