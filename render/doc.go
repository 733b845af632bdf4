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
// every other name and aspect explicitly. [FileName] names the file, and
// [EnvFile] writes a migrations package's env.go.
//
// render returns bytes; it writes no files.
//
// # What it must not import
//
// Only model and ops of retort (and jennifer): no dialect, no database, no
// migrate runtime.
package render
