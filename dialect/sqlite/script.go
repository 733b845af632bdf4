package sqlite

import "github.com/retortdb/retort/dialect"

var _ dialect.ScriptVerifier = (*Dialect)(nil)

// VerifyScript fails when PRAGMA foreign_key_check finds a violation: a
// pragma's rows do not stop the sqlite3 client, a failed CHECK does. The
// constraint's name is the error sqlite3 prints ("CHECK constraint
// failed: foreign key violations: ..."), and the temporary table is
// dropped when the check passes.
func (*Dialect) VerifyScript() []string {
	return []string{
		`CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "foreign key violations (PRAGMA foreign_key_check lists them): this transaction must not commit" CHECK (violations = 0))`,
		"INSERT INTO temp.retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check",
		"DROP TABLE temp.retort_foreign_key_check",
	}
}
