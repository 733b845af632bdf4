package mysql

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/introspect"
)

// BenchmarkInspect1000Tables reads 1,000 tables (ten columns, two indexes,
// a foreign key on every other table). The query/ sub-benchmarks time each
// catalog query alone: the floor Inspect cannot go below. joined_fk is the
// KEY_COLUMN_USAGE ⨝ REFERENTIAL_CONSTRAINTS join Inspect avoids, and
// columns_in_list the columns query restricted by a 999-name IN list.
func BenchmarkInspect1000Tables(b *testing.B) {
	db := testdb.MySQL(b)
	createTables(b, db.DB, 1000)
	var version string
	if err := db.QueryRow("SELECT VERSION()").Scan(&version); err != nil {
		b.Fatal(err)
	}
	mariaDB := strings.Contains(version, "MariaDB")

	b.Run("inspect", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := Inspector{}.Inspect(b.Context(), db.DB, introspect.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if len(s.Tables) != 1000 {
				b.Fatalf("%d tables", len(s.Tables))
			}
		}
	})
	b.Run("inspect_sequential", func(b *testing.B) {
		b.ReportAllocs()
		q := &countingQuerier{q: db.DB} // not a pool: one query at a time
		for b.Loop() {
			if _, err := (Inspector{}).Inspect(b.Context(), q, introspect.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("inspect_one_table", func(b *testing.B) {
		b.ReportAllocs()
		opts := introspect.Options{IncludeTable: func(n string) bool { return n == "t0500" }}
		for b.Loop() {
			if _, err := (Inspector{}).Inspect(b.Context(), db.DB, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("inspect_filtered", func(b *testing.B) {
		b.ReportAllocs()
		opts := introspect.Options{IncludeTable: func(n string) bool { return n != "t0500" }}
		for b.Loop() {
			if _, err := (Inspector{}).Inspect(b.Context(), db.DB, opts); err != nil {
				b.Fatal(err)
			}
		}
	})

	names := []any{db.Name}
	for i := range 1000 {
		if i != 500 {
			names = append(names, "t"+pad4(i))
		}
	}
	in := " AND TABLE_NAME IN (" + strings.TrimSuffix(strings.Repeat("?,", len(names)-1), ",") + ")"
	queries := []struct {
		name  string
		query string
		args  []any
	}{
		{"server", queryServer, nil},
		{"collations", queryCollations, nil},
		{"table_names", queryTableNames, []any{db.Name}},
		{"tables", queryTables(""), []any{db.Name}},
		{"tables_in_one", queryTables(" AND TABLE_NAME IN (?)"), []any{db.Name, "t0500"}},
		{"columns", queryColumns(""), []any{db.Name}},
		{"columns_in_list", queryColumns(in), names},
		{"columns_in_one", queryColumns(" AND TABLE_NAME IN (?)"), []any{db.Name, "t0500"}},
		{"columns_in_ten", queryColumns(" AND TABLE_NAME IN (?,?,?,?,?,?,?,?,?,?)"), append([]any{}, names[:11]...)},
		{"indexes", queryIndexes(mariaDB, ""), []any{db.Name}},
		{"fk_columns", queryFKColumns(""), []any{db.Name}},
		{"fk_actions", queryFKActions(""), []any{db.Name}},
		{"checks", queryChecks(mariaDB, ""), []any{db.Name}},
		{"joined_fk", "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE " +
			"FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r " +
			"ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME " +
			"WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", []any{db.Name}},
	}
	for _, q := range queries {
		b.Run("query/"+q.name, func(b *testing.B) {
			for b.Loop() {
				drain(b, db.DB, q.query, q.args)
			}
		})
	}
}

func pad4(i int) string {
	s := "000" + itoa(i)
	return s[len(s)-4:]
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// drain runs a query and reads every row.
func drain(b *testing.B, db *sql.DB, query string, args []any) {
	rows, err := db.QueryContext(b.Context(), query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}
