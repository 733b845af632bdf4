package converge

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dialect names a database server the suite runs on. Its value is the
// testdata directory name and the dialect name of retort's URLs.
type Dialect string

// The dialects of the suite.
const (
	Postgres Dialect = "postgres"
	MySQL    Dialect = "mysql"
	SQLite   Dialect = "sqlite"
)

// Dialects lists every dialect, in the order the suite runs them.
func Dialects() []Dialect { return []Dialect{Postgres, MySQL, SQLite} }

// Case is one convergence case: two schemas, each written as a script for the
// server's own command-line client.
type Case struct {
	// Name is the file name without ".txtar".
	Name string
	// Dialect is the directory the case lives in.
	Dialect Dialect
	// From and To are the two scripts.
	From, To string
	// Note says which grammar clause or issue attribute the case covers.
	Note string
	// NotCompared lists the kinds of object (view, trigger, function, ...)
	// both scripts hold that retort does not model: its diff must name each
	// kind in a "not compared" line, and the applied SQL must keep them.
	NotCompared []string
}

// Equal reports whether the case states that its two scripts make the same
// schema: its name starts with "equal_". Its dumps must then be equal, and
// every other case's dumps must differ, or the case is broken (it tests
// nothing, or a dump is blind to what it changes).
func (c Case) Equal() bool { return strings.HasPrefix(c.Name, "equal_") }

// Section names of a case file.
const (
	sectionFrom        = "from"
	sectionTo          = "to"
	sectionNote        = "note"
	sectionNotCompared = "not compared"
)

// ParseCase reads a case in txtar form: "-- from --" and "-- to --" hold the
// scripts; "-- note --" and "-- not compared --" (one kind a line) are
// optional. Text before the first section is ignored, an unknown or repeated
// section is an error.
func ParseCase(d Dialect, name string, data []byte) (Case, error) {
	c := Case{Name: name, Dialect: d}
	sections := map[string]*strings.Builder{}
	var cur *strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			sec := strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			switch sec {
			case sectionFrom, sectionTo, sectionNote, sectionNotCompared:
			default:
				return Case{}, fmt.Errorf("converge: %s/%s: unknown section %q (want from, to, note, not compared)", d, name, sec)
			}
			if _, dup := sections[sec]; dup {
				return Case{}, fmt.Errorf("converge: %s/%s: section %q appears twice", d, name, sec)
			}
			cur = &strings.Builder{}
			sections[sec] = cur
			continue
		}
		if cur != nil {
			cur.WriteString(line)
		}
	}
	for _, need := range []string{sectionFrom, sectionTo} {
		if _, ok := sections[need]; !ok {
			return Case{}, fmt.Errorf("converge: %s/%s: no %q section", d, name, need)
		}
	}
	c.From = sections[sectionFrom].String()
	c.To = sections[sectionTo].String()
	if b, ok := sections[sectionNote]; ok {
		c.Note = strings.TrimSpace(b.String())
	}
	if b, ok := sections[sectionNotCompared]; ok {
		for _, l := range strings.Split(b.String(), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				c.NotCompared = append(c.NotCompared, strings.ToLower(l))
			}
		}
	}
	return c, nil
}

// LoadCases reads every dir/*.txtar case, sorted by name.
func LoadCases(d Dialect, dir string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, fmt.Errorf("converge: %w", err)
	}
	sort.Strings(paths)
	cases := make([]Case, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("converge: %w", err)
		}
		c, err := ParseCase(d, strings.TrimSuffix(filepath.Base(p), ".txtar"), data)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, nil
}
