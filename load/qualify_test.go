package model_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/model"
)

type RenamedPeople struct {
	_      struct{} `db:",table=people,renamed_from=members"`
	ID     int64    `db:"id,pk"`
	Handle string   `db:"handle,renamed_from=nick"`
}

type RenamedTwice struct {
	_  struct{} `db:",renamed_from=a"`
	_  struct{} `db:",renamed_from=b"`
	ID int64    `db:"id,pk"`
}

// TestTableRenamedFrom checks the renamed_from= table option: it sets
// Table.RenamedFrom, sits with the column option of the same name, and
// may be given once.
func TestTableRenamedFrom(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		model     any
		wantTable string
		wantCol   string
		wantErr   error
	}{
		{"table and column hints", RenamedPeople{}, "members", "nick", nil},
		{"given twice", RenamedTwice{}, "", "", model.ErrBadTag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := model.Load([]any{tt.model}, model.LoadOptions{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Load error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tab := s.Tables[0]
			if tab.RenamedFrom != tt.wantTable {
				t.Errorf("Table.RenamedFrom = %q, want %q", tab.RenamedFrom, tt.wantTable)
			}
			if c, _ := tab.Column("handle"); c.RenamedFrom != tt.wantCol {
				t.Errorf("Column.RenamedFrom = %q, want %q", c.RenamedFrom, tt.wantCol)
			}
		})
	}
}

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
