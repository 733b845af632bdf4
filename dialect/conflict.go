package dialect

import (
	"fmt"

	"github.com/retortdb/retort/model"
)

// ConflictClauses returns a problem for each ON CONFLICT clause of s (a
// NOT NULL's, a primary key's, a unique constraint's) and each DESC
// primary-key column: SQLite's, which server (the dialect's server name)
// does not have, so a model that declares one is refused when it is read
// rather than written without it. Dialects other than SQLite call it from
// their [CapabilityChecker].
func ConflictClauses(s model.Schema, server string) []Problem {
	var out []Problem
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.NotNullOnConflict != model.ConflictDefault {
				out = append(out, Problem{Schema: t.Schema, Table: t.Name, Column: c.Name,
					Err: fmt.Errorf("%w: NOT NULL ON CONFLICT %s is SQLite's, and %s has no ON CONFLICT clause: drop notnull_onconflict=", ErrCapability, c.NotNullOnConflict, server)})
			}
		}
		pk := t.PrimaryKey
		if pk.OnConflict != model.ConflictDefault {
			out = append(out, Problem{Schema: t.Schema, Table: t.Name, Object: pk.Name,
				Err: fmt.Errorf("%w: PRIMARY KEY ON CONFLICT %s is SQLite's, and %s has no ON CONFLICT clause: drop pk_onconflict=", ErrCapability, pk.OnConflict, server)})
		}
		if len(pk.Desc) > 0 {
			out = append(out, Problem{Schema: t.Schema, Table: t.Name, Object: pk.Name,
				Err: fmt.Errorf("%w: primary key column %s is DESC, which retort writes only on SQLite, not on %s: drop pk_desc", ErrCapability, pk.Desc[0], server)})
		}
		for _, u := range t.Uniques {
			if u.OnConflict != model.ConflictDefault {
				out = append(out, Problem{Schema: t.Schema, Table: t.Name, Object: u.Name,
					Err: fmt.Errorf("%w: UNIQUE ON CONFLICT %s is SQLite's, and %s has no ON CONFLICT clause: drop unique_onconflict=", ErrCapability, u.OnConflict, server)})
			}
		}
	}
	return out
}
