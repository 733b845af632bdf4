package migrate

import "github.com/retortdb/retort/ops"

// Custom records a user-defined op, as render writes it:
//
//	op.Custom(&policy.CreatePolicy{Table: "documents", Name: "owner_only", Using: "owner = current_user"})
//
// The runner asks the op for its SQL through dialect.CustomStatements, and
// reverses it with its ReverseCustom method. InSchema does not apply: the
// op names its own objects. It panics on a nil op.
func (o *Recorder) Custom(c ops.CustomOp) {
	if c == nil {
		fail("Custom(nil): give the custom op")
	}
	o.record(ops.Custom{Op: c})
}
