// Package sqllex splits SQL text into tokens and statements, with the
// quoting and comment rules of a dialect given as [Rules]: which quote
// characters delimit identifiers and which strings, whether strings take
// backslash escapes, PostgreSQL's dollar quotes and E'...' strings, MySQL's
// # comments and executable /*! */ comments, nested block comments. It
// reads text to classify it (the data-loss gate reads raw Execute SQL with
// it); it does not parse SQL.
//
// It is retort's one SQL lexer. [Lex] reads catalog text and expressions
// without failing (the SQLite dialect and catalog reader parse CREATE
// TABLE with it; the PostgreSQL and MySQL dialects normalise expressions
// from its tokens); [Split] reads scripts and refuses unterminated quotes
// (the data-loss classification of package dialect reads raw Execute SQL
// with it). Each dialect gives its rules ([Rules]) through its LexRules
// method.
//
// # What it may import
//
// The standard library only.
package sqllex
