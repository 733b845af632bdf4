// Package gormserver runs the GORM cases on PostgreSQL and MySQL/MariaDB
// with GORM's drivers, each case on fresh databases from internal/testdb
// (skipped without RETORT_TEST_POSTGRES_URL / RETORT_TEST_MYSQL_URL,
// failed under CI).
package gormserver

import (
	"database/sql"
	"testing"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"

	"github.com/retortdb/retort/internal/ormtest/gormcase"
	"github.com/retortdb/retort/internal/testdb"
)

// TestGORMCasesPostgres: every case on PostgreSQL.
func TestGORMCasesPostgres(t *testing.T) {
	testdb.ServerURL(t, "postgres")
	gormcase.Run(t, gormcase.Env{
		Dialect: "postgres",
		Open:    func(t *testing.T) *sql.DB { return testdb.Postgres(t).DB },
		GORM: func(t *testing.T, db *sql.DB, s gormcase.Settings) *gorm.DB {
			return open(t, postgres.New(postgres.Config{Conn: db}), s)
		},
	})
}

// TestGORMCasesMySQL: every case on MySQL/MariaDB.
func TestGORMCasesMySQL(t *testing.T) {
	testdb.ServerURL(t, "mysql")
	gormcase.Run(t, gormcase.Env{
		Dialect: "mysql",
		Open:    func(t *testing.T) *sql.DB { return testdb.MySQL(t).DB },
		GORM: func(t *testing.T, db *sql.DB, s gormcase.Settings) *gorm.DB {
			return open(t, mysql.New(mysql.Config{Conn: db, DefaultStringSize: s.DefaultStringSize, DefaultDatetimePrecision: s.DefaultDatetimePrecision}), s)
		},
	})
}

func open(t *testing.T, d gorm.Dialector, s gormcase.Settings) *gorm.DB {
	t.Helper()
	gdb, err := gorm.Open(d, &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		NamingStrategy:                           schema.NamingStrategy{TablePrefix: s.TablePrefix, SingularTable: s.SingularTable},
		DisableForeignKeyConstraintWhenMigrating: s.DisableFK,
	})
	if err != nil {
		t.Fatal(err)
	}
	return gdb
}
