// Package model is retort's dialect-neutral description of a database
// schema: the vocabulary every other package speaks.
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
// [Enum] types sit on the schema beside the tables. [Family] names the
// tag family (db, gorm, bun) models are written in, for the runtime's
// configuration. The naming helpers ([SnakeCase], [PrimaryKeyName],
// [IndexName], [UniqueName], [ForeignKeyName], [CheckName], [Truncate])
// give the names a schema uses when none is written; [SplitType],
// [SplitTopLevel] and [QualifySchema] are the pure helpers the readers of
// a schema share.
//
// # What it must not import
//
// Only the standard library, and of that no go/parser and no file I/O:
// model knows nothing of SQL dialects, ops, catalogs, the runtime or Go
// source. Reading a schema from Go structs (tags, GORM, bun, source
// positions, model discovery) is package
// [github.com/retortdb/retort/load]; reading one from a live database is
// [github.com/retortdb/retort/introspect].
//
// # Names
//
// Generated names follow [PrimaryKeyName], [IndexName], [UniqueName],
// [ForeignKeyName] and [CheckName]; names longer than 63 bytes are
// shortened by [Truncate].
package model
