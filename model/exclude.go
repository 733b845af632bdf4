package model

// Exclude is an exclusion constraint (PostgreSQL EXCLUDE): no two rows
// may have elements that all compare true with the constraint's operators.
//
// Its definition is kept as PostgreSQL renders it (pg_get_constraintdef,
// without the leading EXCLUDE): the index method, the elements with their
// operators, any INCLUDE, WITH and WHERE clauses and the timing, e.g.
// "USING gist (area WITH &&) WHERE (active) DEFERRABLE". Dialects compare
// two definitions once normalised. Tag (on a table options field):
// exclude=NAME(USING gist (area WITH &&)), with an optional
// comment 'text' after the closing parenthesis. Only PostgreSQL has
// exclusion constraints: a model for another dialect with one is refused
// when it is read.
type Exclude struct {
	Name string
	// Def is the definition after EXCLUDE, as PostgreSQL renders it.
	Def string
	// Comment is the constraint's comment.
	Comment string
}
