package postgres

import "github.com/retortdb/retort/dialect"

var _ dialect.SQLLexer = (*Dialect)(nil)

// LexRules are PostgreSQL's: "identifiers", E'...' strings with backslash
// escapes, $tag$ dollar quotes, nested /* */ comments, operators made of a
// run of + - * / < > = ~ ! @ # % ^ & | ` ? characters, and ::.
func (*Dialect) LexRules() dialect.LexRules { return lexRules() }
