package harness

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/model"
)

// Dialects are the dialect names, in the order results are printed.
var Dialects = []string{"sqlite", "postgres", "mysql"}

// ServerEnv names the variable holding a server's admin URL; SQLite needs none.
var ServerEnv = map[string]string{
	"postgres": "RETORT_TEST_POSTGRES_URL",
	"mysql":    "RETORT_TEST_MYSQL_URL",
}

// ErrNoServer is returned by [Open] when a server dialect's URL is unset.
var ErrNoServer = errors.New("harness: no server URL")

// DB is a fresh benchmark database and the backend that reads and writes it.
type DB struct {
	*sql.DB
	// URL opens the same database (a retort URL).
	URL string
	// Dialect is "sqlite", "postgres" or "mysql".
	Dialect string
	// Backend is adapted to the server (MariaDB or MySQL).
	Backend backend.Backend
	// Version is the server's version string.
	Version string

	drop func() error
}

// Open creates a fresh database: a SQLite file under dir, or a new database
// on the server named by the dialect's [ServerEnv] variable. Close drops it.
func Open(ctx context.Context, dialectName, dir string) (*DB, error) {
	var (
		u    string
		drop func() error
	)
	name := "rt_bench_" + dialectName + "_" + randomHex()
	switch dialectName {
	case "sqlite":
		path := filepath.Join(dir, name+".db")
		u = "sqlite://" + path
		drop = func() error {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(path + suffix)
			}
			return nil
		}
	case "postgres", "mysql":
		admin := os.Getenv(ServerEnv[dialectName])
		if admin == "" {
			return nil, fmt.Errorf("%w: set %s", ErrNoServer, ServerEnv[dialectName])
		}
		create, dropSQL := `CREATE DATABASE "`+name+`"`, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`
		if dialectName == "mysql" {
			create = "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
			dropSQL = "DROP DATABASE IF EXISTS `" + name + "`"
		}
		if err := adminExec(ctx, admin, create); err != nil {
			return nil, err
		}
		p, err := url.Parse(admin)
		if err != nil {
			return nil, fmt.Errorf("harness: %s: %w", ServerEnv[dialectName], err)
		}
		p.Path = "/" + name
		if dialectName == "mysql" {
			// Create sends its statements in batches, on purpose.
			q := p.Query()
			q.Set("multiStatements", "true")
			p.RawQuery = q.Encode()
		}
		u = p.String()
		drop = func() error {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			return adminExec(ctx, admin, dropSQL)
		}
	default:
		return nil, fmt.Errorf("harness: unknown dialect %q", dialectName)
	}
	db, _, err := dburl.Open(ctx, u)
	if err != nil {
		drop()
		return nil, fmt.Errorf("harness: %w", err)
	}
	d := &DB{DB: db, URL: u, Dialect: dialectName, drop: drop}
	if err := d.identify(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func (d *DB) identify(ctx context.Context) error {
	be, err := backend.Lookup(d.Dialect)
	if err != nil {
		return err
	}
	if d.Backend, err = be.ForServer(ctx, d.DB); err != nil {
		return err
	}
	q := "SELECT version()"
	if d.Dialect == "sqlite" {
		q = "SELECT sqlite_version()"
	}
	if err := d.QueryRowContext(ctx, q).Scan(&d.Version); err != nil {
		return fmt.Errorf("harness: read version: %w", err)
	}
	if d.Dialect == "postgres" {
		if f := strings.Fields(d.Version); len(f) >= 2 {
			d.Version = f[0] + " " + f[1]
		}
	}
	return nil
}

// Close closes the pool and drops the database.
func (d *DB) Close() error {
	return errors.Join(d.DB.Close(), d.drop())
}

func adminExec(ctx context.Context, admin, query string) error {
	db, _, err := dburl.Open(ctx, admin)
	if err != nil {
		return fmt.Errorf("harness: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, query); err != nil {
		return fmt.Errorf("harness: %s: %w", query, err)
	}
	return nil
}

func randomHex() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// batchSize is how many statements [Create] sends in one round trip.
const batchSize = 250

// Create creates s in the empty database the way a first migration would:
// diff.Compare from an empty schema, the dialect's statements, sent in
// batches, each batch its own transaction where DDL is
// transactional (one transaction for 5,000 tables exhausts PostgreSQL's
// lock table). It returns the number of statements.
func Create(ctx context.Context, d *DB, s model.Schema) (int, error) {
	list, err := diff.Compare(model.Schema{}, s, d.Backend.Dialect, diff.Options{})
	if err != nil {
		return 0, fmt.Errorf("harness: compare: %w", err)
	}
	var stmts []string
	for _, op := range list {
		st, err := d.Backend.Dialect.Statements(ctx, op, dialect.NoTables{})
		if err != nil {
			return 0, fmt.Errorf("harness: statements: %w", err)
		}
		for _, s := range st {
			stmts = append(stmts, strings.TrimSuffix(strings.TrimSpace(s.SQL), ";"))
		}
	}
	for start := 0; start < len(stmts); start += batchSize {
		batch := stmts[start:min(start+batchSize, len(stmts))]
		if err := execBatch(ctx, d, batch); err != nil {
			return 0, fmt.Errorf("harness: create (statements %d-%d): %w", start+1, start+len(batch), err)
		}
	}
	if d.Dialect == "postgres" {
		if _, err := d.ExecContext(ctx, "ANALYZE"); err != nil {
			return 0, err
		}
	}
	return len(stmts), nil
}

// execBatch runs one batch of statements: as one multi-statement text in
// a transaction where DDL is transactional, else one statement at a time
// (MySQL connections run one statement per Exec).
func execBatch(ctx context.Context, d *DB, batch []string) error {
	if !d.Backend.Dialect.TransactionalDDL() {
		for _, q := range batch {
			if _, err := d.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, strings.Join(batch, ";\n")); err != nil {
		return err
	}
	return tx.Commit()
}
