package sqlite

import (
	"testing"
)

// FuzzParse checks that the tokenizer and parsers never panic, whatever
// text sqlite_master holds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT CONSTRAINT c CHECK (b <> ''), CONSTRAINT fk FOREIGN KEY (b) REFERENCES u (x) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED)`,
		`CREATE TABLE "x""y" ([a b] AS (1) STORED, ` + "`c`" + ` DEFAULT -1 COLLATE nocase UNIQUE) WITHOUT ROWID, STRICT`,
		`CREATE UNIQUE INDEX i ON t (lower(a) DESC, b COLLATE x ASC) WHERE a > 0`,
		`CREATE TABLE t (a, CONSTRAINT`, `CREATE TABLE t (a REFERENCES`, `CREATE TABLE t (CHECK (`, `CREATE INDEX i ON t (a) WHERE`,
		`(((`, `)))`, `'`, `"`, `[`, `/*`, `--`, `x'`, `0x`, `1e`, `CREATE TABLE t (a DEFAULT`,
		`CREATE TABLE t (FOREIGN KEY (a) REFERENCES`, `CREATE TABLE t (a INT CONSTRAINT x`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range lex(s) {
			_ = tk.Value
		}
		_ = parseCreateTable(s)
		_ = parseCreateIndex(s)
		_ = isVirtual(s)
	})
}
