package model

import "testing"

func TestIsPlainIdent(t *testing.T) {
	for s, want := range map[string]bool{
		"users": true, "_x1": true, "a$b": true, "café": true,
		"": false, "1st": false, "a b": false, "a-b": false, `"q"`: false, "a.b": false,
	} {
		if got := IsPlainIdent(s); got != want {
			t.Errorf("IsPlainIdent(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRenameColumnRefs(t *testing.T) {
	tb := Table{
		PrimaryKey:  PrimaryKey{Columns: []string{"a", "b"}},
		Uniques:     []Unique{{Columns: []string{"b"}}},
		ForeignKeys: []ForeignKey{{Columns: []string{"b"}, RefColumns: []string{"b"}}},
		Indexes:     []Index{{Parts: []IndexPart{{Column: "b"}, {Expr: "lower(b)"}}}},
	}
	tb.RenameColumnRefs("b", "c")
	if tb.PrimaryKey.Columns[1] != "c" || tb.Uniques[0].Columns[0] != "c" || tb.ForeignKeys[0].Columns[0] != "c" || tb.Indexes[0].Parts[0].Column != "c" {
		t.Errorf("not renamed everywhere: %+v", tb)
	}
	if tb.PrimaryKey.Columns[0] != "a" || tb.ForeignKeys[0].RefColumns[0] != "b" || tb.Indexes[0].Parts[1].Expr != "lower(b)" {
		t.Errorf("renamed what is not the column: %+v", tb)
	}
}
