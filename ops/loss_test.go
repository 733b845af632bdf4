package ops_test

import (
	"testing"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

func TestStructuralLoss(t *testing.T) {
	t.Parallel()
	bio := model.Column{Name: "bio", Type: model.Type{SQL: "text"}, Nullable: true}
	for _, c := range []struct {
		op   ops.Op
		want string
		kind ops.LossKind
	}{
		{ops.DropTable{Table: model.Table{Schema: "app", Name: "audit", Columns: []model.Column{bio, bio}}}, "drops table app.audit (2 columns) and every row in it", ops.LossTable},
		{ops.DropColumn{Table: "users", Column: bio}, "drops column users.bio (text NULL) and every value in it", ops.LossColumn},
	} {
		l, ok := ops.StructuralLoss(c.op)
		if !ok || l.Message != c.want || l.Kind != c.kind {
			t.Errorf("StructuralLoss(%s) = %+v, %v; want %q", ops.Describe(c.op), l, ok, c.want)
		}
	}
	for _, op := range ops.All() {
		switch op.(type) {
		case ops.DropTable, ops.DropColumn:
			continue
		}
		if l, ok := ops.StructuralLoss(op); ok {
			t.Errorf("StructuralLoss(%T) = %+v; only drops lose data by structure", op, l)
		}
	}
}

func TestCreatedBy(t *testing.T) {
	t.Parallel()
	id := model.Column{Name: "id", Type: model.Type{SQL: "integer"}}
	c := ops.CreatedBy([]ops.Op{
		ops.CreateTable{Table: model.Table{Name: "notes", Columns: []model.Column{id}}},
		ops.RenameTable{From: "notes", To: "memos"},
		ops.AddColumn{Table: "users", Column: model.Column{Name: "bio"}},
		ops.RenameColumn{Table: "users", From: "bio", To: "about"},
		ops.AddEnumValue{Enum: "mood", Value: "ok"},
		ops.RenameEnum{From: "size", To: "size__retort_old"},
		ops.CreateEnum{Enum: model.Enum{Name: "size", Values: []string{"s", "m", "l"}}},
		ops.DropEnum{Enum: model.Enum{Name: "size__retort_old", Values: []string{"s", "m"}}},
		ops.CreateEnum{Enum: model.Enum{Name: "color", Values: []string{"red"}}},
	})
	checks := []struct {
		what string
		got  bool
		want bool
	}{
		{"table notes", c.Table("", "notes"), true},
		{"table memos (renamed)", c.Table("", "memos"), true},
		{"table users", c.Table("", "users"), false},
		{"column memos.id (created table)", c.Column("", "memos", "id"), true},
		{"column users.bio", c.Column("", "users", "bio"), true},
		{"column users.about (renamed)", c.Column("", "users", "about"), true},
		{"column users.name", c.Column("", "users", "name"), false},
		{"mood ok", c.EnumValues("mood", []string{"ok"}), true},
		{"mood sad", c.EnumValues("mood", []string{"sad"}), false},
		{"size l (rebuilt with it)", c.EnumValues("size", []string{"l"}), true},
		{"size m (there before)", c.EnumValues("size", []string{"m"}), false},
		{"color red (new enum)", c.EnumValues("color", []string{"red"}), true},
		{"no values", c.EnumValues("color", nil), false},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s: created = %v, want %v", ck.what, ck.got, ck.want)
		}
	}
}
