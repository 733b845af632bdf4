package safety

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// widensDropped reports whether o adds back a check that an earlier op of
// the list dropped from the same table, written X IN (...) with the same
// X and every value the dropped one allowed (an enum value added on a
// dialect that keeps enums as a CHECK): every row passed the old check,
// so none can fail the new one.
func (a *analysis) widensDropped(o ops.AddCheck) bool {
	for i := a.at - 1; i >= 0; i-- {
		d, ok := a.list[i].(ops.DropCheck)
		if !ok || d.Schema != o.Schema || !strings.EqualFold(d.Table, o.Table) || d.Check.Name != o.Check.Name {
			continue
		}
		return inListWidens(a.d.NormalizeExpr(d.Check.Expr), a.d.NormalizeExpr(o.Check.Expr))
	}
	return false
}

// inListWidens reports whether two expressions in one normal form are
// X IN (a, b) and X IN (a, b, ...) with the same X.
func inListWidens(old, new string) bool {
	ox, ov, ok1 := splitInList(old)
	nx, nv, ok2 := splitInList(new)
	if !ok1 || !ok2 || ox != nx {
		return false
	}
	for _, v := range ov {
		if !slices.Contains(nv, v) {
			return false
		}
	}
	return true
}

// splitInList splits "X IN (v1, v2)" (any keyword case) into X and the
// values; ok is false for any other shape, NOT IN included.
func splitInList(e string) (x string, values []string, ok bool) {
	e = strings.TrimSpace(e)
	for strings.HasPrefix(e, "(") && closing(e, 0) == len(e)-1 {
		e = strings.TrimSpace(e[1 : len(e)-1])
	}
	at := -1
	depth, quoted := 0, false
	for i := 0; i < len(e); i++ {
		switch c := e[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && (c == ' ') && i+4 <= len(e) && strings.EqualFold(e[i:i+4], " in "):
			if at >= 0 {
				return "", nil, false
			}
			at = i
		}
	}
	if at < 0 {
		return "", nil, false
	}
	x = strings.TrimSpace(e[:at])
	rest := strings.TrimSpace(e[at+4:])
	if x == "" || strings.HasSuffix(strings.ToLower(x), " not") || !strings.HasPrefix(rest, "(") || closing(rest, 0) != len(rest)-1 {
		return "", nil, false
	}
	values = model.SplitTopLevel(rest[1 : len(rest)-1])
	for i := range values {
		values[i] = strings.TrimSpace(values[i])
	}
	return x, values, true
}

// closing returns the index of the parenthesis that closes the one at
// open, or -1; quoted text is skipped.
func closing(s string, open int) int {
	depth, quoted := 0, false
	for i := open; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}
