package roundtrip

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/opstest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

type rig struct {
	t  *testing.T
	db *testdb.DB
	be backend.Backend
}

func newRig(t *testing.T, d string) *rig {
	db := testdb.Open(t, d)
	be, err := backend.Lookup(d)
	if err != nil {
		t.Fatal(err)
	}
	be, err = be.ForServer(context.Background(), db.DB)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, db: db, be: be}
}

func (r *rig) reflect() model.Schema {
	r.t.Helper()
	s, err := r.be.Inspector.Inspect(context.Background(), r.db.DB, introspect.Options{})
	if err != nil {
		r.t.Fatalf("inspect: %v", err)
	}
	return s
}

func (r *rig) compare(target model.Schema) []ops.Op {
	r.t.Helper()
	list, err := diff.Compare(r.reflect(), target, r.be.Dialect, diff.Options{})
	if err != nil {
		r.t.Fatalf("compare: %v", err)
	}
	return list
}

// apply runs ops on the rig's database (see testdb.Apply).
func (r *rig) apply(list []ops.Op) {
	r.t.Helper()
	opstest.Apply(r.t, r.db.DB, r.be, list)
}

func describe(list []ops.Op) string {
	var b strings.Builder
	for _, op := range list {
		fmt.Fprintf(&b, "  %s\n", ops.Describe(op))
	}
	return b.String()
}

// TestModelsRoundTrip: a database created from the models compares equal to
// them; the reversed ops leave an empty database; and creating again from
// the reflected schema itself (as `retort inspect` would) converges too.
func TestModelsRoundTrip(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			target, err := load.Models(append(append([]any(nil), common...), extra[d]...), load.Options{})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			r := newRig(t, d)
			up := r.compare(target)
			if len(up) == 0 {
				t.Fatal("an empty database compared equal to the models")
			}
			r.apply(up)
			if again := r.compare(target); len(again) != 0 {
				t.Fatalf("after applying the generated ops, compare is not empty:\n%s", describe(again))
			}
			reflected := r.reflect()

			// A second database built from the reflected schema reflects the same.
			r2 := newRig(t, d)
			r2.apply(r2.compare(reflected))
			if delta := cmp.Diff(reflected, r2.reflect()); delta != "" {
				t.Errorf("rebuilding from the reflected schema differs (-first +second):\n%s", delta)
			}

			down, bad, ok := ops.ReverseList(up)
			if !ok {
				t.Fatalf("op %d (%s) has no reverse", bad+1, ops.Describe(up[bad]))
			}
			r.apply(down)
			if s := r.reflect(); len(s.Tables) != 0 || len(s.Enums) != 0 {
				t.Errorf("after the downgrade the database still holds %d tables, %d enums", len(s.Tables), len(s.Enums))
			}
		})
	}
}
