// Package testdb gives each test its own database: a SQLite file in a
// temporary directory, or a fresh database on the PostgreSQL or MariaDB/MySQL
// server named by RETORT_TEST_POSTGRES_URL or RETORT_TEST_MYSQL_URL, dropped
// when the test ends.
//
// Without the variable a server test is skipped; under CI (CI=true) a
// missing variable fails the test instead, so CI never passes by skipping.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dburl"
)

// DB is a test database.
type DB struct {
	*sql.DB
	// URL opens the same database (a retort URL).
	URL string
	// Name is the database name (the file path for SQLite).
	Name string
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
}

// Env variables naming the servers.
const (
	PostgresEnv = "RETORT_TEST_POSTGRES_URL"
	MySQLEnv    = "RETORT_TEST_MYSQL_URL"
)

// Open returns a fresh database of the named dialect.
func Open(t testing.TB, dialect string) *DB {
	t.Helper()
	switch dialect {
	case "sqlite":
		return SQLite(t)
	case "postgres":
		return Postgres(t)
	case "mysql":
		return MySQL(t)
	}
	t.Fatalf("testdb: unknown dialect %q", dialect)
	return nil
}

// Dialects lists the dialects whose servers are configured (SQLite always).
func Dialects() []string {
	ds := []string{"sqlite"}
	if os.Getenv(PostgresEnv) != "" || os.Getenv("CI") != "" {
		ds = append(ds, "postgres")
	}
	if os.Getenv(MySQLEnv) != "" || os.Getenv("CI") != "" {
		ds = append(ds, "mysql")
	}
	return ds
}

// SQLite returns a fresh SQLite database in a file under t.TempDir().
func SQLite(t testing.TB) *DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	u := "sqlite://" + path
	db, _, err := dburl.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return &DB{DB: db, URL: u, Name: path, Dialect: "sqlite"}
}

// Postgres returns a fresh database on the server of RETORT_TEST_POSTGRES_URL.
func Postgres(t testing.TB) *DB {
	t.Helper()
	return server(t, PostgresEnv, "postgres",
		func(name string) string { return `CREATE DATABASE "` + name + `"` },
		func(name string) string { return `DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)` })
}

// MySQL returns a fresh database on the server of RETORT_TEST_MYSQL_URL.
func MySQL(t testing.TB) *DB {
	t.Helper()
	return server(t, MySQLEnv, "mysql",
		func(name string) string {
			return "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
		},
		func(name string) string { return "DROP DATABASE IF EXISTS `" + name + "`" })
}

// ServerURL returns the admin URL of a dialect's test server, skipping the
// test (failing it under CI) when none is configured.
func ServerURL(t testing.TB, dialect string) string {
	t.Helper()
	env := map[string]string{"postgres": PostgresEnv, "mysql": MySQLEnv}[dialect]
	u := os.Getenv(env)
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("testdb: %s is not set; CI must test against a real %s server", env, dialect)
		}
		t.Skipf("testdb: %s not set", env)
	}
	return u
}

func server(t testing.TB, env, dialect string, create, drop func(string) string) *DB {
	t.Helper()
	admin := ServerURL(t, dialect)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	adb, _, err := dburl.Open(ctx, admin)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	defer adb.Close()
	name := Name(t)
	if _, err := adb.ExecContext(ctx, create(name)); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("testdb: %s: %v", env, err)
	}
	u.Path = "/" + name
	db, _, err := dburl.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		adb, _, err := dburl.Open(ctx, admin)
		if err != nil {
			t.Errorf("testdb: drop %s: %v", name, err)
			return
		}
		defer adb.Close()
		if _, err := adb.ExecContext(ctx, drop(name)); err != nil {
			t.Errorf("testdb: drop %s: %v", name, err)
		}
	})
	return &DB{DB: db, URL: u.String(), Name: name, Dialect: dialect}
}

var unsafeChars = regexp.MustCompile(`[^a-z0-9_]+`)

// Name returns a database name unique to this test run: rt_ + the test's
// name + random hex, at most 63 characters.
func Name(t testing.TB) string {
	base := unsafeChars.ReplaceAllString(strings.ToLower(t.Name()), "_")
	if len(base) > 40 {
		base = base[len(base)-40:]
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("testdb: %v", err))
	}
	return "rt_" + strings.Trim(base, "_") + "_" + hex.EncodeToString(b[:])
}
