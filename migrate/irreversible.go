package migrate

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/ops"
)

// ErrIrreversible is wrapped by [*IrreversibleError].
var ErrIrreversible = errors.New("migrate: downgrade cannot undo the upgrade")

// Irreversible records a downgrade step that cannot run: what describes
// the upgrade op it cannot undo. Autogenerate writes it for an op with no
// computable reverse; the runner (and offline SQL) refuse the revision's
// downgrade before running any op of it, naming the revision and what.
// Replace it with ops that undo the upgrade to make the downgrade run.
func (o *Op) Irreversible(what string) {
	o.record(ops.Custom{Op: ops.Irreversible{What: what}})
}

// IrreversibleError is returned by a run whose plan holds a revision
// that records [Op.Irreversible]: nothing of the run was applied.
type IrreversibleError struct {
	// Revision and Message are the refused revision's.
	Revision, Message string
	// Direction is the direction the revision would have run in.
	Direction Direction
	// File is the source file of the revision's func, when known.
	File string
	// What lists the ops it cannot undo, in op order.
	What []string
}

// Error names the revision, its file and what it cannot undo, and says
// what to do.
func (e *IrreversibleError) Error() string {
	where := ""
	if e.File != "" {
		where = " (" + e.File + ")"
	}
	what := ""
	for i, w := range e.What {
		if i > 0 {
			what += "; "
		}
		what += w
	}
	return fmt.Sprintf("migrate: revision %s %q%s: its %s cannot undo %s; write the ops that undo it in place of op.Irreversible, or stamp the database instead",
		e.Revision, e.Message, where, e.Direction, what)
}

// Unwrap returns [ErrIrreversible].
func (e *IrreversibleError) Unwrap() error { return ErrIrreversible }

// irreversibleIn returns the refusal for step st recording list, or nil.
func irreversibleIn(st Step, list []ops.Op) error {
	var what []string
	for _, op := range list {
		if ir, ok := ops.IrreversibleOf(op); ok {
			what = append(what, ir.What)
		}
	}
	if len(what) == 0 {
		return nil
	}
	return &IrreversibleError{Revision: st.Revision.ID, Message: st.Revision.Message, Direction: st.Direction,
		File: sourceFile(st.Revision, st.Direction), What: what}
}

// refuseIrreversible returns the refusal of the first step that records
// [Op.Irreversible], before anything of the run is applied.
func refuseIrreversible(steps []Step) error {
	for _, st := range steps {
		list, err := st.Revision.Record(st.Direction)
		if err != nil {
			continue // applying the step reports it, naming the revision
		}
		if err := irreversibleIn(st, list); err != nil {
			return err
		}
	}
	return nil
}
