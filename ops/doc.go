// Package ops is the operation list a migration is made of.
//
// # What it owns
//
// Every change to a schema is one [Op]: a Verb+Noun value struct
// ([CreateTable], [AddColumn], [AlterColumn], [DropIndex], ...) that names
// its table and columns and carries everything its reverse needs, so a
// downgrade is generated, never guessed. [Op.Reverse] returns the undoing
// op; [All] lists one value of every op type so tests can prove that each
// switch over ops (dialects, render, describe) covers them all.
//
// Ops are plain data: no pointers into a graph, no SQL, no dialect. The
// differ produces them, rewriters transform them, render writes them as Go,
// and dialects turn them into DDL.
//
// Two small vocabularies live beside them so that the runtime (package
// migrate) can use them without importing autogenerate: [Loss], a
// data-loss finding, with the facts an op's structure alone tells
// ([StructuralLoss], [CreatedBy]); and [Script], [ScriptContext] and
// [ScriptHook], a revision's op lists as script hooks see them (package
// rewriter aliases them).
//
// # What it must not import
//
// Only [github.com/retortdb/retort/model] and the standard library.
package ops
