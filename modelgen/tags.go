package modelgen

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// safeValue reports whether s survives the db tag's option splitter as
// one value: quotes (single and double) and parentheses balanced, no comma
// outside them, and no surrounding space (the parser trims it).
func safeValue(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
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
			if depth < 0 {
				return false
			}
		case c == ',' && depth == 0:
			return false
		}
	}
	return quote == 0 && depth == 0
}

// wrapped returns expr in one pair of parentheses, which the loader strips
// from check=, generated= and index_where= expressions; the parentheses
// also keep its commas inside one option.
func wrapped(expr string) string {
	return "(" + strings.TrimSpace(expr) + ")"
}

// quoteSQL writes text as an SQL string literal: single quotes, inner
// quotes doubled (comments and enum values).
func quoteSQL(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// colRef writes a column name inside a table option's column list: as is
// when it is an identifier, else double-quoted; ok is false when neither
// can hold it.
func colRef(name string) (string, bool) {
	if model.IsPlainIdent(name) {
		return name, true
	}
	if name == "" || strings.ContainsAny(name, `"`) || strings.TrimSpace(name) != name {
		return "", false
	}
	return `"` + name + `"`, true
}

// colList writes a comma-separated column list; ok is false when a name
// cannot be written.
func colList(names []string) (string, bool) {
	parts := make([]string, len(names))
	for i, n := range names {
		r, ok := colRef(n)
		if !ok {
			return "", false
		}
		parts[i] = r
	}
	return strings.Join(parts, ", "), true
}

// columnNameOK reports whether a column name can be the first element of
// a db tag: one value, no "=" (read as an option), not "-" (no column).
func columnNameOK(name string) bool {
	return safeValue(name) && !strings.Contains(name, "=") && name != "-"
}

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }
