package postgres

import "github.com/retortdb/retort/dialect"

// TypeChangeLoss classifies a column type change: PostgreSQL stores
// values as their declared type and checks them when converting. A
// narrowing to a shorter varchar or char is written so that it fails on
// values that do not fit (see alterColumn), so it is refused, not cut.
func (*Dialect) TypeChangeLoss(from, to dialect.TypeShape) dialect.TypeLoss {
	return dialect.CompareTypes(from, to)
}

// LexRules are PostgreSQL's: "identifiers", E'...' strings with backslash
// escapes, $tag$ dollar quotes, nested /* */ comments.
func (*Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{EStrings: true, DollarQuotes: true, NestedComments: true}
}
