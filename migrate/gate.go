package migrate

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// ReviewedDataLoss is the entry of [Revision.Reviewed] that accepts the
// revision's data-loss findings, in its upgrade and its downgrade alike.
const ReviewedDataLoss = "data-loss"

// ErrDataLoss is wrapped by [*DataLossError]: the run refused revisions
// whose data-loss findings are not marked reviewed.
var ErrDataLoss = errors.New("migrate: unreviewed data loss")

// DataLossError reports the revisions the data-loss gate refused. Nothing
// of them was applied; on SQLite, revisions before them in the run may
// have been (see [Result]).
type DataLossError struct {
	// Direction is the run's direction.
	Direction Direction
	// Revisions are the refused revisions, in the order the run would
	// have applied them.
	Revisions []RefusedRevision
}

// RefusedRevision is one revision the data-loss gate refused.
type RefusedRevision struct {
	// ID and Message are the revision's.
	ID, Message string
	// File is the source file that declares the revision's Upgrade or
	// Downgrade func, when the binary knows it; empty otherwise.
	File string
	// Losses are the data-loss findings of the ops the run would apply,
	// in op order.
	Losses []ops.Loss
}

// Error names each revision, its file when known, and its findings, and
// says how to accept them.
func (e *DataLossError) Error() string {
	var b strings.Builder
	b.WriteString("migrate: ")
	for _, r := range e.Revisions {
		fmt.Fprintf(&b, "refusing revision %s (%s)", r.ID, r.Message)
		if r.File != "" {
			fmt.Fprintf(&b, " in %s", r.File)
		}
		fmt.Fprintf(&b, ": its %s loses data and is not marked reviewed:\n", e.Direction)
		for _, l := range r.Losses {
			fmt.Fprintf(&b, "  op %d: data loss: %s\n", l.Op+1, l.Message)
		}
	}
	fmt.Fprintf(&b, "review the findings, then add `Reviewed: []string{%q},` to the revision (generated files carry the line commented out), or set migrate.Options.AllowDataLoss to apply it anyway", ReviewedDataLoss)
	return b.String()
}

// Unwrap returns [ErrDataLoss].
func (e *DataLossError) Unwrap() error { return ErrDataLoss }

