package ops

// Irreversible is the [CustomOp] autogenerate writes in a downgrade for an
// upgrade op that has no computable reverse (an [Execute] without DownSQL,
// a [BulkInsert], a custom op without ReverseCustom). The revision file
// is still written; the runner refuses to run a downgrade that holds one,
// before running any of its ops, with a message naming the revision and
// What. A rewriter or script hook may replace it with a real reverse.
//
// It travels as Custom{Op: Irreversible{...}}: dialects have no SQL for it
// and render writes it as op.Irreversible("...").
type Irreversible struct {
	// What describes the upgrade op that cannot be undone, as
	// [Describe] words it: "execute: UPDATE users SET ...".
	What string
	// Of is that op, when known (nil in an op list recorded from a file),
	// so a rewriter can match it and supply the reverse.
	Of Op
}

// Name returns "irreversible".
func (Irreversible) Name() string { return "irreversible" }

// ReverseCustom reports false: undoing a refusal has no meaning.
func (Irreversible) ReverseCustom() (CustomOp, bool) { return nil, false }

// IrreversibleOf returns the Irreversible placeholder inside op, if it is
// one.
func IrreversibleOf(op Op) (Irreversible, bool) {
	c, ok := op.(Custom)
	if !ok {
		return Irreversible{}, false
	}
	switch x := c.Op.(type) {
	case Irreversible:
		return x, true
	case *Irreversible:
		if x != nil {
			return *x, true
		}
	}
	return Irreversible{}, false
}
