package autogen_test

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// queryStrings runs q and returns its first column.
func queryStrings(t *testing.T, db *testdb.DB, q string) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// serverDump is the schema as the server itself describes it, without the
// runner's version tables: sqlite_master's SQL; PostgreSQL's columns,
// pg_get_indexdef and pg_get_constraintdef; MySQL's SHOW CREATE TABLE.
func serverDump(t *testing.T, db *testdb.DB) []string {
	t.Helper()
	switch db.Dialect {
	case "sqlite":
		return queryStrings(t, db, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE '%retort%' ORDER BY type, name")
	case "postgres":
		return queryStrings(t, db, `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
	FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE 'retort%'
UNION ALL SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = current_schema() AND c.relname NOT LIKE 'retort%'
UNION ALL SELECT conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
	WHERE n.nspname = current_schema() AND conname NOT LIKE 'retort%'
UNION ALL SELECT 'type ' || typname FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace WHERE n.nspname = current_schema() AND y.typtype = 'e'
ORDER BY 1`)
	}
	var out []string
	for _, name := range queryStrings(t, db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT LIKE 'retort%' ORDER BY table_name") {
		var tbl, def string
		if err := db.QueryRowContext(context.Background(), "SHOW CREATE TABLE `"+name+"`").Scan(&tbl, &def); err != nil {
			t.Fatal(err)
		}
		out = append(out, def)
	}
	return out
}
