package migrate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/ops"
)

type grantOp struct{ Role, Table string }

func (grantOp) Name() string { return "grant" }

func (g grantOp) ReverseCustom() (ops.CustomOp, bool) { return revokeOp(g), true }

type revokeOp struct{ Role, Table string }

func (revokeOp) Name() string { return "revoke" }

func (r revokeOp) ReverseCustom() (ops.CustomOp, bool) { return grantOp(r), true }

func TestOpCustom(t *testing.T) {
	t.Parallel()
	var op Recorder
	op.CreateTable("t")
	op.Custom(grantOp{Role: "app", Table: "t"})
	op.InSchema("billing").Custom(&grantOp{Role: "ro", Table: "t"})
	want := []ops.Op{
		ops.CreateTable{Table: op.Ops()[0].(ops.CreateTable).Table},
		ops.Custom{Op: grantOp{Role: "app", Table: "t"}},
		ops.Custom{Op: &grantOp{Role: "ro", Table: "t"}},
	}
	if diff := cmp.Diff(want, op.Ops()); diff != "" {
		t.Errorf("recorded ops (-want +got):\n%s", diff)
	}
	rev, ok := op.Ops()[1].Reverse()
	if !ok {
		t.Fatal("custom op did not reverse")
	}
	if diff := cmp.Diff(ops.Op(ops.Custom{Op: revokeOp{Role: "app", Table: "t"}}), rev); diff != "" {
		t.Errorf("reverse (-want +got):\n%s", diff)
	}
}

func TestOpCustomNil(t *testing.T) {
	t.Parallel()
	defer func() {
		var be *BuildError
		if err, _ := recover().(error); !errors.As(err, &be) {
			t.Errorf("Custom(nil) panicked with %v, want a *BuildError", err)
		}
	}()
	var op Recorder
	op.Custom(nil)
}
