package mysql

import "github.com/retortdb/retort/dialect"

var _ dialect.SQLLexer = (*Dialect)(nil)

// LexRules are MySQL's defaults: `identifiers`, "strings", backslash
// escapes in strings, # comments, -- comments only before a space, and the
// executable /*! */ comments, whose text runs.
func (d *Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{Backticks: true, DoubleQuotedStrings: true, BackslashEscapes: true,
		HashComments: true, DashCommentNeedsSpace: true, ExecutableComments: true}
}
