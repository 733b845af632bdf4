// Package render writes Go source: the revision files `retort revision`
// creates and the env.go `retort init` creates.
//
// # What it owns
//
// [File] turns a [Revision] and its upgrade and downgrade op lists into a
// revision file whose Upgrade and Downgrade funcs call the op builder of
// package migrate (op.CreateTable, op.AlterColumn, ...). The file is built
// with jennifer, passed through go/format, and is the same bytes for the
// same input. Recording its funcs gives back exactly the ops it was rendered
// from: conventional constraint names are written inline on their column,
// every other name and aspect explicitly. A custom op ([ops.Custom]) is
// written as op.Custom(&pkg.Type{...}), a composite literal of its own
// type built by reflection over its exported fields, with its package
// imported; [ErrCustomField] names a field no literal can hold. [FileName]
// names the file, and [EnvFile] writes a migrations package's env.go.
//
// render returns bytes; it writes no files.
//
// # What it must not import
//
// Only model and ops of retort (and jennifer): no dialect, no database, no
// migrate runtime.
package render
