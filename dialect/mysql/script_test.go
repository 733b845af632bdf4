package mysql_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/ops"
)

// executeSQL returns the statements an Execute op is sent as.
func executeSQL(t *testing.T, d *mysql.Dialect, sql string) []string {
	t.Helper()
	stmts, err := d.Statements(t.Context(), ops.Execute{SQL: sql}, dialect.NoTables{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range stmts {
		out = append(out, s.SQL)
	}
	return out
}

func TestExecuteSplitsScript(t *testing.T) {
	t.Parallel()
	d := mysql.New()
	trigger := "CREATE DEFINER = CURRENT_USER TRIGGER trg BEFORE INSERT ON a FOR EACH ROW BEGIN\n" +
		"  IF NEW.n < 0 THEN SET NEW.n = 0; END IF;\n" +
		"  SET NEW.label = CASE WHEN NEW.n > 9 THEN 'big' ELSE 'small' END;\n" +
		"END"
	tests := []struct {
		name string
		sql  string
		want []string
	}{
		{"one statement", "UPDATE a SET n = 1 WHERE n IS NULL", []string{"UPDATE a SET n = 1 WHERE n IS NULL"}},
		{"script", "INSERT INTO a (n) VALUES (1);\nINSERT INTO a (n) VALUES (';');\n", []string{"INSERT INTO a (n) VALUES (1)", "INSERT INTO a (n) VALUES (';')"}},
		{"trigger body stays whole", "SET @x = 1; " + trigger + "; INSERT INTO a (n) VALUES (2)",
			[]string{"SET @x = 1", trigger, "INSERT INTO a (n) VALUES (2)"}},
		{"blank", "  -- nothing\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, executeSQL(t, d, tt.sql)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestExecuteScriptOnServer runs a hand-written script, with a trigger
// whose body holds statements, on a connection without multi-statements,
// and checks the server's own record of what ran.
func TestExecuteScriptOnServer(t *testing.T) {
	t.Parallel()
	db, d := server(t)
	if _, err := db.ExecContext(t.Context(), "SELECT 1; SELECT 2"); err == nil {
		t.Fatal("a connection runs two statements in one Exec: multi-statements is on")
	}
	script := "CREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY, n int, label varchar(10));\n" +
		"CREATE TRIGGER trg BEFORE INSERT ON a FOR EACH ROW BEGIN\n" +
		"  IF NEW.n < 0 THEN SET NEW.n = 0; END IF;\n" +
		"  SET NEW.label = CASE WHEN NEW.n > 9 THEN 'big' ELSE 'small' END;\n" +
		"END;\n" +
		"INSERT INTO a (n) VALUES (-5), (20);"
	applyEach(t, db.DB, d, ops.Execute{SQL: script})
	var trig string
	if err := db.QueryRowContext(t.Context(), "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()").Scan(&trig); err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(t.Context(), "SELECT n, label FROM a ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n int
		var label string
		if err := rows.Scan(&n, &label); err != nil {
			t.Fatal(err)
		}
		got = append(got, label+":"+string(rune('0'+n%10)))
	}
	if diff := cmp.Diff([]string{"small:0", "big:0"}, got); diff != "" || trig != "trg" {
		t.Errorf("trigger %q; rows (-want +got)\n%s", trig, diff)
	}
}
