// Package gen generates the benchmark schema: N tables of eleven columns
// of mixed types (bigint auto-increment key, varchar, int, numeric, bool,
// text, bytes, timestamps), an index and a unique constraint, a check,
// five defaults, and a foreign key to the previous table on every other
// table.
//
// [Spec.Schema] builds it as a [model.Schema]; [Spec.Models] writes the
// same schema as Go source of tagged structs, which [load.Models] reads back
// equal to [Spec.Schema] (the package test proves it on a committed
// package generated with [Spec.Models]).
//
// # What it may import
//
// model and the standard library.
package gen
