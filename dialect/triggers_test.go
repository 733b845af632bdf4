package dialect_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/sqlite"
)

// TestTriggerDDL reads CREATE TRIGGER and DROP TRIGGER from a script whose
// trigger bodies hold ; and CASE ... END, as sqlite_master keeps the text.
func TestTriggerDDL(t *testing.T) {
	t.Parallel()
	script := `CREATE TABLE t (a);
CREATE TRIGGER IF NOT EXISTS main."tr 1" AFTER INSERT ON main.t
BEGIN
  SELECT CASE WHEN NEW.a > 0 THEN 1 ELSE 2 END; -- END;
  UPDATE t SET a = 1;
END;
CREATE TEMP TRIGGER tmp AFTER INSERT ON t BEGIN SELECT 1; END;
DROP TRIGGER IF EXISTS old_one;
CREATE TRIGGER tr2 BEFORE DELETE ON "t" BEGIN SELECT 1; END`
	created, dropped := dialect.TriggerDDL(sqlite.New(), script)
	want := []dialect.Trigger{
		{Name: "tr 1", Table: "t", SQL: "CREATE TRIGGER \"tr 1\" AFTER INSERT ON main.t\nBEGIN\n  SELECT CASE WHEN NEW.a > 0 THEN 1 ELSE 2 END; -- END;\n  UPDATE t SET a = 1;\nEND"},
		{Name: "tr2", Table: "t", SQL: `CREATE TRIGGER tr2 BEFORE DELETE ON "t" BEGIN SELECT 1; END`},
	}
	if diff := cmp.Diff(want, created); diff != "" {
		t.Errorf("created (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"old_one"}, dropped); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
}
