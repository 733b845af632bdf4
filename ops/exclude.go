package ops

import "github.com/retortdb/retort/model"

// AddExclude adds an exclusion constraint (PostgreSQL EXCLUDE) to a table.
type AddExclude struct {
	Schema  string
	Table   string
	Exclude model.Exclude
}

// DropExclude drops an exclusion constraint; Exclude is its definition for
// the reverse.
type DropExclude struct {
	Schema  string
	Table   string
	Exclude model.Exclude
}

func (AddExclude) isOp()  {}
func (DropExclude) isOp() {}

// Reverse drops the constraint.
func (o AddExclude) Reverse() (Op, bool) { return DropExclude(o), true }

// Reverse adds the constraint back.
func (o DropExclude) Reverse() (Op, bool) { return AddExclude(o), true }

// excludeDef is "NAME EXCLUDE DEF" for messages.
func excludeDef(x model.Exclude) string { return x.Name + " EXCLUDE " + x.Def }

// applyAddExclude is [Apply] for an AddExclude.
func applyAddExclude(s *model.Schema, o AddExclude) error {
	return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
		t.Excludes = append(t.Excludes, o.Exclude)
		return nil
	}, nil)
}

// applyDropExclude is [Apply] for a DropExclude.
func applyDropExclude(s *model.Schema, o DropExclude) error {
	return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
		return remove(&t.Excludes, func(x model.Exclude) bool { return x.Name == o.Exclude.Name }, "exclusion constraint "+o.Exclude.Name)
	}, nil)
}
