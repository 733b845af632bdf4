package load_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// Zone has an exclusion constraint with a comment and one with a
// predicate and timing.
type Zone struct {
	_    struct{} `db:",exclude=zones_no_overlap(USING gist (area WITH &&)) comment 'one zone a place'"`
	_    struct{} `db:",exclude=zones_live(USING gist (area WITH &&, id WITH <>) WHERE (live) DEFERRABLE INITIALLY DEFERRED)"`
	ID   int64    `db:"id,pk"`
	Area string   `db:"area,type=circle"`
	Live bool     `db:"live"`
}

// BadZone spells exclude= without a method or elements.
type BadZone struct {
	_  struct{} `db:",exclude=zones_bad(area)"`
	ID int64    `db:"id,pk"`
}

// TyposZone misspells exclude=.
type TyposZone struct {
	_  struct{} `db:",exlude=zones_bad(USING gist (area WITH &&))"`
	ID int64    `db:"id,pk"`
}

func TestExcludeTag(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Zone{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Exclude{
		{Name: "zones_no_overlap", Def: "USING gist (area WITH &&)", Comment: "one zone a place"},
		{Name: "zones_live", Def: "USING gist (area WITH &&, id WITH <>) WHERE (live) DEFERRABLE INITIALLY DEFERRED"},
	}
	if diff := cmp.Diff(want, s.Tables[0].Excludes); diff != "" {
		t.Errorf("Excludes (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		model any
		want  string
	}{
		{BadZone{}, "does not start with USING METHOD"},
		{TyposZone{}, `did you mean "exclude"`},
	} {
		_, err := load.Models([]any{tc.model}, load.Options{})
		var te *load.TagError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%T: err = %v, want a TagError containing %q", tc.model, err, tc.want)
		}
	}
}
