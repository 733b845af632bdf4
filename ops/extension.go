package ops

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/model"
)

// CreateExtension installs a PostgreSQL extension (CREATE EXTENSION IF
// NOT EXISTS): the differ emits it before any table or type that may use
// what the extension installs.
type CreateExtension struct {
	Extension model.Extension
}

// DropExtension removes a PostgreSQL extension; Extension is its
// definition for the reverse. The differ emits it after everything that
// used it is gone; the server refuses it while anything still does.
type DropExtension struct {
	Extension model.Extension
}

func (CreateExtension) isOp() {}
func (DropExtension) isOp()   {}

// Reverse drops the extension.
func (o CreateExtension) Reverse() (Op, bool) { return DropExtension(o), true }

// Reverse installs the extension again.
func (o DropExtension) Reverse() (Op, bool) { return CreateExtension(o), true }

// describeExtension is [Describe] for the extension ops.
func describeExtension(verb string, e model.Extension) string {
	s := verb + " extension " + e.Name
	if e.Schema != "" {
		s += " in schema " + e.Schema
	}
	return s
}

// applyExtension is [Apply] for the extension ops.
func applyExtension(s *model.Schema, e model.Extension, create bool) error {
	i := slices.IndexFunc(s.Extensions, func(x model.Extension) bool { return x.Name == e.Name })
	switch {
	case create && i >= 0:
		return nil // IF NOT EXISTS
	case create:
		s.Extensions = append(slices.Clip(s.Extensions), e)
	case i < 0:
		return fmt.Errorf("%w: drop extension %s: no such extension", ErrApply, e.Name)
	default:
		s.Extensions = slices.Delete(slices.Clone(s.Extensions), i, i+1)
	}
	return nil
}
