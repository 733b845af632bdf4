// Package policy is an example of custom ops: PostgreSQL row-level
// security, which retort's built-in ops do not cover, written as ops a
// team defines without forking retort.
//
// Each op is a struct that implements [ops.CustomOp] (Name and
// ReverseCustom, so downgrades are generated) and
// [dialect.CustomStatements] (its SQL). A rewriter or a comparator puts
// them in a revision as [ops.Custom]; render writes them into the file as
//
//	op.Custom(&policy.CreatePolicy{Table: "documents", Policy: "owner_only", Using: "owner = current_user"})
//
// and the runner runs them like built-in ops. A custom op type must live
// in a package of its own (not the migrations package, not main, not a
// _test file), so that revision files can import it; its exported fields
// must be strings, bools, numbers, or slices, maps with string keys and
// structs of those.
//
// [ops.CustomOp]: https://pkg.go.dev/github.com/retortdb/retort/ops#CustomOp
// [dialect.CustomStatements]: https://pkg.go.dev/github.com/retortdb/retort/dialect#CustomStatements
package policy
