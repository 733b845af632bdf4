package migrate

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/ops"
)

// Tx is the connection a Go data migration ([Op.Run]) works with: the
// revision's transaction (*sql.Tx) on a dialect with transactional DDL,
// else the run's connection (*sql.Conn). Both satisfy it.
type Tx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// RunFunc is Go code a revision runs with the connection (Alembic's
// op.get_bind()): a data migration that reads rows and writes them back
// computed in Go. An error fails the revision like a failing statement.
type RunFunc func(ctx context.Context, tx Tx) error

// Run records a Go data migration: fn runs, when the runner reaches it,
// with the revision's transaction (see [Tx]), between the statements of
// the ops recorded before and after it. The returned definition gives
// the func that undoes it with Down, so that the op reverses:
//
//	op.Run(func(ctx context.Context, tx migrate.Tx) error {
//		_, err := tx.ExecContext(ctx, "UPDATE users SET email = lower(email)")
//		return err
//	}).Describe("lower-case the e-mails")
//
// Offline SQL (`retort upgrade --sql`) cannot run Go code: it refuses a
// revision that records Run, naming the revision. It panics on a nil fn.
func (o *Op) Run(fn RunFunc) *RunDef {
	if fn == nil {
		fail("Run(nil): give the func to run")
	}
	d := &RunDef{op: &RunOp{Up: fn}}
	d.sync = o.record(ops.Custom{Op: d.op})
	return d
}

// RunDef is a recorded [RunOp].
type RunDef struct {
	op   *RunOp
	sync func(ops.Op)
}

// Down sets the func that undoes the run, making the op reversible.
func (d *RunDef) Down(fn RunFunc) *RunDef {
	d.op.Down = fn
	d.sync(ops.Custom{Op: d.op})
	return d
}

// Describe names what the run does, for messages and logs.
func (d *RunDef) Describe(what string) *RunDef {
	d.op.What = what
	d.sync(ops.Custom{Op: d.op})
	return d
}

// RunOp is the custom op [Op.Run] records. Dialects have no SQL for it:
// the runner calls Up itself.
type RunOp struct {
	// Up is the func to run; Down, when set, undoes it.
	Up, Down RunFunc
	// What describes the run; empty says "Go code".
	What string
}

// Name returns "run: " and what the run does.
func (r *RunOp) Name() string {
	if r.What == "" {
		return "run: Go code"
	}
	return "run: " + r.What
}

// ReverseCustom returns the run of Down (whose Down is Up), and false
// without Down.
func (r *RunOp) ReverseCustom() (ops.CustomOp, bool) {
	if r.Down == nil {
		return nil, false
	}
	return &RunOp{Up: r.Down, Down: r.Up, What: "undo " + r.What}, true
}

// runOf returns the RunOp inside op, if it is one.
func runOf(op ops.Op) (*RunOp, bool) {
	c, ok := op.(ops.Custom)
	if !ok {
		return nil, false
	}
	r, ok := c.Op.(*RunOp)
	return r, ok && r != nil && r.Up != nil
}

// runGo runs op with tx when it is an [Op.Run]; ran reports that it was.
func runGo(ctx context.Context, op ops.Op, tx Tx) (ran bool, err error) {
	r, ok := runOf(op)
	if !ok {
		return false, nil
	}
	if err := r.Up(ctx, tx); err != nil {
		return true, fmt.Errorf("%s: %w", r.Name(), err)
	}
	return true, nil
}

// offlineRefusal returns the error of offline SQL for a step whose list
// holds an [Op.Run]: Go code cannot be printed as SQL.
func offlineRefusal(st Step, list []ops.Op) error {
	for i, op := range list {
		if r, ok := runOf(op); ok {
			return fmt.Errorf("migrate: offline SQL for %s of revision %s %q, op %d of %d (%s): the revision runs Go code (op.Run), which offline SQL cannot print; run it against the database instead",
				st.Direction, st.Revision.ID, st.Revision.Message, i+1, len(list), r.Name())
		}
	}
	return nil
}
