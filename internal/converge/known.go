package converge

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

// KnownFailure is one line of a known_failures.txt: a case retort does not
// pass yet, and why.
type KnownFailure struct {
	// Case is the case's name (its file name without ".txtar").
	Case string
	// Reason is the text after "reason:": the failing stage and a short
	// category, for the engineers who fix it.
	Reason string
}

// KnownFailures is the ratchet of one dialect: the cases that may fail.
// A listed case that passes is an error too, so the list only shrinks.
type KnownFailures struct {
	list []KnownFailure
}

// ReadKnownFailures reads a known_failures.txt: one "case  reason: text" a
// line, "#" comments and blank lines ignored. A missing file is an empty
// list.
func ReadKnownFailures(path string) (KnownFailures, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return KnownFailures{}, nil
	}
	if err != nil {
		return KnownFailures{}, fmt.Errorf("converge: %w", err)
	}
	return ParseKnownFailures(path, data)
}

// ParseKnownFailures parses the text of a known_failures.txt; name is used
// in errors.
func ParseKnownFailures(name string, data []byte) (KnownFailures, error) {
	var k KnownFailures
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, rest, _ := strings.Cut(line, " ")
		reason, ok := strings.CutPrefix(strings.TrimSpace(rest), "reason:")
		if !ok || strings.TrimSpace(reason) == "" {
			return KnownFailures{}, fmt.Errorf("converge: %s:%d: want \"CASE  reason: TEXT\", got %q", name, n, line)
		}
		if seen[c] {
			return KnownFailures{}, fmt.Errorf("converge: %s:%d: %s is listed twice", name, n, c)
		}
		seen[c] = true
		k.list = append(k.list, KnownFailure{Case: c, Reason: strings.TrimSpace(reason)})
	}
	return k, sc.Err()
}

// Lookup returns the reason a case is listed for.
func (k KnownFailures) Lookup(name string) (string, bool) {
	for _, f := range k.list {
		if f.Case == name {
			return f.Reason, true
		}
	}
	return "", false
}

// List returns the entries in file order.
func (k KnownFailures) List() []KnownFailure { return append([]KnownFailure(nil), k.list...) }

// knownHeader opens every known_failures.txt.
const knownHeader = `# Cases of this directory retort does not pass yet, one a line:
#   CASE  reason: STAGE: [category] what goes wrong
# TestConverge fails when a case not listed here fails, and when a listed case
# passes: remove its line when you fix it. The list only shrinks.
# After adding cases, regenerate it from a run (reasons already written are
# kept; review the new ones like code):
#   go test ./internal/converge -run TestConverge -converge.update-known
`

// FormatKnownFailures renders entries as a known_failures.txt, sorted by case.
func FormatKnownFailures(entries []KnownFailure) []byte {
	sorted := append([]KnownFailure(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Case < sorted[j].Case })
	width := 0
	for _, e := range sorted {
		width = max(width, len(e.Case))
	}
	var b bytes.Buffer
	b.WriteString(knownHeader)
	for _, e := range sorted {
		fmt.Fprintf(&b, "%-*s  reason: %s\n", width, e.Case, e.Reason)
	}
	return b.Bytes()
}
