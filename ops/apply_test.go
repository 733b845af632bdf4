package ops_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TestApplyCoversEveryOp: Apply knows every op type (an op on a missing
// object is ErrApply, never "unknown op").
func TestApplyCoversEveryOp(t *testing.T) {
	t.Parallel()
	for _, op := range ops.All() {
		var s model.Schema
		err := ops.Apply(&s, op)
		if err != nil && (!errors.Is(err, ops.ErrApply) || strings.Contains(err.Error(), "unknown op")) {
			t.Errorf("%T: %v", op, err)
		}
	}
}

// TestApplyReplay: a revision chain replayed from base gives the schema
// its ops describe, and each op followed by its reverse gives the schema
// back.
func TestApplyReplay(t *testing.T) {
	t.Parallel()
	c := func(name, typ string) model.Column { return model.Column{Name: name, Type: model.Type{SQL: typ}} }
	users := model.Table{Name: "users", Columns: []model.Column{c("id", "integer"), c("email", "text")},
		PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"id"}}}
	posts := model.Table{Name: "posts", Columns: []model.Column{c("id", "integer"), c("user_id", "integer")},
		ForeignKeys: []model.ForeignKey{{Name: "fk", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}}}}
	ix := model.Index{Name: "ix_users_email", Parts: []model.IndexPart{{Column: "email"}}}
	list := []ops.Op{
		ops.CreateTable{Table: users},
		ops.CreateTable{Table: posts},
		ops.CreateIndex{Table: "users", Index: ix},
		ops.AddColumn{Table: "users", Column: c("nick", "text")},
		ops.AlterColumn{Table: "users", Change: ops.ChangeType, From: c("nick", "text"), To: c("nick", "varchar(20)")},
		ops.RenameColumn{Table: "users", From: "id", To: "uid"},
		ops.RenameTable{From: "users", To: "members"},
		ops.AddCheck{Table: "members", Check: model.Check{Name: "ck", Expr: "uid > 0"}},
		ops.DropColumn{Table: "members", Column: c("email", "text")},
		ops.CreateEnum{Enum: model.Enum{Name: "mood", Values: []string{"sad"}}},
		ops.AddEnumValue{Enum: "mood", Value: "glad", Before: "sad"},
	}
	var s model.Schema
	var states []model.Schema
	for _, op := range list {
		states = append(states, s)
		if err := ops.Apply(&s, op); err != nil {
			t.Fatalf("%s: %v", ops.Describe(op), err)
		}
	}
	m, ok := s.Table("", "members")
	if !ok {
		t.Fatalf("no table members: %+v", s)
	}
	want := model.Table{Name: "members", Columns: []model.Column{c("uid", "integer"), c("nick", "varchar(20)")},
		PrimaryKey: model.PrimaryKey{Name: "pk_users", Columns: []string{"uid"}},
		Checks:     []model.Check{{Name: "ck", Expr: "uid > 0"}}}
	if diff := cmp.Diff(want, m, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	p, _ := s.Table("", "posts")
	if fk := p.ForeignKeys[0]; fk.RefTable != "members" || fk.RefColumns[0] != "uid" {
		t.Errorf("posts' foreign key does not follow the renames: %+v", fk)
	}
	if e, _ := s.Enum("", "mood"); strings.Join(e.Values, ",") != "glad,sad" {
		t.Errorf("mood = %v", e.Values)
	}
	if states[2].Tables[0].Indexes != nil {
		t.Errorf("an earlier state was written through: %+v", states[2])
	}
}

// TestApplyTableOptions: SetTableOptions sets, changes and unsets options,
// and its reverse gives the options back, the ones it added included.
func TestApplyTableOptions(t *testing.T) {
	t.Parallel()
	opt := func(n, v string) model.TableOption { return model.TableOption{Name: n, Value: v} }
	start := model.Schema{Tables: []model.Table{{Name: "t", Options: []model.TableOption{opt("ENGINE", "Aria"), opt("STRICT", "ON")}}}}
	op := ops.SetTableOptions{Table: "t",
		From: []model.TableOption{opt("ENGINE", "Aria"), opt("STRICT", "ON")},
		To:   []model.TableOption{opt("ENGINE", "InnoDB"), opt("ROW_FORMAT", "DYNAMIC"), opt("STRICT", "")}}
	s := start
	if err := ops.Apply(&s, op); err != nil {
		t.Fatal(err)
	}
	want := []model.TableOption{opt("ENGINE", "InnoDB"), opt("ROW_FORMAT", "DYNAMIC")}
	if diff := cmp.Diff(want, s.Tables[0].Options); diff != "" {
		t.Errorf("after the op (-want +got):\n%s", diff)
	}
	back, ok := op.Reverse()
	if !ok {
		t.Fatal("SetTableOptions has no reverse")
	}
	if err := ops.Apply(&s, back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(start.Tables[0].Options, s.Tables[0].Options); diff != "" {
		t.Errorf("after the reverse (-want +got):\n%s", diff)
	}
}
