package dburl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://u:s3cret@h:5432/db?sslmode=disable", "postgres://u:xxxxx@h:5432/db?sslmode=disable"},
		{"mysql://root:s3cret@127.0.0.1:3306/test", "mysql://root:xxxxx@127.0.0.1:3306/test"},
		{"postgres://u@h/db?password=s3cret&sslmode=disable", "postgres://u@h/db?password=xxxxx&sslmode=disable"},
		{"postgres://h/db?sslpassword=s3cret", "postgres://h/db?sslpassword=xxxxx"},
		// Text net/url refuses: a space, a bad escape, a stray '#' in the password.
		{"postgres://u:s3 cret@h/db", "postgres://u:xxxxx@h/db"},
		{"mysql://u:s3%zzcret@h/db", "mysql://u:xxxxx@h/db"},
		{"postgres://u:a/b@c#d@h:5432/db", "postgres://u:xxxxx@h:5432/db"},
		{"://u:s3cret@h/db", "://u:xxxxx@h/db"},
		{"u:s3cret@tcp(h:3306)/db", "u:xxxxx@tcp(h:3306)/db"},
		{"host=h user=u password=s3cret dbname=d", "host=h user=u password=xxxxx dbname=d"},
		{"host=h password='s3 cret' dbname=d", "host=h password=xxxxx dbname=d"},
		{"sqlite:///tmp/a.db?_pragma=busy_timeout(1)", "sqlite:///tmp/a.db?_pragma=busy_timeout(1)"},
		{"postgres://u@h/db", "postgres://u@h/db"},
	} {
		got := Redact(tc.in)
		if got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Contains(got, "s3") {
			t.Errorf("Redact(%q) = %q keeps the secret", tc.in, got)
		}
	}
}

// TestParseErrorsHideThePassword: a URL that fails to parse used to be
// echoed, password and all, by net/url's error.
func TestParseErrorsHideThePassword(t *testing.T) {
	for _, raw := range []string{
		"postgres://u:s3cret@h:port/db",
		"postgres://u:s3 cret@h/db",
		"mysql://u:s3%zzcret@h/db",
		"mongodb://u:s3cret@h/db",
		"u:s3cret@h/db",
	} {
		_, err := Parse(raw)
		if err == nil {
			t.Errorf("Parse(%q) accepted it", raw)
			continue
		}
		if strings.Contains(err.Error(), "s3") {
			t.Errorf("Parse(%q): %v", raw, err)
		}
	}
	// A refused connection: the driver's error must not carry it either.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, raw := range []string{"postgres://u:s3cret@127.0.0.1:1/db?connect_timeout=1", "mysql://u:s3cret@127.0.0.1:1/db?timeout=1s"} {
		_, _, err := Open(ctx, raw)
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q): %v", raw, err)
		}
	}
}

func TestScrub(t *testing.T) {
	raw := "mysql://u:p%40ss@h/db"
	err := scrub(raw, &testErr{"bad DSN u:p@ss@tcp(h)/db and p%40ss"})
	if strings.Contains(err.Error(), "p@ss") || strings.Contains(err.Error(), "p%40ss") {
		t.Errorf("scrub kept the password: %v", err)
	}
	var te *testErr
	if !asTestErr(err, &te) {
		t.Errorf("scrub lost the driver's error")
	}
}

type testErr struct{ s string }

func (e *testErr) Error() string { return e.s }

func asTestErr(err error, target **testErr) bool {
	for err != nil {
		if e, ok := err.(*testErr); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// TestSQLiteQuestionMark: sqlite:///dir/q?x.db used to open a file named
// q; it is refused (x.db is no driver parameter), and q%3Fx.db names the
// file q?x.db.
func TestSQLiteQuestionMark(t *testing.T) {
	dir := t.TempDir()
	_, err := Parse("sqlite://" + dir + "/q?x.db")
	if err == nil || !strings.Contains(err.Error(), "%3F") {
		t.Fatalf("err = %v, want advice to write %%3F", err)
	}
	db, cfg, err := Open(context.Background(), "sqlite://"+dir+"/q%3Fx.db?_pragma=journal_mode(wal)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE t (id INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if cfg.Database != filepath.Join(dir, "q?x.db") {
		t.Errorf("Database = %q", cfg.Database)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) == 0 || names[0] != "q?x.db" {
		t.Errorf("files = %v, want q?x.db", names)
	}
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v): the parameter after ? was lost", mode, err)
	}
}
