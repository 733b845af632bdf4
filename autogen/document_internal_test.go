package autogen

import (
	"testing"

	"github.com/retortdb/retort/ops"
)

type namedCustom struct{}

func (namedCustom) Name() string                        { return "create_policy" }
func (namedCustom) ReverseCustom() (ops.CustomOp, bool) { return nil, false }

// TestOpTargetCoversOps proves the JSON document names an object for every
// op type but Execute, and a snake-case op name for all.
func TestOpTargetCoversOps(t *testing.T) {
	t.Parallel()
	for _, op := range ops.All() {
		if _, ok := op.(ops.Custom); ok {
			op = ops.Custom{Op: namedCustom{}}
		}
		name := OpName(op)
		if name == "" || name[0] < 'a' || name[0] > 'z' {
			t.Errorf("OpName(%T) = %q", op, name)
		}
		if _, _, _, known := target(op); !known {
			t.Errorf("OpTarget has no case for %T", op)
		}
	}
}
