package main

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/internal/converge"
)

// pgSchemaDiff reads stripe/pg-schema-diff's acceptance cases: each
// acceptanceTestCase literal holds oldSchemaDDL and newSchemaDDL, lists of
// statements; a missing one is the empty schema.
var pgSchemaDiff = goCorpus{
	name:           "pg-schema-diff",
	dialect:        converge.Postgres,
	glob:           "internal/migration_acceptance_tests/*_cases_test.go",
	fromKeys:       []string{"oldSchemaDDL"},
	toKeys:         []string{"newSchemaDDL"},
	missingIsEmpty: true,
	skipKeys:       map[string]string{"roles": "needs roles the test creates first"},
}

// vitessSchemadiff reads vitess's schemadiff tests: literals with from and
// to (a CREATE statement each) or fromQueries and toQueries (lists).
// Scripts load with foreign-key checks off, as a dump loads, so tables
// may name tables created after them (vitess orders them itself); a pair
// with a foreign key to a table neither script creates is skipped.
var vitessSchemadiff = goCorpus{
	name:     "vitess",
	dialect:  converge.MySQL,
	glob:     "go/vt/schemadiff/*_test.go",
	fromKeys: []string{"from", "fromQueries"},
	toKeys:   []string{"to", "toQueries"},
	preamble: "SET FOREIGN_KEY_CHECKS = 0;\n",
	loadCheck: `SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS r
WHERE r.CONSTRAINT_SCHEMA = DATABASE() AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA AND t.TABLE_NAME = r.REFERENCED_TABLE_NAME);
`,
	loadCheckWhy: "a foreign key names a table the script does not create (loads only with checks off)",
}

// unmodeledPatterns find, in a script, the kinds of object retort does not
// model.
var unmodeledPatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"view", regexp.MustCompile(`(?i)\bcreate\s+(or\s+replace\s+)?(materialized\s+|(algorithm\s*=\s*\w+\s+)?(definer\s*=\s*\S+\s+)?(sql\s+security\s+\w+\s+)?)?view\b`)},
	{"function", regexp.MustCompile(`(?i)\bcreate\s+(or\s+replace\s+)?(function|procedure|aggregate)\b`)},
	{"trigger", regexp.MustCompile(`(?i)\bcreate\s+(or\s+replace\s+)?(constraint\s+)?trigger\b`)},
	{"policy", regexp.MustCompile(`(?i)\bcreate\s+policy\b|\brow\s+level\s+security\b`)},
	{"sequence", regexp.MustCompile(`(?i)\bcreate\s+sequence\b`)},
	{"partition", regexp.MustCompile(`(?i)\bpartition\s+(by|of)\b`)},
	{"schema", regexp.MustCompile(`(?i)\bcreate\s+schema\b`)},
	{"domain", regexp.MustCompile(`(?i)\bcreate\s+domain\b`)},
	{"event", regexp.MustCompile(`(?i)\bcreate\s+event\b`)},
	{"grant", regexp.MustCompile(`(?i)\bgrant\b`)},
}

// unmodeledKinds lists the kinds of object a script creates that retort
// does not model.
func unmodeledKinds(script string) []string {
	var kinds []string
	for _, p := range unmodeledPatterns {
		if p.re.MatchString(script) {
			kinds = append(kinds, p.kind)
		}
	}
	return kinds
}

var (
	anyURL  = regexp.MustCompile(`\b[a-z0-9]+://\S+`)
	quoted  = regexp.MustCompile("`[^`]*`|\"[^\"]*\"|'[^']*'")
	number  = regexp.MustCompile(`\b\d+\b`)
	upperWs = regexp.MustCompile(`\b[A-Z][A-Z_]+\b`)
)

// mask keeps a message's shape and drops its names and numbers, so that
// failures of one kind fall into one category.
func mask(s string) string {
	s = anyURL.ReplaceAllString(s, "URL")
	s = quoted.ReplaceAllString(s, "?")
	s = number.ReplaceAllString(s, "N")
	if len(s) > 110 {
		s = s[:110] + "…"
	}
	return s
}

// categorize names the kind of a failure: for dump differences, the first
// changed line's upper-case words (the clause that differs); for
// rejected SQL, the server's error with names masked; else the first line
// of retort's error.
func categorize(r converge.Result) string {
	switch r.Stage {
	case converge.NotConverged, converge.FalseEqual:
		return diffCategory(r.Detail)
	case converge.StdoutNotSQL:
		_, rest, _ := strings.Cut(r.Detail, "stdout:\n")
		for _, l := range strings.Split(rest, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
				return "stdout holds: " + mask(l)
			}
		}
	case converge.ApplyFailed:
		line, _, _ := strings.Cut(r.Detail, "\n")
		line = strings.TrimPrefix(line, "applying retort's SQL to A failed: ")
		return mask(line)
	case converge.DiffError:
		_, rest, _ := strings.Cut(r.Detail, "--- stderr:\n")
		for _, l := range strings.Split(rest, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				return mask(l)
			}
		}
	}
	line, _, _ := strings.Cut(r.Detail, "\n")
	return mask(line)
}

// diffCategory reads the unified diff in a failure's detail and returns
// the first changed line's clause: its sign and upper-case words, or, for
// a line without any (SQLite's pragma rows), its masked text. Lines that
// appear on both sides (but for a trailing comma) are moved, not changed:
// when every changed line is one, the category is "order only" (columns, keys or checks listed in another order).
func diffCategory(detail string) string {
	var minus, plus []string
	count := map[string]int{}
	_, body, _ := strings.Cut(detail, "\n")
	body, _, _ = strings.Cut(body, "--- retort exit")
	for _, l := range strings.Split(body, "\n") {
		if len(l) < 2 || strings.HasPrefix(l, "---") || strings.HasPrefix(l, "+++") || (l[0] != '-' && l[0] != '+') {
			continue
		}
		key := strings.TrimSuffix(strings.TrimSpace(l[1:]), ",")
		if l[0] == '-' {
			minus = append(minus, l)
			count[key]++
		} else {
			plus = append(plus, l)
			count[key]--
		}
	}
	for _, l := range append(minus, plus...) {
		key := strings.TrimSuffix(strings.TrimSpace(l[1:]), ",")
		if count[key] == 0 {
			continue
		}
		words := upperWs.FindAllString(quoted.ReplaceAllString(l[1:], "?"), -1)
		if len(words) > 0 {
			if len(words) > 8 {
				words = words[:8]
			}
			return l[:1] + " " + strings.Join(words, " ")
		}
		return l[:1] + " " + mask(strings.TrimSpace(l[1:]))
	}
	if len(minus)+len(plus) > 0 {
		return "order only"
	}
	return "dumps differ"
}
