package load

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// tagKey is the struct tag key the loader reads.
const tagKey = "db"

// option is one option of a db tag: key=value or a bare key.
type option struct {
	// key is lower-cased.
	key      string
	value    string
	hasValue bool
}

// String renders the option as written (with the key lower-cased).
func (o option) String() string {
	if o.hasValue {
		return o.key + "=" + o.value
	}
	return o.key
}

// parseTag splits a db tag into its column name and its options. Commas
// inside parentheses or quotes do not split; an unterminated quote or an
// unbalanced parenthesis is an [ErrBadTag].
func parseTag(tag string) (name string, opts []option, err error) {
	parts, err := splitOptions(tag)
	if err != nil {
		return "", nil, err
	}
	name = strings.TrimSpace(parts[0])
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		k, v, has := strings.Cut(p, "=")
		opts = append(opts, option{
			key:      strings.ToLower(strings.TrimSpace(k)),
			value:    strings.TrimSpace(v),
			hasValue: has,
		})
	}
	return name, opts, nil
}

// splitOptions splits s on commas outside single quotes, double quotes and
// parentheses. A doubled quote inside a quoted string (SQL's escape for a
// quote) needs no special case: it closes and reopens the string.
func splitOptions(s string) ([]string, error) {
	var parts []string
	depth, start := 0, 0
	var quote byte
	quoteAt := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote, quoteAt = c, i
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("%w: unbalanced \")\" in %s", ErrBadTag, strings.TrimSpace(s[start:]))
			}
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("%w: unterminated quote in %s", ErrBadTag, strings.TrimSpace(s[segmentStart(s, quoteAt):]))
	}
	if depth > 0 {
		return nil, fmt.Errorf("%w: unclosed \"(\" in %s", ErrBadTag, strings.TrimSpace(s[start:]))
	}
	return append(parts, s[start:]), nil
}

// segmentStart returns the index just after the last top-level comma
// before pos, for error messages that quote the option at fault.
func segmentStart(s string, pos int) int {
	start, depth := 0, 0
	var quote byte
	for i := 0; i < pos; i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			start = i + 1
		}
	}
	return start
}

// unquoteSQL strips one pair of single quotes and undoubles the quotes
// inside (two single quotes become one);
// text that is not a quoted string is returned unchanged.
func unquoteSQL(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// leadingQuoted reads the single-quoted SQL string s starts with (two
// single quotes inside stand for one) and returns its text and the rest.
func leadingQuoted(s string) (text, rest string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] != '\'' {
		return "", s, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			i++
			continue
		}
		return unquoteSQL(s[:i+1]), strings.TrimSpace(s[i+1:]), true
	}
	return "", s, false
}

// stripParens removes one pair of parentheses that wraps the whole of s:
// "(a > 0 AND b > 0)" gives "a > 0 AND b > 0", "(a) + (b)" is unchanged.
func stripParens(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return s
	}
	if end, ok := matchParen(s, 0); ok && end == len(s)-1 {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// matchParen returns the index of the ")" closing the "(" at s[open],
// skipping quoted text.
func matchParen(s string, open int) (int, bool) {
	depth := 0
	var quote byte
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}

// parseCall splits "NAME(args) rest" into the name, the text between the
// outer parentheses and what follows them.
func parseCall(s string) (name, args, rest string, ok bool) {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return strings.TrimSpace(s), "", "", false
	}
	end, found := matchParen(s, open)
	if !found {
		return "", "", "", false
	}
	return strings.TrimSpace(s[:open]), s[open+1 : end], strings.TrimSpace(s[end+1:]), true
}

