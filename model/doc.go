// Package model is retort's dialect-neutral description of a database
// schema, and the loader that reads one from tagged Go structs.
//
// # What it owns
//
// [Schema] holds [Table] values; a table holds its [Column] list, its
// [PrimaryKey], [Index], [Unique], [ForeignKey] and [Check] lists. Everything
// is a plain value: no back-pointers, no pointers into a graph, so a table can
// be copied into an op and compared with go-cmp.
//
// A column's [Type] is either SQL text (from a type= tag or a catalog) or a
// [Logical] kind inferred from a Go type; a dialect turns the logical kind
// into SQL.
//
// # What it must not import
//
// Only the standard library. model knows nothing of SQL dialects, ops,
// catalogs or the runtime.
package model
