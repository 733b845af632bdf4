package postgres

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/model"
)

// TestCanonicalKeyUniqueAndLongNames: a UNIQUE on the primary key's
// columns is gone, as CREATE TABLE drops it; names past 63 bytes are cut
// as the server cuts them.
func TestCanonicalKeyUniqueAndLongNames(t *testing.T) {
	t.Parallel()
	long := "idx_" + strings.Repeat("x", 60) // 64 bytes
	s := New().Canonical(model.Schema{Tables: []model.Table{{
		Name:       "t",
		Columns:    []model.Column{{Name: "id", Type: model.Type{SQL: "bigint"}}, {Name: "a", Type: model.Type{SQL: "text"}}},
		PrimaryKey: model.PrimaryKey{Columns: []string{"id"}},
		Uniques:    []model.Unique{{Name: "uni_t_id", Columns: []string{"id"}}, {Name: "uni_t_a", Columns: []string{"a"}}},
		Indexes:    []model.Index{{Name: long, Parts: []model.IndexPart{{Column: "a"}}}},
		Checks:     []model.Check{{Name: "chk_" + strings.Repeat("é", 40), Expr: "a <> ''"}},
	}}})
	tb := s.Tables[0]
	if len(tb.Uniques) != 1 || tb.Uniques[0].Name != "uni_t_a" {
		t.Errorf("uniques %v, want only uni_t_a", tb.Uniques)
	}
	if got := tb.Indexes[0].Name; got != long[:63] {
		t.Errorf("index name %q (%d bytes), want the first 63 bytes", got, len(got))
	}
	if got := tb.Checks[0].Name; len(got) != 62 || !strings.HasSuffix(got, "é") {
		t.Errorf("check name %q (%d bytes): want 62 bytes, cut before a split character", got, len(got))
	}
}
