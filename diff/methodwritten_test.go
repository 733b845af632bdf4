package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// writtenLike is testDialect whose catalog keeps USING BTREE/HASH only as
// written (MariaDB's).
type writtenLike struct{ testDialect }

func (writtenLike) MethodAsWritten(m string) bool {
	return strings.EqualFold(m, "BTREE") || strings.EqualFold(m, "HASH")
}

var _ diff.WrittenMethods = writtenLike{}

// TestMethodWrittenUnknown: an index whose method the models do not know
// to be written matches a database index with none written, and only on
// a dialect that reflects the method as written; it is then named as not
// compared. A different method written, or the hint absent, is a change,
// and no op carries the hint.
func TestMethodWrittenUnknown(t *testing.T) {
	ix := func(name, method string, hint bool) model.Index {
		return model.Index{Name: name, Method: method, MethodWrittenUnknown: hint, Parts: []model.IndexPart{{Column: "a"}}}
	}
	tbl := func(ixs ...model.Index) model.Table {
		return model.Table{Name: "t", Columns: []model.Column{{Name: "a", Type: model.Type{SQL: "int"}}}, Indexes: ixs}
	}
	current := model.Schema{Tables: []model.Table{tbl(
		ix("unwritten", "", false),   // GORM's CREATE TABLE: type: left out
		ix("written", "HASH", false), // GORM's CREATE INDEX: type: written
		ix("other", "HASH", false),   // a different method written
		ix("exact", "", false),       // retort's own tag: compared exactly
		ix("gin", "", false),         // a method not kept as written
	)}}
	target := model.Schema{Tables: []model.Table{tbl(
		ix("unwritten", "hash", true),
		ix("written", "hash", true),
		ix("other", "btree", true),
		ix("exact", "hash", false),
		ix("gin", "gin", true),
	)}}
	changed := func(list []ops.Op) []string {
		var names []string
		for _, op := range list {
			if c, ok := op.(ops.CreateIndex); ok {
				names = append(names, c.Index.Name)
				if c.Index.MethodWrittenUnknown {
					t.Errorf("CreateIndex %s carries MethodWrittenUnknown", c.Index.Name)
				}
			}
		}
		slices.Sort(names)
		return names
	}

	list, err := diff.Compare(current, target, writtenLike{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"exact", "gin", "other"}, changed(list)); diff != "" {
		t.Errorf("indexes recreated (-want +got):\n%s", diff)
	}
	want := []diff.IndexRef{{Table: "t", Name: "unwritten"}}
	if diff := cmp.Diff(want, diff.MethodWrittenUnknown(writtenLike{}, current, target, list)); diff != "" {
		t.Errorf("MethodWrittenUnknown (-want +got):\n%s", diff)
	}

	// A dialect that reflects the method always (PostgreSQL's catalog):
	// the hint changes nothing, and nothing is named.
	list, err = diff.Compare(current, target, testDialect{}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"exact", "gin", "other", "unwritten"}, changed(list)); diff != "" {
		t.Errorf("without WrittenMethods, indexes recreated (-want +got):\n%s", diff)
	}
	if got := diff.MethodWrittenUnknown(testDialect{}, current, target, list); got != nil {
		t.Errorf("without WrittenMethods, MethodWrittenUnknown = %v, want nil", got)
	}
}
