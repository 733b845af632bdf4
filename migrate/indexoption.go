package migrate

import (
	"fmt"
	"strconv"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// IndexOptionError is a CreateTable whose table option names an index
// ([dialect.IndexOptioner]: PostgreSQL's REPLICA IDENTITY USING INDEX)
// that the table does not have when it is created: the server refuses
// the option ("index ... does not exist"). Autogenerate leaves such an
// option out of op.CreateTable and sets it with op.SetTableOptions after
// the op.CreateIndex; a hand-written revision must do the same. The
// runner refuses the revision before any of its SQL runs.
type IndexOptionError struct {
	Schema, Table string
	Option        model.TableOption
	// Index is the index the option names; Release is the option's value
	// that names none (PostgreSQL: "", DEFAULT).
	Index, Release string
	// CreatedBy is the position in the op list (0-based) of the later op
	// that creates Index on the table, or -1 when none of the list does.
	CreatedBy int
}

// Error names the table, the option, the index and the fix.
func (e *IndexOptionError) Error() string {
	in := ""
	if e.Schema != "" {
		in = "InSchema(" + strconv.Quote(e.Schema) + ")."
	}
	set := fmt.Sprintf("op.%sSetTableOptions(%q).From(%q, %q).To(%q, %q)", in, e.Table, e.Option.Name, e.Release, e.Option.Name, e.Option.Value)
	where := fmt.Sprintf("op %d creates it later", e.CreatedBy+1)
	if e.CreatedBy < 0 {
		where = "no op of this revision creates it"
	}
	return fmt.Sprintf("table %s: option %s=%s names index %s, which the table does not have when op.CreateTable runs (%s); "+
		"leave the option out of op.CreateTable and set it after op.CreateIndex(%q, %q, ...): %s",
		(&model.Table{Schema: e.Schema, Name: e.Table}).QualifiedName(), e.Option.Name, e.Option.Value, e.Index, where, e.Index, e.Table, set)
}

// checkIndexOptions returns an [*IndexOptionError] (at the CreateTable's
// position) for the first CreateTable of list whose option names an index
// the new table does not have: one a later op of the list creates on it,
// or one matching none of its primary key's and unique constraints' names
// (the indexes CREATE TABLE builds under their names) when all of those
// are named. Nothing is refused on a dialect without
// [dialect.IndexOptioner].
func checkIndexOptions(d dialect.Dialect, list []ops.Op) (int, error) {
	io, ok := d.(dialect.IndexOptioner)
	if !ok {
		return -1, nil
	}
	for i, op := range list {
		ct, ok := op.(ops.CreateTable)
		if !ok {
			continue
		}
		t := &ct.Table
		for _, o := range t.Options {
			ix, release, ok := io.OptionIndex(o)
			if !ok {
				continue
			}
			later := createdLater(list[i+1:], t.Schema, t.Name, ix)
			if later >= 0 {
				later += i + 1
			}
			if later < 0 && (!allKeysNamed(t) || buildsIndex(t, ix)) {
				continue
			}
			return i, &IndexOptionError{Schema: t.Schema, Table: t.Name, Option: o, Index: ix, Release: release, CreatedBy: later}
		}
	}
	return -1, nil
}

// createdLater returns the position in list of the first op that creates
// index ix on the table (an index, a unique constraint or a primary key of
// that name), or -1.
func createdLater(list []ops.Op, schema, table, ix string) int {
	for j, op := range list {
		var s, t, name string
		switch o := op.(type) {
		case ops.CreateIndex:
			s, t, name = o.Schema, o.Table, o.Index.Name
		case ops.AddUnique:
			s, t, name = o.Schema, o.Table, o.Unique.Name
		case ops.AddPrimaryKey:
			s, t, name = o.Schema, o.Table, o.PrimaryKey.Name
		default:
			continue
		}
		if s == schema && t == table && name == ix {
			return j
		}
	}
	return -1
}

// allKeysNamed reports whether t's primary key and unique constraints all
// have names, so that the indexes CREATE TABLE builds are known by name
// (an unnamed one gets a name the server chooses).
func allKeysNamed(t *model.Table) bool {
	if len(t.PrimaryKey.Columns) > 0 && t.PrimaryKey.Name == "" {
		return false
	}
	for _, u := range t.Uniques {
		if u.Name == "" {
			return false
		}
	}
	return true
}

// buildsIndex reports whether CREATE TABLE builds index ix for t: its
// primary key's or one of its unique constraints' name.
func buildsIndex(t *model.Table, ix string) bool {
	if len(t.PrimaryKey.Columns) > 0 && t.PrimaryKey.Name == ix {
		return true
	}
	for _, u := range t.Uniques {
		if u.Name == ix {
			return true
		}
	}
	return false
}
