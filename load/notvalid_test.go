package load_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/model"
)

type NVDepot struct {
	ID int64 `db:"id,pk"`
}

type NVTruck struct {
	_       struct{} `db:",check=ck_trucks_depot(depot_id > 0) not valid comment 'late',fk=trucks_depot_fk(depot_id) references nv_depot(id) not valid,option=REPLICA_IDENTITY=FULL,option=ROW_SECURITY=true"`
	ID      int64    `db:"id,pk"`
	DepotID int64    `db:"depot_id"`
	Mood    string   `db:"mood,enum=mood(sad,ok) comment 'how it went'"`
	Mood2   string   `db:"mood2,enum=mood"`
}

// The not valid clause of check= and fk=, a comment on an enum, and the
// PostgreSQL table options REPLICA_IDENTITY and ROW_SECURITY.
func TestNotValidAndEnumComment(t *testing.T) {
	t.Parallel()
	s, err := load.Models([]any{NVDepot{}, NVTruck{}}, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr, ok := s.Table("", "nv_truck")
	if !ok {
		t.Fatal("no table nv_truck")
	}
	if diff := cmp.Diff([]model.Check{{Name: "ck_trucks_depot", Expr: "depot_id > 0", NotValid: true, Comment: "late"}}, tr.Checks); diff != "" {
		t.Errorf("checks (-want +got)\n%s", diff)
	}
	if len(tr.ForeignKeys) != 1 || !tr.ForeignKeys[0].NotValid || tr.ForeignKeys[0].Name != "trucks_depot_fk" {
		t.Errorf("foreign keys: %+v, want trucks_depot_fk NOT VALID", tr.ForeignKeys)
	}
	if v, _ := tr.Option("REPLICA_IDENTITY"); v != "FULL" {
		t.Errorf("REPLICA_IDENTITY = %q, want FULL", v)
	}
	if v, _ := tr.Option("ROW_SECURITY"); v != "true" {
		t.Errorf("ROW_SECURITY = %q, want true", v)
	}
	if diff := cmp.Diff([]model.Enum{{Name: "mood", Values: []string{"sad", "ok"}, Comment: "how it went"}}, s.Enums); diff != "" {
		t.Errorf("enums (-want +got)\n%s", diff)
	}
}

type NVTypo struct {
	_  struct{} `db:",check=ck_x(id > 0) not vaild"`
	ID int64    `db:"id,pk"`
}

type NVMood1 struct {
	ID   int64  `db:"id,pk"`
	Mood string `db:"mood,enum=mood(sad,ok) comment 'one'"`
}

type NVMood2 struct {
	ID   int64  `db:"id,pk"`
	Mood string `db:"mood,enum=mood(sad,ok) comment 'two'"`
}

func TestNotValidErrors(t *testing.T) {
	t.Parallel()
	if _, err := load.Models([]any{NVTypo{}}, load.Options{}); !errors.Is(err, load.ErrBadTag) {
		t.Errorf("not vaild: got %v, want ErrBadTag", err)
	}
	if _, err := load.Models([]any{NVMood1{}, NVMood2{}}, load.Options{}); !errors.Is(err, load.ErrEnumMismatch) {
		t.Errorf("two enum comments: got %v, want ErrEnumMismatch", err)
	}
}
