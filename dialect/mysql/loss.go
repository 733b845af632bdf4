package mysql

import "github.com/retortdb/retort/dialect"

// TypeChangeLoss classifies a column type change. In strict mode (the
// default of MySQL 5.7 and MariaDB 10.2.4 on) a value that does not fit
// the new type fails the ALTER TABLE instead of being cut; a server with
// strict mode off cuts it with a warning.
func (d *Dialect) TypeChangeLoss(from, to dialect.TypeShape) dialect.TypeLoss {
	return dialect.CompareTypes(from, to)
}

// LexRules are MySQL's defaults: `identifiers`, "strings", backslash
// escapes in strings, # comments, -- comments only before a space, and the
// executable /*! */ comments, whose text runs.
func (d *Dialect) LexRules() dialect.LexRules {
	return dialect.LexRules{Backticks: true, DoubleQuotedStrings: true, BackslashEscapes: true,
		HashComments: true, DashCommentNeedsSpace: true, ExecutableComments: true}
}
