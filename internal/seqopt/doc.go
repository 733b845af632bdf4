// Package seqopt reads and writes SQL sequence options (START WITH,
// INCREMENT BY, MINVALUE, MAXVALUE, CACHE, CYCLE, AS), the clauses of the
// SQL standard's sequence generator that identity columns take, in one
// canonical spelling: a catalog reader writes what it finds with [Format],
// and a dialect reads what a model says with [Parse], so both compare as
// text. It imports only the standard library.
package seqopt
