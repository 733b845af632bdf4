package load_test

import (
	"errors"
	"testing"

	"github.com/retortdb/retort/load"
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
		{"given twice", RenamedTwice{}, "", "", load.ErrBadTag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := load.Models([]any{tt.model}, load.Options{})
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
