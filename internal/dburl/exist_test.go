package dburl

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMySQLURLNeedsADatabase pins issue 17: a MySQL URL without a database
// name is refused when parsed, with the fix, instead of every statement
// failing later with "No database selected".
func TestMySQLURLNeedsADatabase(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"mysql://root@localhost:3306", "mysql://root:secret@localhost:3306/", "mariadb://root@db"} {
		_, err := Parse(u)
		if !errors.Is(err, ErrNoDatabaseName) {
			t.Errorf("Parse(%s) = %v, want ErrNoDatabaseName", u, err)
			continue
		}
		if !strings.Contains(err.Error(), "/app") || strings.Contains(err.Error(), "secret") {
			t.Errorf("Parse(%s): %v; want the fix (a path naming the database) and no password", u, err)
		}
	}
	if _, err := Parse("mysql://root@localhost:3306/app"); err != nil {
		t.Errorf("a URL with a database: %v", err)
	}
}

// TestOpenExistingCreatesNothing pins issue 17: a mistyped SQLite path is an
// error for read-only use, and leaves no empty file behind; Open still
// creates the file for the commands that may.
func TestOpenExistingCreatesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	typo := filepath.Join(dir, "ap.db")
	_, _, err := OpenExisting(ctx, "sqlite://"+typo)
	if !errors.Is(err, ErrNotExist) || !strings.Contains(err.Error(), typo) {
		t.Fatalf("OpenExisting(missing) = %v, want ErrNotExist naming the path", err)
	}
	if _, err := os.Stat(typo); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("OpenExisting created %s (stat: %v)", typo, err)
	}
	db, _, err := Open(ctx, "sqlite://"+typo)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, _, err = OpenExisting(ctx, "sqlite://"+typo)
	if err != nil {
		t.Fatalf("OpenExisting(existing) = %v", err)
	}
	db.Close()
	if db, _, err := OpenExisting(ctx, "sqlite://:memory:"); err != nil {
		t.Errorf("OpenExisting(:memory:) = %v", err)
	} else {
		db.Close()
	}
}
