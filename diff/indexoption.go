package diff

import (
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// The table options that name an index ([dialect.IndexOptioner]:
// PostgreSQL's REPLICA IDENTITY USING INDEX) are set after the index is
// created and let go before it is dropped. A new table is created without
// them and gets them after its indexes; a dropped table lets them go
// before its indexes are dropped; a kept table whose index such an option
// names is dropped (removed, or dropped and created again) lets the option
// go first and sets it again, as any option change, after the indexes.
// Each direction of the list is then right: the reverse of a step is the
// mirror step.

// splitIndexOptions returns opts without the options that name one of
// indexes, and those options; opts itself is left as it is.
func (c *comparer) splitIndexOptions(opts []model.TableOption, indexes []string) (rest, named []model.TableOption) {
	io, ok := c.d.(dialect.IndexOptioner)
	if !ok {
		return opts, nil
	}
	for _, o := range opts {
		if ix, _, ok := io.OptionIndex(o); ok && slices.Contains(indexes, ix) {
			named = append(named, o)
			continue
		}
		rest = append(rest, o)
	}
	if named == nil {
		return opts, nil
	}
	return rest, named
}

// released returns opts with each value replaced by the one that names no
// index.
func (c *comparer) released(opts []model.TableOption) []model.TableOption {
	io := c.d.(dialect.IndexOptioner) // only called on what splitIndexOptions split
	out := make([]model.TableOption, len(opts))
	for i, o := range opts {
		_, rel, _ := io.OptionIndex(o)
		out[i] = model.TableOption{Name: o.Name, Value: rel}
	}
	return out
}

// setIndexOptions is the op that sets a new table's index-naming options,
// after its indexes.
func (c *comparer) setIndexOptions(t *model.Table, named []model.TableOption) ops.Op {
	return ops.SetTableOptions{Schema: t.Schema, Table: t.Name, From: c.released(named), To: named}
}

// releaseIndexOptions is the op that lets a table's index-naming options
// go, before the indexes they name are dropped.
func (c *comparer) releaseIndexOptions(t *model.Table, named []model.TableOption) ops.Op {
	return ops.SetTableOptions{Schema: t.Schema, Table: t.Name, From: named, To: c.released(named)}
}

// indexNames returns the names of the indexes.
func indexNames(ixs []model.Index) []string {
	names := make([]string, len(ixs))
	for i := range ixs {
		names[i] = ixs[i].Name
	}
	return names
}

// droppedIndexNames returns the names of the indexes, unique constraints
// and primary keys the ops drop (PostgreSQL names a unique constraint's or
// a primary key's index after it).
func droppedIndexNames(list ...[]ops.Op) []string {
	var names []string
	for _, l := range list {
		for _, op := range l {
			switch o := op.(type) {
			case ops.DropIndex:
				names = append(names, o.Index.Name)
			case ops.DropUnique:
				names = append(names, o.Unique.Name)
			case ops.DropPrimaryKey:
				names = append(names, o.PrimaryKey.Name)
			}
		}
	}
	return names
}

// withOptionValues returns a copy of t whose options named in set take
// set's values.
func withOptionValues(t *model.Table, set []model.TableOption) *model.Table {
	cp := *t
	cp.Options = slices.Clone(t.Options)
	for i, o := range cp.Options {
		for _, s := range set {
			if s.Name == o.Name {
				cp.Options[i].Value = s.Value
			}
		}
	}
	return &cp
}