// GateLosses returns the data-loss findings the runner's gate refuses in
// list, a revision's ops in direction dir, unless the revision lists
// [ReviewedDataLoss] in Reviewed (which GateLosses does not look at). The
// findings are dialect.DataLoss's. An upgrade's are all refused. For a
// downgrade, upgrade is the same revision's upgrade ops, and what only
// undoes it is not refused — that is the meaning of a downgrade:
//
//   - dropping a table the upgrade creates, or a column it adds (also
//     under the names the upgrade renames them to);
//   - removing enum values the upgrade adds;
//   - changing a column back to the type the upgrade changed it from,
//     when the database refuses values that do not fit rather than
//     cutting them (a varchar narrowed back to its length fails on longer
//     values; a numeric scale or a timestamp precision narrowed back
//     rounds silently, and is refused).
//
// Anything else a downgrade loses is refused: dropping what the upgrade
// did not create, a lossy cast back, raw SQL that drops or deletes.
func GateLosses(d dialect.Dialect, dir Direction, list, upgrade []ops.Op) []ops.Loss {
	losses := dialect.DataLoss(d, list, dialect.LossOptions{})
	if dir != Down || len(losses) == 0 {
		return losses
	}
	created := ops.CreatedBy(upgrade)
	changed := typeChanges(d, upgrade)
	var out []ops.Loss
	for _, l := range losses {
		if undoes(l, created, changed) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// typeChange is an upgrade's change of a column's type.
type typeChange struct {
	from, to       string
	addedValues    []string
	schema, column string
}

// typeChanges returns the type changes of upgrade, by table.
func typeChanges(d dialect.Dialect, upgrade []ops.Op) map[string][]typeChange {
	enums := dialect.CollectEnums(nil, upgrade)
	out := map[string][]typeChange{}
	for _, op := range upgrade {
		o, ok := op.(ops.AlterColumn)
		if !ok || !o.Change.Has(ops.ChangeType) {
			continue
		}
		from, to := enums.Shape(d, o.From), enums.Shape(d, o.To)
		name := o.To.Name
		if name == "" {
			name = o.From.Name
		}
		var added []string
		for _, v := range to.Values {
			if !slices.Contains(from.Values, v) {
				added = append(added, v)
			}
		}
		out[o.Table] = append(out[o.Table], typeChange{from: from.SQL, to: to.SQL, addedValues: added, schema: o.Schema, column: name})
	}
	return out
}

// undoes reports whether a downgrade loss only undoes the upgrade.
func undoes(l ops.Loss, created ops.Created, changed map[string][]typeChange) bool {
	if l.Raw {
		return false
	}
	switch l.Kind {
	case ops.LossTable:
		return created.Table(l.Schema, l.Table)
	case ops.LossColumn:
		return created.Column(l.Schema, l.Table, l.Column)
	case ops.LossEnumValues:
		if l.Enum != "" && created.EnumValues(l.Enum, l.Values) {
			return true
		}
		for _, c := range changed[l.Table] {
			if c.schema == l.Schema && c.column == l.Column && containsAll(c.addedValues, l.Values) {
				return true
			}
		}
		return created.Column(l.Schema, l.Table, l.Column)
	case ops.LossType:
		if created.Column(l.Schema, l.Table, l.Column) {
			return true
		}
		for _, c := range changed[l.Table] {
			if c.schema == l.Schema && c.column == l.Column && c.from == l.To && c.to == l.From && l.Refused {
				return true
			}
		}
	}
	return false
}

func containsAll(set, vals []string) bool {
	for _, v := range vals {
		if !slices.Contains(set, v) {
			return false
		}
	}
	return len(vals) > 0
}

// gate refuses the steps whose data-loss findings their revisions do not
// list as reviewed, unless Options.AllowDataLoss is set. It runs on a plan
// made under the migration lock (on SQLite, on each plan the revision
// transactions confirm), so a concurrent run cannot change what is
// applied after the decision.
func (s *session) gate(steps []Step) error {
	if err := refuseIrreversible(steps); err != nil {
		return err
	}
	if err := refuseUnsafeValues(s.be.Dialect, steps); err != nil {
		return err
	}
	if s.opts.AllowDataLoss || len(steps) == 0 {
		return nil
	}
	var refused []RefusedRevision
	for _, st := range steps {
		if slices.Contains(st.Revision.Reviewed, ReviewedDataLoss) {
			continue
		}
		list, err := st.Revision.Record(st.Direction)
		if err != nil {
			continue // applying the step reports it, naming the revision
		}
		var up []ops.Op
		if st.Direction == Down {
			if up, err = st.Revision.Record(Up); err != nil {
				up = nil // nothing counts as created: every loss is refused
			}
		}
		if ls := GateLosses(s.be.Dialect, st.Direction, list, up); len(ls) > 0 {
			refused = append(refused, RefusedRevision{ID: st.Revision.ID, Message: st.Revision.Message,
				File: sourceFile(st.Revision, st.Direction), Losses: ls})
		}
	}
	if len(refused) == 0 {
		return nil
	}
	return &DataLossError{Direction: steps[0].Direction, Revisions: refused}
}

// sourceFile returns the file that declares the revision's func for dir,
// as the binary's symbol table records it; "" when unknown.
func sourceFile(r Revision, dir Direction) string {
	fn := r.Upgrade
	if dir == Down {
		fn = r.Downgrade
	}
	if fn == nil {
		return ""
	}
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return ""
	}
	file, _ := f.FileLine(f.Entry())
	return file
}

// refuseUnsafeValues checks the values every op of every step would write
// into DDL, and the table options a CreateTable sets before the index
// they name exists (checkIndexOptions), before the first statement runs:
// where DDL is not transactional, a value refused at op 5 would otherwise
// leave ops 1–4 applied.
func refuseUnsafeValues(d dialect.Dialect, steps []Step) error {
	for _, st := range steps {
		list, err := st.Revision.Record(st.Direction)
		if err != nil {
			continue // applying the step reports it, naming the revision
		}
		for i, op := range list {
			if err := dialect.CheckOp(d, op); err != nil {
				return newError(st, list, i, "", err)
			}
		}
		if i, err := checkIndexOptions(d, list); err != nil {
			return newError(st, list, i, "", err)
		}
	}
	return nil
}
