package roundtrip

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/ops"
)

// PersonV1 and PersonV2 are one table before and after its enum loses a
// value and has the rest reordered.
type PersonV1 struct {
	ID   int64  `db:"id,pk"`
	Mood string `db:"mood,enum=mood(sad,ok,happy),default='sad'"`
}

func (PersonV1) TableName() string { return "people" }

type PersonV2 struct {
	ID   int64  `db:"id,pk"`
	Mood string `db:"mood,enum=mood(happy,sad),default='sad'"`
}

func (PersonV2) TableName() string { return "people" }

// TestEnumRebuild removes and reorders enum values on PostgreSQL: the
// generated ops rebuild the type, rows keep their values, comparing again
// is empty, and the downgrade restores the exact reflected schema.
func TestEnumRebuild(t *testing.T) {
	t.Parallel()
	r := newRig(t, "postgres")
	v1, err := load.Models([]any{PersonV1{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v2, err := load.Models([]any{PersonV2{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.apply(r.compare(v1))
	before := r.reflect()
	if _, err := r.db.Exec("INSERT INTO people (mood) VALUES ('happy'), ('sad'), (DEFAULT)"); err != nil {
		t.Fatal(err)
	}
	up := r.compare(v2)
	if len(up) == 0 || up[0] != (ops.RenameEnum{From: "mood", To: "mood__retort_old"}) {
		t.Fatalf("ops do not start with the rename aside:\n%s", describe(up))
	}
	r.apply(up)
	if again := r.compare(v2); len(again) != 0 {
		t.Fatalf("after the rebuild, compare is not empty:\n%s", describe(again))
	}
	if n := rowCount(t, r, "SELECT count(*) FROM people WHERE mood = 'sad'"); n != 2 {
		t.Errorf("%d sad rows after the rebuild, want 2", n)
	}
	if n := rowCount(t, r, "SELECT count(*) FROM people WHERE mood > 'sad'"); n != 0 {
		t.Errorf("happy no longer sorts before sad: %d rows above sad", n)
	}
	down, bad, ok := ops.ReverseList(up)
	if !ok {
		t.Fatalf("op %d has no reverse", bad+1)
	}
	r.apply(down)
	if delta := cmp.Diff(before, r.reflect()); delta != "" {
		t.Errorf("downgrade did not restore the schema (-before +after):\n%s", delta)
	}
	if n := rowCount(t, r, "SELECT count(*) FROM people"); n != 3 {
		t.Errorf("%d rows after the downgrade, want 3", n)
	}
}
