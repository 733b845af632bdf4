package mysql

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
)

// TestUnmodeled names views, sequences, triggers, functions, procedures,
// events and partitioning, leaves out a refused table's trigger, and
// reads another database than the connection's through opts.Schema.
func TestUnmodeled(t *testing.T) {
	t.Parallel()
	db := testdb.MySQL(t)
	for _, q := range []string{
		`CREATE TABLE posts (id INT NOT NULL PRIMARY KEY, edits INT NOT NULL DEFAULT 0)`,
		`CREATE TABLE skipped (id INT NOT NULL PRIMARY KEY)`,
		`CREATE TABLE measurements (id INT NOT NULL, yr INT NOT NULL, PRIMARY KEY (id, yr)) PARTITION BY RANGE (yr) (PARTITION p0 VALUES LESS THAN (2024), PARTITION p1 VALUES LESS THAN MAXVALUE)`,
		`CREATE VIEW recent AS SELECT id FROM posts`,
		`CREATE SEQUENCE tickets`,
		`CREATE TRIGGER posts_count BEFORE UPDATE ON posts FOR EACH ROW SET NEW.edits = OLD.edits + 1`,
		`CREATE TRIGGER skipped_noop BEFORE UPDATE ON skipped FOR EACH ROW SET NEW.id = OLD.id`,
		`CREATE FUNCTION double_it(x INT) RETURNS INT DETERMINISTIC RETURN x * 2`,
		`CREATE PROCEDURE clear_posts() DELETE FROM posts`,
		`CREATE EVENT purge_posts ON SCHEDULE EVERY 1 HOUR DISABLE DO DELETE FROM posts`,
	} {
		if _, err := db.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	want := []introspect.Object{
		{Kind: introspect.View, Name: "recent"},
		{Kind: introspect.PartitionedTable, Name: "measurements"},
		{Kind: introspect.Trigger, Name: "posts_count", Table: "posts"},
		{Kind: introspect.Function, Name: "double_it"},
		{Kind: introspect.Procedure, Name: "clear_posts"},
		{Kind: introspect.Event, Name: "purge_posts"},
		{Kind: introspect.Sequence, Name: "tickets"},
	}
	opts := introspect.Options{IncludeTable: func(n string) bool { return n != "skipped" }}
	got, err := introspect.ListUnmodeled(t.Context(), Inspector{}, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("unmodeled (-want +got):\n%s", d)
	}
	other := testdb.MySQL(t)
	opts.Schema = db.Name
	got, err = introspect.ListUnmodeled(t.Context(), Inspector{}, other.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("read through another connection's Options.Schema (-want +got):\n%s", d)
	}
}
