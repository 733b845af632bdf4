package ops

import (
	"fmt"

	"github.com/retortdb/retort/model"
)

// CommentedObject says what kind of object a [SetObjectComment] changes
// the comment of.
type CommentedObject uint8

// Commented objects.
const (
	// CommentIndex is an index (PostgreSQL COMMENT ON INDEX).
	CommentIndex CommentedObject = iota + 1
	// CommentConstraint is a table's unique, foreign key or check
	// constraint (PostgreSQL COMMENT ON CONSTRAINT ... ON table).
	CommentConstraint
	// CommentPrimaryKey is a table's primary key (PostgreSQL COMMENT ON
	// CONSTRAINT of the key; MySQL and MariaDB drop and add the key
	// again with its COMMENT in one ALTER TABLE). Name is the key's
	// name, "" where the database names it.
	CommentPrimaryKey
)

// String names the kind as SQL does ("index", "constraint").
func (k CommentedObject) String() string {
	switch k {
	case CommentIndex:
		return "index"
	case CommentConstraint:
		return "constraint"
	case CommentPrimaryKey:
		return "primary key"
	}
	return "object"
}

// SetObjectComment changes only the comment of a table's index or
// constraint, in place: the differ emits it, on a dialect that can
// ([dialect.ObjectCommenter]), instead of dropping and creating the object
// again when nothing but its comment changed.
type SetObjectComment struct {
	Schema string
	Table  string
	Object CommentedObject
	// Name is the index's or constraint's name.
	Name string
	From string
	To   string
}

func (SetObjectComment) isOp() {}

// Reverse swaps From and To.
func (o SetObjectComment) Reverse() (Op, bool) {
	o.From, o.To = o.To, o.From
	return o, true
}

// describeObjectComment is [Describe] for a SetObjectComment.
func describeObjectComment(o SetObjectComment) string {
	return qualify(o.Schema, o.Table) + ": " + textChange(o.Object.String()+" "+o.Name+" comment", o.From, o.To)
}

// applyObjectComment is [Apply] for a SetObjectComment.
func applyObjectComment(s *model.Schema, o SetObjectComment) error {
	return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
		if o.Object == CommentIndex {
			for i := range t.Indexes {
				if t.Indexes[i].Name == o.Name {
					t.Indexes[i].Comment = o.To
					return nil
				}
			}
			return fmt.Errorf("%w: comment on index %s: no such index", ErrApply, o.Name)
		}
		if o.Object == CommentPrimaryKey {
			if len(t.PrimaryKey.Columns) == 0 {
				return fmt.Errorf("%w: comment on the primary key of %s: the table has none", ErrApply, o.Table)
			}
			t.PrimaryKey.Comment = o.To
			return nil
		}
		for i := range t.Uniques {
			if t.Uniques[i].Name == o.Name {
				t.Uniques[i].Comment = o.To
				return nil
			}
		}
		for i := range t.ForeignKeys {
			if t.ForeignKeys[i].Name == o.Name {
				t.ForeignKeys[i].Comment = o.To
				return nil
			}
		}
		for i := range t.Checks {
			if t.Checks[i].Name == o.Name {
				t.Checks[i].Comment = o.To
				return nil
			}
		}
		for i := range t.Excludes {
			if t.Excludes[i].Name == o.Name {
				t.Excludes[i].Comment = o.To
				return nil
			}
		}
		return fmt.Errorf("%w: comment on constraint %s: no such constraint", ErrApply, o.Name)
	}, nil)
}
