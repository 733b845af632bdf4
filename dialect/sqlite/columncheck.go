package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
)

// coreFunctions are the functions a stock SQLite (as the modernc driver
// builds it: core, date and time, math, JSON) evaluates, lower case.
var coreFunctions = wordSet(`abs changes char coalesce concat concat_ws format glob hex ifnull iif
	instr last_insert_rowid length like likelihood likely lower ltrim max min nullif octet_length
	printf quote random randomblob replace round rtrim sign soundex sqlite_version sqlite_source_id
	substr substring total_changes trim typeof unhex unicode unlikely upper zeroblob
	date time datetime julianday unixepoch strftime timediff
	acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2
	mod pi pow power radians sin sinh sqrt tan tanh trunc
	json json_array json_extract json_insert json_object json_patch json_quote json_remove
	json_replace json_set json_type json_valid jsonb jsonb_array jsonb_object
	cast`)

// wordSet returns the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// replacements say what to write instead of a function SQLite lacks.
var replacements = map[string]string{
	"now":               "default=CURRENT_TIMESTAMP",
	"current_timestamp": "default=CURRENT_TIMESTAMP (without parentheses)",
	"current_date":      "default=CURRENT_DATE (without parentheses)",
	"current_time":      "default=CURRENT_TIME (without parentheses)",
	"getdate":           "default=CURRENT_TIMESTAMP",
	"sysdate":           "default=CURRENT_TIMESTAMP",
	"localtimestamp":    "default=CURRENT_TIMESTAMP",
	"utc_timestamp":     "default=CURRENT_TIMESTAMP (SQLite's is UTC)",
	"gen_random_uuid":   "set the value in Go, or default=(lower(hex(randomblob(16)))) for a random hex id",
	"uuid_generate_v4":  "set the value in Go, or default=(lower(hex(randomblob(16)))) for a random hex id",
	"uuid":              "set the value in Go, or default=(lower(hex(randomblob(16)))) for a random hex id",
	"nextval":           "an integer primary key numbers itself (autoincrement)",
}

// columnProblems returns, for each column of s, a default that calls a
// function SQLite does not have (now(): every insert would fail with "no
// such function") and a column ON UPDATE expression (MySQL's, which SQLite
// has no equivalent for and would drop silently).
func columnProblems(s model.Schema) []dialect.Problem {
	var out []dialect.Problem
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if err := checkColumn(c); err != nil {
				out = append(out, dialect.Problem{Schema: t.Schema, Table: t.Name, Column: c.Name, Err: err})
			}
		}
	}
	return out
}

// checkColumn is columnProblems for one column.
func checkColumn(c model.Column) error {
	if c.OnUpdate != "" {
		return fmt.Errorf("%w: SQLite has no ON UPDATE for a column (onupdate=%s); drop onupdate= and set the value when you update the row (or write a trigger in a revision by hand)", dialect.ErrCapability, c.OnUpdate)
	}
	if c.Default == "" {
		return nil
	}
	toks := Lex(c.Default)
	for i, tok := range toks {
		if tok.Kind != sqllex.Word || i+1 >= len(toks) || !toks[i+1].IsPunct("(") {
			continue
		}
		name := strings.ToLower(tok.Text)
		if coreFunctions[name] {
			continue
		}
		fix, ok := replacements[name]
		if !ok {
			fix = "use a function SQLite has, or set the value in Go"
		}
		return fmt.Errorf("%w: SQLite has no function %s() for default=%s: every insert would fail with \"no such function\"; write %s", dialect.ErrCapability, tok.Text, c.Default, fix)
	}
	return nil
}
