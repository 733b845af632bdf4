package render

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// ErrFileTemplate is wrapped by the errors of [ParseFileTemplate].
var ErrFileTemplate = errors.New("render: bad revision file name template")

// DefaultFileTemplate is the file name template of an empty
// migrate.Env.FileTemplate: the revision id, then the message's slug.
const DefaultFileTemplate = "{rev}_{slug}"

// fileFields are the placeholders of a file name template, with the date
// layout each one takes from the Create Date ("" for rev and slug).
var fileFields = map[string]string{
	"rev": "", "slug": "",
	"year": "2006", "month": "01", "day": "02", "hour": "15", "minute": "04", "second": "05",
}

// literal is what a template may hold between placeholders.
var literal = regexp.MustCompile(`^[A-Za-z0-9_.-]*$`)

// FileTemplate names revision files (Alembic's file_template): text with
// the placeholders {rev}, {slug}, {year}, {month}, {day}, {hour}, {minute}
// and {second}, e.g. "{year}{month}{day}_{rev}_{slug}"; ".go" is added.
// The zero value is [DefaultFileTemplate].
type FileTemplate struct {
	// parts alternate literal text and placeholder names, literal first.
	parts []string
}

// ParseFileTemplate reads a file name template; "" is the default. It
// must hold {rev} once (so that a revision is found by its file), at
// most one {slug}, only known placeholders, and between them only
// letters, digits, '_', '-' and '.'; it may not start with '_' or '.'
// (the go tool ignores such files).
func ParseFileTemplate(s string) (FileTemplate, error) {
	if s == "" {
		s = DefaultFileTemplate
	}
	var t FileTemplate
	rest := s
	count := map[string]int{}
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			t.parts = append(t.parts, rest)
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return FileTemplate{}, fmt.Errorf("%w %q: unclosed {", ErrFileTemplate, s)
		}
		name := rest[i+1 : i+j]
		if _, ok := fileFields[name]; !ok {
			return FileTemplate{}, fmt.Errorf("%w %q: unknown placeholder {%s}; use {rev}, {slug}, {year}, {month}, {day}, {hour}, {minute} or {second}", ErrFileTemplate, s, name)
		}
		count[name]++
		t.parts = append(t.parts, rest[:i], name)
		rest = rest[i+j+1:]
	}
	for i := 0; i < len(t.parts); i += 2 {
		if !literal.MatchString(t.parts[i]) {
			return FileTemplate{}, fmt.Errorf("%w %q: %q: only letters, digits, '_', '-' and '.' may stand between placeholders", ErrFileTemplate, s, t.parts[i])
		}
	}
	switch {
	case count["rev"] != 1:
		return FileTemplate{}, fmt.Errorf("%w %q: it must hold {rev} exactly once", ErrFileTemplate, s)
	case count["slug"] > 1:
		return FileTemplate{}, fmt.Errorf("%w %q: {slug} appears twice", ErrFileTemplate, s)
	case t.parts[0] == "" && t.parts[1] == "slug":
		return FileTemplate{}, fmt.Errorf("%w %q: it may not start with {slug}, which is empty for a message without letters or digits", ErrFileTemplate, s)
	case strings.HasPrefix(t.parts[0], "_") || strings.HasPrefix(t.parts[0], "."):
		return FileTemplate{}, fmt.Errorf("%w %q: a name starting with '_' or '.' is ignored by the go tool", ErrFileTemplate, s)
	}
	return t, nil
}

// Name returns the file name of revision id with message, created at date
// (in the zone the header writes it in).
func (t FileTemplate) Name(id, message string, date time.Time) string {
	if t.parts == nil {
		return FileName(id, message)
	}
	slug := Slug(message)
	var b strings.Builder
	for i, p := range t.parts {
		if i%2 == 0 {
			b.WriteString(p)
			continue
		}
		switch p {
		case "rev":
			b.WriteString(id)
		case "slug":
			b.WriteString(slug)
		default:
			b.WriteString(date.Format(fileFields[p]))
		}
	}
	name := b.String()
	// An empty slug leaves a separator dangling: "a1_" -> "a1".
	name = strings.TrimRight(name, "_-.")
	return name + ".go"
}

// Matches reports whether a file named name may hold revision id: the
// template with id in place of {rev}, any slug and any date.
func (t FileTemplate) Matches(name, id string) bool {
	if t.parts == nil {
		t, _ = ParseFileTemplate("")
	}
	var b strings.Builder
	b.WriteString("^")
	for i, p := range t.parts {
		if i%2 == 0 {
			if i+1 < len(t.parts) && t.parts[i+1] == "slug" {
				// An empty slug drops the separator before it.
				b.WriteString(`(?:` + regexp.QuoteMeta(p) + `[a-z0-9_]+)?`)
				continue
			}
			b.WriteString(regexp.QuoteMeta(p))
			continue
		}
		switch p {
		case "rev":
			b.WriteString(regexp.QuoteMeta(id))
		case "slug":
		case "year":
			b.WriteString(`[0-9]{4}`)
		default:
			b.WriteString(`[0-9]{2}`)
		}
	}
	b.WriteString(`[_.-]*\.go$`)
	ok, _ := regexp.MatchString(b.String(), name)
	return ok
}

// Slug returns the file-name form of a message: lower-case words of
// letters and digits joined by '_', at most 40 characters.
func Slug(message string) string {
	name := FileName("x", message)
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "x"), "_"), ".go")
}

// createDate writes the header's Create Date: in UTC, or in rev.Zone with
// its offset and name.
func createDate(rev Revision) string {
	if rev.Zone == nil || rev.Zone == time.UTC {
		return rev.CreateDate.UTC().Format(dateLayout)
	}
	return rev.CreateDate.In(rev.Zone).Format("2006-01-02 15:04:05 -07:00") + " " + rev.Zone.String()
}

// IsDefault reports whether t is [DefaultFileTemplate].
func (t FileTemplate) IsDefault() bool {
	return t.parts == nil || t.String() == DefaultFileTemplate
}

// String returns the template as written.
func (t FileTemplate) String() string {
	if t.parts == nil {
		return DefaultFileTemplate
	}
	var b strings.Builder
	for i, p := range t.parts {
		if i%2 == 1 {
			p = "{" + p + "}"
		}
		b.WriteString(p)
	}
	return b.String()
}
