// Package gormsqlite runs the GORM cases on SQLite with GORM's pure-Go
// driver, github.com/glebarez/sqlite. It cannot link internal/testdb:
// both glebarez's driver and modernc.org/sqlite register "sqlite".
package gormsqlite

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"

	"github.com/retortdb/retort/internal/ormtest/gormcase"
)

// TestGORMCases: every case on a fresh SQLite file.
func TestGORMCases(t *testing.T) {
	gormcase.Run(t, gormcase.Env{
		Dialect: "sqlite",
		Open: func(t *testing.T) *sql.DB {
			path := filepath.Join(t.TempDir(), "test.db")
			db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
		GORM: func(t *testing.T, db *sql.DB, s gormcase.Settings) *gorm.DB {
			gdb, err := gorm.Open(&sqlite.Dialector{Conn: db}, config(s))
			if err != nil {
				t.Fatal(err)
			}
			return gdb
		},
	})
}

// config is the gorm.Config of the settings.
func config(s gormcase.Settings) *gorm.Config {
	return &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		NamingStrategy:                           schema.NamingStrategy{TablePrefix: s.TablePrefix, SingularTable: s.SingularTable},
		DisableForeignKeyConstraintWhenMigrating: s.DisableFK,
	}
}
