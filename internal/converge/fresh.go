package converge

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
)

// plainName is what CreateDatabase accepts as a database name: it is
// written into the server's CREATE DATABASE unquoted by any driver, so it
// must need no quoting at all.
var plainName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// CreateDatabase makes an empty database with the server's own client,
// for a program outside the test suite (a corpus runner) that cannot use
// internal/testdb. serverURL is the admin URL of the server (PostgreSQL,
// MySQL/MariaDB; ignored for SQLite), dir is where a SQLite file goes, and
// name is the new database's name (lower-case letters, digits and _).
// It returns the new database's URL and a function that drops it (for
// SQLite, removes the file).
func CreateDatabase(ctx context.Context, d Dialect, serverURL, dir, name string) (string, func(context.Context) error, error) {
	if !plainName.MatchString(name) {
		return "", nil, fmt.Errorf("converge: database name %q: use lower-case letters, digits and _ (at most 63)", name)
	}
	var create, drop string
	switch d {
	case SQLite:
		path := filepath.Join(dir, name+".db")
		return "sqlite://" + path, func(context.Context) error { return os.Remove(path) }, nil
	case Postgres:
		create = `CREATE DATABASE "` + name + `"`
		drop = `DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`
	case MySQL:
		create = "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
		drop = "DROP DATABASE IF EXISTS `" + name + "`"
	default:
		return "", nil, fmt.Errorf("converge: unknown dialect %q", d)
	}
	if serverURL == "" {
		return "", nil, fmt.Errorf("converge: no server URL for %s (set the admin URL of a test server)", d)
	}
	if _, err := Exec(ctx, d, serverURL, create+";\n"); err != nil {
		return "", nil, fmt.Errorf("converge: create database %s: %w", name, err)
	}
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", nil, fmt.Errorf("converge: server URL: %w", err)
	}
	u.Path = "/" + name
	dropFn := func(ctx context.Context) error {
		if _, err := Exec(ctx, d, serverURL, drop+";\n"); err != nil {
			return fmt.Errorf("converge: drop database %s: %w", name, err)
		}
		return nil
	}
	return u.String(), dropFn, nil
}

// ServerURL returns the admin URL of a dialect's test server from the
// environment (RETORT_TEST_POSTGRES_URL, RETORT_TEST_MYSQL_URL), "" when
// it is unset or the dialect needs no server.
func ServerURL(d Dialect) string {
	switch d {
	case Postgres:
		return os.Getenv("RETORT_TEST_POSTGRES_URL")
	case MySQL:
		return os.Getenv("RETORT_TEST_MYSQL_URL")
	}
	return ""
}
