// Package modelgen writes Go model structs from a schema: the source
// `retort inspect --format go` prints and `retort init --from-database`
// writes, so that a team adopting retort on an existing database starts
// from models that already match it.
//
// # What it owns
//
// [Generate] turns a [model.Schema] (usually reflected from a live
// database) into one Go file: a struct per table whose fields carry
// retort's db tags (see package github.com/retortdb/retort/load). Every
// attribute the schema holds is written as a tag: the column's SQL type
// (always explicit, type=...), NULL, defaults, auto-increment and identity,
// generated expressions, comments, charsets and collations, MySQL's ON
// UPDATE; the primary key (pk on its fields); indexes (plain, unique,
// partial, expression, prefix lengths, DESC, methods, INCLUDE), unique
// constraints, checks and foreign keys with their actions, as table
// options on a blank field; enum types (enum=NAME(values) [comment 'text'] on the first
// column that uses one); the table's schema, comment and options.
//
// What the tag grammar cannot spell (a primary
// key whose column order is not the table's, an enum no column uses, a
// name the tag syntax cannot hold) is never dropped silently: each comes
// back as a [Warning] naming the table (and column) and what is lost, and
// the caller prints it.
//
// Go names: each table gives an exported CamelCase struct name, each
// column an exported CamelCase field name (common initialisms upper-case:
// user_id gives UserID); collisions get a numeric suffix, names that do
// not start with a letter a prefix. Go types follow the column's SQL type
// and nullability: a nullable column is a pointer (a []byte one is tagged
// null).
//
// The file is built with jennifer and is gofmt-clean and deterministic:
// the same schema gives the same bytes. modelgen returns bytes; it writes
// no files.
//
// # What it must not import
//
// Only model of retort (and jennifer): no dialect, no database, no
// loader. It names no dialect: Go types come from the SQL type's base
// name alone.
package modelgen
