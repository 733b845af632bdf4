package sqlite

import (
	"errors"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// ErrUnsupported is returned for an op type SQLite does not know.
var ErrUnsupported = errors.New("sqlite: operation not supported")

// Dialect is the SQLite dialect. The zero value is ready to use.
type Dialect struct{}

var (
	_ dialect.Dialect     = (*Dialect)(nil)
	_ dialect.ConnSetup   = (*Dialect)(nil)
	_ dialect.IdentQuoter = (*Dialect)(nil)
)

// New returns the SQLite dialect.
func New() *Dialect { return &Dialect{} }

// Name returns [dialect.SQLite].
func (*Dialect) Name() dialect.Name { return dialect.SQLite }

// TransactionalDDL reports true: SQLite rolls DDL back with the transaction.
func (*Dialect) TransactionalDDL() bool { return true }

// BeforeTx turns foreign keys off: a rebuild drops and recreates tables,
// which must neither cascade nor fail on references.
func (*Dialect) BeforeTx() []string { return []string{"PRAGMA foreign_keys = OFF"} }

// Verify lists foreign-key violations; any row fails the migration.
func (*Dialect) Verify() []string { return []string{"PRAGMA foreign_key_check"} }

// AfterTx turns foreign keys back on.
func (*Dialect) AfterTx() []string { return []string{"PRAGMA foreign_keys = ON"} }

// QuoteIdent double-quotes name unless it is a plain lower-case identifier
// ([a-z_][a-z0-9_]*) that is not a keyword.
func (*Dialect) QuoteIdent(name string) string { return quoteIdent(name) }

// QuoteIdentAlways double-quotes name ([dialect.IdentQuoter]).
func (*Dialect) QuoteIdentAlways(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func quoteIdent(name string) string {
	if plainIdent(name) && !keywords[strings.ToUpper(name)] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func plainIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || (c >= 'a' && c <= 'z'):
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// quoteString returns s as an SQL string literal.
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// keywords are SQLite's keywords (https://sqlite.org/lang_keywords.html).
var keywords = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(`ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH
		AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT
		CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT
		DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE
		EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP
		GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO
		IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL
		NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY
		RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT
		ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER
		UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT
		TRUE FALSE`) {
		m[k] = true
	}
	return m
}()
