package cli_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// handSchema is a schema written by hand in each dialect's SQL, not by retort.
var handSchema = map[string]string{
	"sqlite": `CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(80) NOT NULL DEFAULT '', born date);
CREATE TABLE books (
  id integer PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  title TEXT NOT NULL, price numeric(8,2) DEFAULT 0 CHECK (price >= 0),
  CONSTRAINT uq_books_title UNIQUE (author_id, title));
CREATE INDEX ix_books_price ON books (price DESC) WHERE price > 0;`,
	"postgres": `CREATE TYPE genre AS ENUM ('novel', 'poem');
CREATE TABLE authors (id serial PRIMARY KEY, name varchar(80) NOT NULL DEFAULT ''::character varying, born date, tags text[]);
CREATE TABLE books (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  title text NOT NULL, price numeric(8,2) DEFAULT 0 CHECK (price >= 0), kind genre DEFAULT 'novel', meta jsonb,
  created timestamptz DEFAULT now(),
  CONSTRAINT uq_books_title UNIQUE (author_id, title));
CREATE INDEX ix_books_price ON books (price DESC) WHERE price > 0;
CREATE INDEX ix_books_meta ON books USING gin (meta);
COMMENT ON TABLE books IS 'the books';`,
	"mysql": `CREATE TABLE authors (id int unsigned AUTO_INCREMENT PRIMARY KEY, name varchar(80) NOT NULL DEFAULT '', born date) ENGINE=InnoDB;
CREATE TABLE books (
  id bigint AUTO_INCREMENT PRIMARY KEY,
  author_id int unsigned NOT NULL,
  title varchar(200) NOT NULL, price decimal(8,2) DEFAULT 0, kind enum('novel','poem') DEFAULT 'novel',
  updated timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY uq_books_title (author_id, title), KEY ix_books_price (price),
  CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
  CONSTRAINT ck_books_price CHECK (price >= 0)) COMMENT='the books';`,
}

// TestInspectAndDiff: a schema made by hand is inspected as SQL; that SQL
// recreates it in a second database on the same server, and diff between
// the two finds nothing; diff against an empty third database finds the
// tables, and its --sql output, applied, converges too.
func TestInspectAndDiff(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort")
	}
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			src, copyDB, empty := testdb.Open(t, d), testdb.Open(t, d), testdb.Open(t, d)
			for _, stmt := range strings.Split(handSchema[d], ";\n") {
				exec1(t, src.DB, stmt)
			}
			run := func(want int, args ...string) string {
				t.Helper()
				cmd := exec.Command(retort(t), args...)
				out, err := cmd.CombinedOutput()
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				if code != want {
					t.Fatalf("retort %s: exit %d, want %d:\n%s", strings.Join(args, " "), code, want, out)
				}
				return string(out)
			}
			ddl := run(0, "inspect", src.URL)
			applyScript(t, copyDB, ddl)
			out := run(0, "diff", "--from", copyDB.URL, "--to", src.URL)
			wantContains(t, out, "same schema")
			json := run(0, "inspect", src.URL, "--format", "json")
			// One JSON style with check --format json: snake_case keys, a
			// version, no nulls (issue 17: Go field names and nulls).
			wantContains(t, json, `"version": 1`, `"name": "books"`, `"foreign_keys": [`, `"ref_table": "authors"`)
			if strings.Contains(json, "null") || regexp.MustCompile(`"[A-Z][A-Za-z]*":`).MatchString(json) {
				t.Errorf("inspect --format json has nulls or Go field names:\n%s", json)
			}

			out = run(1, "diff", "--from", empty.URL, "--to", src.URL)
			wantContains(t, out, "create table authors", "create table books")
			applyScript(t, empty, run(1, "diff", "--from", empty.URL, "--to", src.URL, "--sql"))
			run(0, "diff", "--from", empty.URL, "--to", src.URL)

			// diff shows the safety findings of its ops, as check does
			// (issue 17): dropping the tables loses their rows.
			out = run(1, "diff", "--from", src.URL, "--to", testdb.Open(t, d).URL)
			wantContains(t, out, "drop table books", "! data loss:")
		})
	}
}

// applyScript runs SQL as inspect and diff --sql print it: statements end
// in ";" at the end of a line.
func applyScript(t *testing.T, db *testdb.DB, script string) {
	t.Helper()
	for _, stmt := range strings.Split(script, ";\n") {
		var lines []string
		for _, l := range strings.Split(stmt, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "--") {
				lines = append(lines, l)
			}
		}
		if s := strings.TrimSpace(strings.Join(lines, "\n")); s != "" {
			exec1(t, db.DB, s)
		}
	}
}
