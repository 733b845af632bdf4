package mysql

import "github.com/retortdb/retort/dialect"

var _ dialect.SQLLexer = (*Dialect)(nil)

// LexRules are MySQL's defaults: `identifiers`, "strings", backslash
// escapes in strings, # comments, -- comments only before a space, the
// executable /*! */ comments, whose text runs, and MySQL's operators of
// more than one character (<=>, ->>, &&, ...).
func (d *Dialect) LexRules() dialect.LexRules { return lexRules() }
