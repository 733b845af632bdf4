package sqlite

import "github.com/retortdb/retort/dialect"

var _ dialect.SQLLexer = (*Dialect)(nil)

// LexRules are SQLite's: "identifiers", `identifiers` and [identifiers].
func (*Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{Backticks: true, Brackets: true}
}
