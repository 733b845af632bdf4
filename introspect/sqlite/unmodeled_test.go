package sqlite_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/introspect/sqlite"
)

// TestUnmodeled: views, triggers and virtual tables are named, the
// virtual table's shadow tables are not named apart, and a trigger of a
// table the options refuse is left out; Inspect reflects none of them.
func TestUnmodeled(t *testing.T) {
	t.Parallel()
	db := testdb.SQLite(t)
	exec(t, db.DB,
		`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`,
		`CREATE TABLE skipped (id INTEGER PRIMARY KEY)`,
		`CREATE VIEW "Long Notes" AS SELECT id FROM notes WHERE length(body) > 100`,
		`CREATE TRIGGER notes_touch AFTER UPDATE ON notes BEGIN SELECT 1; END`,
		`CREATE TRIGGER skipped_touch AFTER UPDATE ON skipped BEGIN SELECT 1; END`,
		`CREATE VIRTUAL TABLE search USING fts5(title, body)`,
	)
	opts := introspect.Options{IncludeTable: func(n string) bool { return n != "skipped" }}
	got, err := introspect.ListUnmodeled(context.Background(), sqlite.Inspector{}, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []introspect.Object{
		{Kind: introspect.View, Name: "Long Notes"},
		{Kind: introspect.VirtualTable, Name: "search"},
		{Kind: introspect.Trigger, Name: "notes_touch", Table: "notes"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("unmodeled (-want +got):\n%s", d)
	}
	s, err := sqlite.Inspector{}.Inspect(context.Background(), db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 1 || s.Tables[0].Name != "notes" {
		t.Errorf("Inspect reflected %d tables, want notes alone: %+v", len(s.Tables), s.Tables)
	}
}
