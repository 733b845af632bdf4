package roundtrip

import (
	"fmt"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/ops"
)

// TestBulkInsert inserts rows holding every kind of value a BulkInsert
// takes, on every dialect, and reads them back.
func TestBulkInsert(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			r := newRig(t, d)
			target, err := load.Models([]any{Sample{}}, load.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r.apply(r.compare(target))
			when := time.Date(2026, 11, 22, 10, 4, 51, 250000000, time.UTC)
			rows := make([][]any, 0, 1203)
			rows = append(rows,
				[]any{int64(1), "it's \\ fine", true, 1.5, []byte{0, 1, 255}, when, nil},
				[]any{int64(2), "", false, -0.25, []byte{}, when.Add(time.Hour), "x"},
			)
			for i := 3; i <= 1203; i++ { // more than one statement's worth
				rows = append(rows, []any{int64(i), fmt.Sprint("row ", i), i%2 == 0, float64(i), nil, when, nil})
			}
			r.apply([]ops.Op{ops.BulkInsert{Table: "samples", Columns: []string{"id", "label", "flag", "ratio", "payload", "at", "note"}, Rows: rows}})

			var (
				label string
				flag  bool
				ratio float64
				blob  []byte
				note  *string
			)
			q := "SELECT label, flag, ratio, payload, note FROM samples WHERE id = 1"
			if err := r.db.QueryRow(q).Scan(&label, &flag, &ratio, &blob, &note); err != nil {
				t.Fatal(err)
			}
			if label != "it's \\ fine" || !flag || ratio != 1.5 || string(blob) != "\x00\x01\xff" || note != nil {
				t.Errorf("row 1 = %q %v %v %x %v", label, flag, ratio, blob, note)
			}
			if n := rowCount(t, r, "SELECT count(*) FROM samples"); n != 1203 {
				t.Errorf("%d rows, want 1203", n)
			}
			atQ := map[string]string{
				"sqlite":   "SELECT count(*) FROM samples WHERE at = '2026-11-22 10:04:51.25'",
				"postgres": "SELECT count(*) FROM samples WHERE at = '2026-11-22 10:04:51.25+00'",
				"mysql":    "SELECT count(*) FROM samples WHERE at = '2026-11-22 10:04:51.25'",
			}[d]
			if n := rowCount(t, r, atQ); n != 1202 {
				t.Errorf("%d rows at the inserted time, want 1202 (%s)", n, atQ)
			}
		})
	}
}

// Sample holds one column of each kind BulkInsert writes.
type Sample struct {
	ID    int64     `db:"id,pk,noautoincrement"`
	Label string    `db:"label,size=40"`
	Flag  bool      `db:"flag"`
	Ratio float64   `db:"ratio"`
	Blob  []byte    `db:"payload,null"`
	At    time.Time `db:"at"`
	Note  *string   `db:"note,size=10"`
}

func (Sample) TableName() string { return "samples" }

func rowCount(t *testing.T, r *rig, q string) int {
	t.Helper()
	var n int
	if err := r.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