// splitList splits a comma-separated list outside quotes and parentheses,
// trimming each element; an empty list gives nil.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := model.SplitTopLevel(s)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// identName returns s unquoted when it is an identifier, plain or double-quoted.
func identName(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`) {
		return s[1 : len(s)-1], true
	}
	return s, model.IsPlainIdent(s)
}

// parseIndexSpec reads the table-level index grammar:
//
//	NAME(part, part, ...) [where (PREDICATE)] [using METHOD] [include (col, ...)] [comment 'text'] [invisible]
//
// NAME is a plain identifier or a double-quoted one ("ix order group").
// A part is a column ("email"), a column with a MySQL prefix length
// ("email(191)") or an expression ("lower(email)", "(a + b)"), each
// optionally followed by ASC or DESC. NAME may be empty; the caller then
// generates one. The clauses may come in any order, each at most once.
func parseIndexSpec(spec string) (model.Index, error) {
	name, args, rest, ok := parseCall(spec)
	if !ok {
		return model.Index{}, fmt.Errorf("want NAME(col, ...), got %q", spec)
	}
	ix := model.Index{Name: name}
	if name != "" {
		if ix.Name, ok = identName(name); !ok {
			return model.Index{}, fmt.Errorf("bad index name %s: write a plain identifier, or double-quote it (\"ix order group\")", name)
		}
	}
	parts := splitList(args)
	if len(parts) == 0 {
		return model.Index{}, fmt.Errorf("index %s has no columns", orGenerated(name))
	}
	for _, p := range parts {
		part, err := parseIndexPart(p)
		if err != nil {
			return model.Index{}, err
		}
		ix.Parts = append(ix.Parts, part)
	}
	seen := map[string]bool{}
	for rest != "" {
		word, after := nextWord(rest)
		kw := strings.ToLower(word)
		if seen[kw] {
			return model.Index{}, fmt.Errorf("repeated %q clause", kw)
		}
		seen[kw] = true
		switch kw {
		case "where":
			_, inner, r, ok := parseCall(after)
			if !ok || !strings.HasPrefix(after, "(") {
				return model.Index{}, fmt.Errorf("want where (PREDICATE), got %q", rest)
			}
			ix.Where, rest = strings.TrimSpace(inner), r
			if ix.Where == "" {
				return model.Index{}, fmt.Errorf("empty where ()")
			}
		case "using":
			m, r := nextWord(after)
			if !model.IsPlainIdent(m) {
				return model.Index{}, fmt.Errorf("want using METHOD, got %q", rest)
			}
			ix.Method, rest = strings.ToLower(m), r
		case "include":
			_, inner, r, ok := parseCall(after)
			if !ok || !strings.HasPrefix(after, "(") {
				return model.Index{}, fmt.Errorf("want include (col, ...), got %q", rest)
			}
			for _, c := range splitList(inner) {
				col, ok := identName(c)
				if !ok {
					return model.Index{}, fmt.Errorf("include wants column names, got %q", c)
				}
				ix.Include = append(ix.Include, col)
			}
			rest = r
		case "comment":
			text, r, ok := leadingQuoted(after)
			if !ok {
				return model.Index{}, fmt.Errorf("want comment 'text', got %q", rest)
			}
			ix.Comment, rest = text, r
		case "invisible":
			ix.Invisible, rest = true, after
		default:
			var e extras
			ok, r, err := parseExtra(kw, after, "nulls with comment", &e)
			if err != nil {
				return model.Index{}, err
			}
			if !ok {
				return model.Index{}, fmt.Errorf("unexpected %q after the columns; want where (...), using METHOD, include (...), nulls not distinct, with (...), comment 'text' or invisible", rest)
			}
			ix.NullsNotDistinct = ix.NullsNotDistinct || e.nullsNotDistinct
			if e.with != "" {
				ix.StorageParams = e.with
			}
			if e.comment != "" {
				ix.Comment = e.comment
			}
			rest = r
		}
	}
	return ix, nil
}

// parseFKSpec reads the table-level foreign key grammar:
//
//	NAME(col, ...) references [schema.]table(col, ...) [ondelete ACTION] [onupdate ACTION] [deferrable [initially deferred|immediate]]
//
// "on delete" and "on update" may also be written as two words; ACTION is
// cascade, restrict, set null, set default or no action (also with "_").
// deferrable is the SQL standard's DEFERRABLE (PostgreSQL, SQLite), by
// default INITIALLY IMMEDIATE.
// NAME may be empty; the caller then generates one.
func parseFKSpec(spec string) (model.ForeignKey, error) {
	name, args, rest, ok := parseCall(spec)
	if ok && name != "" {
		name, ok = identName(name)
	}
	if !ok {
		return model.ForeignKey{}, fmt.Errorf("want NAME(col, ...) references table(col, ...) (NAME a plain identifier or double-quoted)")
	}
	fk := model.ForeignKey{Name: name}
	cols, err := identList(args)
	if err != nil {
		return model.ForeignKey{}, err
	}
	fk.Columns = cols
	word, after := nextWord(rest)
	if !strings.EqualFold(word, "references") {
		return model.ForeignKey{}, fmt.Errorf("want references table(col, ...) after the columns, got %q", rest)
	}
	target, refArgs, rest, ok := parseCall(after)
	if !ok {
		return model.ForeignKey{}, fmt.Errorf("want references table(col, ...), got %q", after)
	}
	parts := strings.Split(target, ".")
	if len(parts) > 2 || !model.IsPlainIdent(parts[len(parts)-1]) || (len(parts) == 2 && !model.IsPlainIdent(parts[0])) {
		return model.ForeignKey{}, fmt.Errorf("bad referenced table %q", target)
	}
	if len(parts) == 2 {
		fk.RefSchema = parts[0]
	}
	fk.RefTable = parts[len(parts)-1]
	if fk.RefColumns, err = identList(refArgs); err != nil {
		return model.ForeignKey{}, err
	}
	if len(fk.RefColumns) != len(fk.Columns) {
		return model.ForeignKey{}, fmt.Errorf("%d columns reference %d columns", len(fk.Columns), len(fk.RefColumns))
	}
	seen := map[string]bool{}
	for rest != "" {
		kw, after := nextWord(rest)
		kw = strings.ToLower(kw)
		if kw == "on" {
			var w string
			w, after = nextWord(after)
			kw += strings.ToLower(w)
		}
		if (kw == "match" || kw == "comment" || kw == "not") && !seen[kw] {
			seen[kw] = true
			var e extras
			if _, rest, err = parseExtra(kw, after, "match not comment", &e); err != nil {
				return model.ForeignKey{}, err
			}
			fk.MatchFull = fk.MatchFull || e.matchFull
			fk.NotValid = fk.NotValid || e.notValid
			if e.comment != "" {
				fk.Comment = e.comment
			}
			continue
		}
		if kw == "deferrable" && !seen[kw] {
			seen[kw] = true
			if fk.InitiallyDeferred, rest, err = parseInitially(after); err != nil {
				return model.ForeignKey{}, err
			}
			fk.Deferrable = true
			continue
		}
		if (kw != "ondelete" && kw != "onupdate") || seen[kw] {
			return model.ForeignKey{}, fmt.Errorf("unexpected %q; want ondelete ACTION, onupdate ACTION, deferrable, match full, not valid or comment '...', once each", rest)
		}
		seen[kw] = true
		w, r := nextWord(after)
		if lw := strings.ToLower(w); lw == "set" || lw == "no" {
			var w2 string
			w2, r = nextWord(r)
			w += " " + w2
		}
		act, ok := model.ParseReferenceAction(w)
		if !ok || w == "" {
			return model.ForeignKey{}, fmt.Errorf("bad action %q; want cascade, restrict, set null, set default or no action", w)
		}
		if kw == "ondelete" {
			fk.OnDelete = act
		} else {
			fk.OnUpdate = act
		}
		rest = r
	}
	return fk, nil
}

// parseInitially reads the optional "initially deferred" or "initially
// immediate" after deferrable; it reports whether the key is initially
// deferred, and the text after it.
func parseInitially(s string) (bool, string, error) {
	w, after := nextWord(s)
	if !strings.EqualFold(w, "initially") {
		return false, s, nil
	}
	when, rest := nextWord(after)
	switch strings.ToLower(when) {
	case "deferred":
		return true, rest, nil
	case "immediate":
		return false, rest, nil
	}
	return false, "", fmt.Errorf("bad %q after initially; want deferred or immediate", when)
}

// identList reads a non-empty list of column names.
func identList(s string) ([]string, error) {
	var cols []string
	for _, c := range splitList(s) {
		col, ok := identName(c)
		if !ok {
			return nil, fmt.Errorf("want column names, got %q", c)
		}
		cols = append(cols, col)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no columns")
	}
	return cols, nil
}

// parseIndexPart reads one index key: column, column(N) or expression, with
// an optional ASC/DESC.
func parseIndexPart(p string) (model.IndexPart, error) {
	var part model.IndexPart
	p = strings.TrimSpace(p)
	lower := strings.ToLower(p)
	for _, n := range []struct {
		suffix string
		order  model.NullsOrder
	}{{" nulls first", model.NullsFirst}, {" nulls last", model.NullsLast}} {
		if strings.HasSuffix(lower, n.suffix) {
			part.Nulls = n.order
			p = strings.TrimSpace(p[:len(p)-len(n.suffix)])
			lower = strings.ToLower(p)
		}
	}
	switch {
	case strings.HasSuffix(lower, " desc"):
		part.Desc = true
		p = strings.TrimSpace(p[:len(p)-len(" desc")])
	case strings.HasSuffix(lower, " asc"):
		p = strings.TrimSpace(p[:len(p)-len(" asc")])
	}
	if p == "" {
		return model.IndexPart{}, fmt.Errorf("empty index column")
	}
	if key, ok := parseKeyModifiers(p, &part); ok {
		p = key
	} else {
		part.Collation, part.Opclass = "", ""
	}
	if col, ok := identName(p); ok {
		part.Column = col
		return part, nil
	}
	if name, args, rest, ok := parseCall(p); ok && rest == "" && model.IsPlainIdent(name) {
		if n, err := strconv.Atoi(strings.TrimSpace(args)); err == nil && n > 0 {
			part.Column, part.Length = name, n
			return part, nil
		}
	}
	part.Expr = stripParens(p)
	return part, nil
}

// nextWord returns the leading run of identifier characters of s (after
// spaces) and the rest, trimmed.
func nextWord(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] == '$' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// orGenerated names an index in messages, or says its name is generated.
func orGenerated(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return strconv.Quote(name)
}
