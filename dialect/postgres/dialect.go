package postgres

import (
	"errors"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Dialect is the PostgreSQL dialect. The zero value is ready to use.
type Dialect struct{}

var (
	_ dialect.Dialect           = (*Dialect)(nil)
	_ dialect.IdentQuoter       = (*Dialect)(nil)
	_ dialect.ConcurrentIndexer = (*Dialect)(nil)
)

// New returns the PostgreSQL dialect.
func New() *Dialect { return &Dialect{} }

// ErrUnsupported is returned by [Dialect.Statements] for an op PostgreSQL
// cannot carry out: custom ops.
var ErrUnsupported = errors.New("postgres: unsupported operation")

// Name returns [dialect.Postgres].
func (*Dialect) Name() dialect.Name { return dialect.Postgres }

// TransactionalDDL reports true: PostgreSQL rolls DDL back.
func (*Dialect) TransactionalDDL() bool { return true }

// QuoteIdent double-quotes name when PostgreSQL would not read it back
// unquoted as the same name: upper case, characters other than lower-case
// letters, digits, _ and $, a leading digit, or a keyword that is not
// unreserved. It quotes exactly as the server's quote_ident does.
func (*Dialect) QuoteIdent(name string) string { return quoteIdent(name) }

// QuoteIdentAlways double-quotes name ([dialect.IdentQuoter]).
func (*Dialect) QuoteIdentAlways(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// ConcurrentIndexes reports true: CREATE INDEX CONCURRENTLY and DROP INDEX
// CONCURRENTLY do not block writes ([dialect.ConcurrentIndexer]).
func (*Dialect) ConcurrentIndexes() bool { return true }

func quoteIdent(name string) string {
	if name == "" {
		return `""`
	}
	safe := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case (c >= '0' && c <= '9') || c == '$':
			if i == 0 {
				safe = false
			}
		default:
			safe = false
		}
	}
	if safe && !keywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qualify quotes name and prefixes the quoted schema when there is one.
func qualify(schema, name string) string {
	if schema == "" {
		return quoteIdent(name)
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}

// quoteString returns s as an SQL string literal.
func quoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// keywords are PostgreSQL's keywords that are not unreserved (reserved,
// col_name and type_func_name), from pg_get_keywords(): quote_ident quotes them.
var keywords = func() map[string]bool {
	const list = `all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean
both case cast char character check coalesce collate collation column concurrently constraint
create cross current_catalog current_date current_role current_schema current_time
current_timestamp current_user dec decimal default deferrable desc distinct do else end except
exists extract false fetch float for foreign freeze from full grant greatest group grouping having
ilike in initially inner inout int integer intersect interval into is isnull join lateral leading
least left like limit localtime localtimestamp national natural nchar none normalize not notnull
null nullif numeric offset on only or order out outer overlaps overlay placing position precision
primary real references returning right row select session_user setof similar smallint some
substring symmetric table tablesample then time timestamp to trailing treat trim true union unique
user using values varchar variadic verbose when where window with xmlattributes xmlconcat
xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}()
