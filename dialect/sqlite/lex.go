package sqlite

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
)

var _ dialect.SQLLexer = (*Dialect)(nil)

// LexRules are SQLite's: "identifiers", `identifiers` and [identifiers],
// X'..' blobs, and its operators of more than one character.
func (*Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{Backticks: true, Brackets: true, BlobLiterals: true,
		Operators: []string{"->>", "||", "<<", ">>", "<=", ">=", "==", "!=", "<>", "->"}}
}

// Lex splits SQLite SQL into tokens with [Dialect.LexRules]: the CREATE
// TABLE and CREATE INDEX text sqlite_master keeps, which the table rebuild
// and the catalog reader (introspect/sqlite) read, and expressions.
func Lex(sql string) []sqllex.Token { return sqllex.Lex(sql, (*Dialect)(nil).LexRules()) }
