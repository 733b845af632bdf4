package converge

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
)

// ClientError is a command-line client that exited with an error: the
// server rejected the script, or the client could not run.
type ClientError struct {
	// Command is the client's name and arguments (no password).
	Command string
	// Stderr is what the client printed on standard error.
	Stderr string
	// Err is the exit error.
	Err error
}

// Error says which client failed and what it printed.
func (e *ClientError) Error() string {
	return fmt.Sprintf("converge: %s: %v: %s", e.Command, e.Err, strings.TrimSpace(e.Stderr))
}

// Unwrap returns the exit error.
func (e *ClientError) Unwrap() error { return e.Err }

// Clients lists the command-line programs a dialect's cases need.
func Clients(d Dialect) []string {
	switch d {
	case Postgres:
		return []string{"psql", "pg_dump"}
	case MySQL:
		return []string{"mariadb"}
	case SQLite:
		return []string{"sqlite3"}
	}
	return nil
}

// Exec runs script against the database at dbURL (a retort URL) with the
// server's own client, so the script gets that client's semantics
// (DELIMITER, psql meta-commands, several statements):
//
//   - PostgreSQL: psql -X -q -v ON_ERROR_STOP=1
//   - MySQL/MariaDB: mariadb --batch with the database selected
//   - SQLite: sqlite3 -bail
//
// Each stops at the first error and exits non-zero; Exec returns that as a
// *ClientError. It returns what the client printed on standard output.
func Exec(ctx context.Context, d Dialect, dbURL, script string) (string, error) {
	name, args, env, err := clientCommand(d, dbURL)
	if err != nil {
		return "", err
	}
	return run(ctx, name, args, env, script)
}

// clientCommand builds the client invocation that reads a script on stdin.
func clientCommand(d Dialect, dbURL string) (string, []string, []string, error) {
	switch d {
	case Postgres:
		return "psql", []string{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbURL, "-f", "-"}, nil, nil
	case MySQL:
		args, env, err := mariadbArgs(dbURL)
		if err != nil {
			return "", nil, nil, err
		}
		return "mariadb", append(args, "--batch"), env, nil
	case SQLite:
		path, err := sqlitePath(dbURL)
		if err != nil {
			return "", nil, nil, err
		}
		return "sqlite3", []string{"-bail", path}, nil, nil
	}
	return "", nil, nil, fmt.Errorf("converge: unknown dialect %q", d)
}

// mariadbArgs turns mysql://user:pass@host:port/db into client arguments;
// the password travels in MYSQL_PWD, never on the command line.
func mariadbArgs(dbURL string) ([]string, []string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return nil, nil, fmt.Errorf("converge: %w", err)
	}
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" {
		return nil, nil, fmt.Errorf("converge: %s names no database", u.Redacted())
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "3306"
	}
	args := []string{"--no-defaults", "--protocol=TCP", "-h", host, "-P", port,
		"-u", u.User.Username(), "--default-character-set=utf8mb4", "--database=" + db}
	var env []string
	if pw, ok := u.User.Password(); ok {
		env = append(env, "MYSQL_PWD="+pw)
	}
	return args, env, nil
}

// mysqlDatabase returns the database name of a mysql:// URL.
func mysqlDatabase(dbURL string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", fmt.Errorf("converge: %w", err)
	}
	return strings.TrimPrefix(u.Path, "/"), nil
}

// sqlitePath returns the file of a sqlite:// URL.
func sqlitePath(dbURL string) (string, error) {
	scheme, rest, ok := strings.Cut(dbURL, "://")
	if !ok || (scheme != "sqlite" && scheme != "sqlite3") {
		return "", fmt.Errorf("converge: %q is not a sqlite:// URL", dbURL)
	}
	path, _, _ := strings.Cut(rest, "?")
	if path == "" || path == ":memory:" {
		return "", fmt.Errorf("converge: %q names no file; the client needs one", dbURL)
	}
	return path, nil
}

// run runs one client with stdin and returns its standard output.
func run(ctx context.Context, name string, args, env []string, stdin string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), &ClientError{Command: redactArgs(name, args), Stderr: errb.String(), Err: err}
	}
	return out.String(), nil
}

// redactArgs prints a command line with any URL's password hidden.
func redactArgs(name string, args []string) string {
	parts := []string{name}
	for _, a := range args {
		if u, err := url.Parse(a); err == nil && u.User != nil {
			a = u.Redacted()
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}
