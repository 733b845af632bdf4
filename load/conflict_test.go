package load_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

// Handle declares every SQLite key option.
type Handle struct {
	Code   string `db:"code,type=text,pk,pk_desc,pk_onconflict=replace"`
	Handle string `db:"handle,type=text,notnull_onconflict=ignore,unique,unique_onconflict=fail"`
	A      *int   `db:"a,unique=uq_ab,unique_onconflict=rollback"`
	B      *int   `db:"b,unique=uq_ab"`
}

// TestLoadConflictOptions reads notnull_onconflict=, pk_onconflict=,
// pk_desc and unique_onconflict=, and refuses them misplaced or misspelt.
func TestLoadConflictOptions(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{Handle{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Tables[0]
	if diff := cmp.Diff(model.PrimaryKey{Name: "pk_handle", Columns: []string{"code"}, OnConflict: model.ConflictReplace, Desc: []string{"code"}}, got.PrimaryKey); diff != "" {
		t.Errorf("primary key (-want +got):\n%s", diff)
	}
	if c, _ := got.Column("handle"); c.NotNullOnConflict != model.ConflictIgnore {
		t.Errorf("handle NotNullOnConflict = %v, want IGNORE", c.NotNullOnConflict)
	}
	want := []model.Unique{
		{Name: "uq_ab", Columns: []string{"a", "b"}, OnConflict: model.ConflictRollback},
		{Name: "uq_handle_handle", Columns: []string{"handle"}, OnConflict: model.ConflictFail},
	}
	if diff := cmp.Diff(want, got.Uniques); diff != "" {
		t.Errorf("uniques (-want +got):\n%s", diff)
	}

	type noPK struct {
		ID int64 `db:"id,pk"`
		V  int   `db:"v,pk_desc"`
	}
	type nullable struct {
		ID int64   `db:"id,pk"`
		V  *string `db:"v,notnull_onconflict=ignore"`
	}
	type badAction struct {
		ID int64 `db:"id,pk,pk_onconflict=explode"`
	}
	type noUnique struct {
		ID int64 `db:"id,pk"`
		V  int   `db:"v,unique_onconflict=fail"`
	}
	type typo struct {
		ID int64 `db:"id,pk,pk_onconflit=fail"`
	}
	for name, m := range map[string]any{"pk_desc without pk": noPK{}, "nullable": nullable{}, "bad action": badAction{}, "no unique": noUnique{}} {
		if _, err := load.Models([]any{m}, load.Options{}); !errors.Is(err, load.ErrBadTag) {
			t.Errorf("%s: err = %v, want ErrBadTag", name, err)
		}
	}
	if _, err := load.Models([]any{typo{}}, load.Options{}); !errors.Is(err, load.ErrUnknownOption) {
		t.Errorf("typo: err = %v, want ErrUnknownOption", err)
	}
}
