// Package bunrun runs the bun cases on SQLite, PostgreSQL and
// MySQL/MariaDB with bun's dialects, each case on fresh databases from
// internal/testdb (the servers are skipped without
// RETORT_TEST_POSTGRES_URL / RETORT_TEST_MYSQL_URL, failed under CI).
package bunrun

import (
	"database/sql"
	"testing"

	"github.com/retortdb/retort/internal/ormtest/buncase"
	"github.com/retortdb/retort/internal/testdb"
)

// TestBunCasesSQLite: every case on a fresh SQLite file.
func TestBunCasesSQLite(t *testing.T) {
	buncase.Run(t, buncase.Env{
		Dialect: "sqlite",
		Open:    func(t *testing.T) *sql.DB { return testdb.SQLite(t).DB },
	})
}

// TestBunCasesPostgres: every case on PostgreSQL.
func TestBunCasesPostgres(t *testing.T) {
	testdb.ServerURL(t, "postgres")
	buncase.Run(t, buncase.Env{
		Dialect: "postgres",
		Open:    func(t *testing.T) *sql.DB { return testdb.Postgres(t).DB },
	})
}

// TestBunCasesMySQL: every case on MySQL/MariaDB.
func TestBunCasesMySQL(t *testing.T) {
	testdb.ServerURL(t, "mysql")
	buncase.Run(t, buncase.Env{
		Dialect: "mysql",
		Open:    func(t *testing.T) *sql.DB { return testdb.MySQL(t).DB },
	})
}
