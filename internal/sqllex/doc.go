// Package sqllex splits SQL text into statements of tokens, with the
// quoting and comment rules of a dialect given as [Rules]: which quote
// characters delimit identifiers and which strings, whether strings take
// backslash escapes, PostgreSQL's dollar quotes and E'...' strings, MySQL's
// # comments and executable /*! */ comments, nested block comments. It
// reads text to classify it (the data-loss gate reads raw Execute SQL with
// it); it does not parse SQL.
//
// It is the lexer the data-loss classification of package dialect reads
// raw Execute SQL with; SQLite's catalog reader and dialect still use
// internal/sqlitelex, and the PostgreSQL and MySQL dialects their own
// expression tokenizers (one lexer for all is open work).
//
// # What it may import
//
// The standard library only.
package sqllex
