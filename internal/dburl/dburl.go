// Package dburl turns the database URLs of retort's contract into
// database/sql driver names and DSNs, and opens them. It is the one place
// outside tests that imports the database drivers; cmd uses it.
package dburl

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Config is a parsed database URL.
type Config struct {
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// Driver is the database/sql driver name.
	Driver string
	// DSN is what the driver is opened with.
	DSN string
	// Database is the database name (SQLite: the file path, or ":memory:").
	Database string
	// URL is the URL as given.
	URL string
}

// ErrUnsupported is returned for a URL scheme retort does not know.
var ErrUnsupported = errors.New("dburl: unsupported URL scheme")

// ErrNoDatabaseName is returned for a MySQL URL without a database name:
// every statement would fail with "No database selected".
var ErrNoDatabaseName = errors.New("dburl: no database name")

// ErrNotExist is returned by [OpenExisting] for a SQLite file that does
// not exist.
var ErrNotExist = errors.New("dburl: no such SQLite database file")

// Parse reads sqlite://, postgres://, postgresql://, mysql:// and
// mariadb:// URLs.
func Parse(raw string) (Config, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return Config{}, fmt.Errorf("dburl: %q is not a URL; write sqlite:///abs/path.db, postgres://user@host/db or mysql://user@host/db", Redact(raw))
	}
	switch strings.ToLower(scheme) {
	case "sqlite", "sqlite3":
		return parseSQLite(raw, rest)
	case "postgres", "postgresql":
		return parsePostgres(raw)
	case "mysql", "mariadb":
		return parseMySQL(raw)
	}
	return Config{}, fmt.Errorf("%w %q in %q; use sqlite://, postgres:// or mysql://", ErrUnsupported, scheme, Redact(raw))
}

func parseSQLite(raw, rest string) (Config, error) {
	path, query, _ := strings.Cut(rest, "?")
	if path == "" {
		//lint:ignore ST1005 the message ends with a URL to write, ":memory:"
		return Config{}, fmt.Errorf("dburl: %q names no file; write sqlite:///abs/path.db, sqlite://rel/path.db or sqlite://:memory:", Redact(raw))
	}
	// What follows '?' is driver parameters, each name=value; a file whose
	// name holds '?' is written with %3F.
	if !isParams(query) {
		return Config{}, fmt.Errorf("dburl: in %q, %q after '?' is not name=value driver parameters; "+
			"a file name holding '?' is written with %%3F (sqlite://%s%%3F%s)", Redact(raw), query, path, query)
	}
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	params := "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_txlock=immediate"
	if query != "" {
		params += "&" + query
	}
	if path == ":memory:" {
		return Config{Dialect: "sqlite", Driver: "sqlite", DSN: "file::memory:?" + params, Database: path, URL: raw}, nil
	}
	// The DSN is a file: URI: '?', '#' and '%' in the name are escaped.
	dsnPath := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
	return Config{Dialect: "sqlite", Driver: "sqlite", DSN: "file:" + dsnPath + "?" + params, Database: path, URL: raw}, nil
}

// isParams reports whether query is empty or name=value pairs joined by '&'.
func isParams(query string) bool {
	if query == "" {
		return true
	}
	if _, err := url.ParseQuery(query); err != nil {
		return false
	}
	for _, kv := range strings.Split(query, "&") {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return false
		}
	}
	return true
}

func parsePostgres(raw string) (Config, error) {
	u, err := parseURL(raw)
	if err != nil {
		return Config{}, fmt.Errorf("dburl: %s: %w", Redact(raw), err)
	}
	db := strings.TrimPrefix(u.Path, "/")
	u.Scheme = "postgres"
	return Config{Dialect: "postgres", Driver: "pgx", DSN: u.String(), Database: db, URL: raw}, nil
}

func parseMySQL(raw string) (Config, error) {
	u, err := parseURL(raw)
	if err != nil {
		return Config{}, fmt.Errorf("dburl: %s: %w", Redact(raw), err)
	}
	cfg := mysql.NewConfig()
	cfg.Net = "tcp"
	host := u.Host
	if u.Port() == "" {
		host += ":3306"
	}
	cfg.Addr = host
	if u.User != nil {
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
	}
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	if cfg.DBName == "" {
		u.Path = "/app"
		return Config{}, fmt.Errorf("%w: %s names no database; add its name to the path, e.g. %s", ErrNoDatabaseName, Redact(raw), Redact(u.String()))
	}
	// Multi-statements stay off: no text spliced into a statement can start
	// another, and hand-written scripts are split into statements by the
	// dialect (a URL may still set multiStatements=true on purpose).
	cfg.Params = map[string]string{}
	for k, v := range u.Query() {
		cfg.Params[k] = v[0]
	}
	return Config{Dialect: "mysql", Driver: "mysql", DSN: cfg.FormatDSN(), Database: cfg.DBName, URL: raw}, nil
}

// Open parses raw and opens a pool. For SQLite it refuses a file whose
// directory does not exist, rather than failing later with a driver error;
// a missing file in an existing directory is created, empty.
func Open(ctx context.Context, raw string) (*sql.DB, Config, error) {
	return open(ctx, raw, false)
}

// OpenExisting is [Open] for a database that must exist already: a SQLite
// file that does not exist is an error wrapping [ErrNotExist], and no file
// is created (a typo in a path must not leave an empty database behind).
func OpenExisting(ctx context.Context, raw string) (*sql.DB, Config, error) {
	return open(ctx, raw, true)
}

// Exists reports whether the database of cfg exists, as far as can be
// told without connecting: false only for a SQLite file that is not there.
func Exists(cfg Config) bool {
	if cfg.Dialect != "sqlite" || cfg.Database == ":memory:" {
		return true
	}
	_, err := os.Stat(cfg.Database)
	return err == nil
}

func open(ctx context.Context, raw string, mustExist bool) (*sql.DB, Config, error) {
	cfg, err := Parse(raw)
	if err != nil {
		return nil, cfg, err
	}
	if mustExist && !Exists(cfg) {
		return nil, cfg, fmt.Errorf("%w: %s (from %s); check the path", ErrNotExist, cfg.Database, Redact(raw))
	}
	if cfg.Dialect == "sqlite" && cfg.Database != ":memory:" {
		dir := filepath.Dir(cfg.Database)
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, cfg, fmt.Errorf("dburl: directory %q for the SQLite database %q does not exist; create it first (mkdir -p %s)", dir, cfg.Database, dir)
		}
	}
	db, err := sql.Open(cfg.Driver, cfg.DSN)
	if err != nil {
		return nil, cfg, fmt.Errorf("dburl: open %s: %w", Redact(raw), scrub(raw, err))
	}
	if cfg.Dialect == "sqlite" {
		// One writer at a time, and :memory: must stay one database.
		db.SetMaxOpenConns(1)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, cfg, fmt.Errorf("dburl: connect to %s: %w", Redact(raw), scrub(raw, err))
	}
	return db, cfg, nil
}
