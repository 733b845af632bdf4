package model_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
)

func TestQualifySchema(t *testing.T) {
	t.Parallel()
	s := model.Schema{
		Tables: []model.Table{
			{Name: "a", ForeignKeys: []model.ForeignKey{
				{Name: "fk_own", RefTable: "b"},
				{Name: "fk_other", RefSchema: "public", RefTable: "c"},
			}},
			{Schema: "kept", Name: "b", ForeignKeys: []model.ForeignKey{{Name: "fk_kept", RefTable: "b"}}},
		},
		Enums: []model.Enum{{Name: "mood"}, {Schema: "kept", Name: "state"}},
	}
	model.QualifySchema(&s, "billing")
	want := model.Schema{
		Tables: []model.Table{
			{Schema: "billing", Name: "a", ForeignKeys: []model.ForeignKey{
				{Name: "fk_own", RefSchema: "billing", RefTable: "b"},
				{Name: "fk_other", RefSchema: "public", RefTable: "c"},
			}},
			{Schema: "kept", Name: "b", ForeignKeys: []model.ForeignKey{{Name: "fk_kept", RefTable: "b"}}},
		},
		Enums: []model.Enum{{Schema: "billing", Name: "mood"}, {Schema: "kept", Name: "state"}},
	}
	if d := cmp.Diff(want, s); d != "" {
		t.Errorf("QualifySchema (-want +got):\n%s", d)
	}
	before := want
	model.QualifySchema(&s, "")
	if d := cmp.Diff(before, s); d != "" {
		t.Errorf("QualifySchema with no schema changed s (-want +got):\n%s", d)
	}
}
