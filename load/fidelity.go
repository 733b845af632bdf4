package load

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/model"
)

// The clauses of the tag grammar for attributes issue 12 (fidelity) added:
//
//	index key:       col [collate NAME] [OPCLASS] [asc|desc] [nulls first|last]
//	index, uindex:   ... [nulls not distinct] [with (name=value, ...)] [comment 'text']
//	unique:          NAME(col, ...) [nulls not distinct] [deferrable [initially deferred]] [comment 'text']
//	                 [on conflict ACTION] (SQLite)
//	check:           NAME(EXPR) [no inherit] [not valid] [comment 'text']
//	fk:              ... [match full] [not valid] [comment 'text']
//	pk_timing=       deferrable or deferred (the table's primary key)

// extras are the trailing clauses a constraint or index may carry.
type extras struct {
	nullsNotDistinct, deferrable, deferred, noInherit, matchFull, notValid bool
	with, comment                                                          string
	onConflict                                                             model.ConflictAction
}

// parseExtra reads one clause named by kw (lower-case) from after, if
// allowed lists it; it reports whether kw was one, and the rest.
func parseExtra(kw, after string, allowed string, e *extras) (bool, string, error) {
	if !strings.Contains(" "+allowed+" ", " "+kw+" ") {
		return false, "", nil
	}
	switch kw {
	case "nulls":
		w1, r := nextWord(after)
		w2, r2 := nextWord(r)
		if !strings.EqualFold(w1, "not") || !strings.EqualFold(w2, "distinct") {
			return true, "", fmt.Errorf("want nulls not distinct, got %q", "nulls "+after)
		}
		e.nullsNotDistinct = true
		return true, r2, nil
	case "deferrable":
		d, r, err := parseInitially(after)
		e.deferrable, e.deferred = true, d
		return true, r, err
	case "no":
		w, r := nextWord(after)
		if !strings.EqualFold(w, "inherit") {
			return true, "", fmt.Errorf("want no inherit, got %q", "no "+after)
		}
		e.noInherit = true
		return true, r, nil
	case "not":
		w, r := nextWord(after)
		if !strings.EqualFold(w, "valid") {
			return true, "", fmt.Errorf("want not valid, got %q", "not "+after)
		}
		e.notValid = true
		return true, r, nil
	case "match":
		w, r := nextWord(after)
		switch strings.ToLower(w) {
		case "full":
			e.matchFull = true
		case "simple":
		default:
			return true, "", fmt.Errorf("want match full or match simple, got %q", "match "+after)
		}
		return true, r, nil
	case "with":
		_, inner, r, ok := parseCall(after)
		if !ok || !strings.HasPrefix(after, "(") {
			return true, "", fmt.Errorf("want with (name=value, ...), got %q", "with "+after)
		}
		var kvs []string
		for _, kv := range splitList(inner) {
			k, v, ok := strings.Cut(kv, "=")
			k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
			if !ok || !model.IsPlainIdent(k) || v == "" {
				return true, "", fmt.Errorf("want with (name=value, ...), got %q", kv)
			}
			kvs = append(kvs, k+"="+v)
		}
		e.with = strings.Join(kvs, ", ")
		return true, r, nil
	case "on":
		w, r := nextWord(after)
		a, r2 := nextWord(r)
		act, ok := model.ParseConflictAction(a)
		if !strings.EqualFold(w, "conflict") || !ok || act == model.ConflictDefault {
			return true, "", fmt.Errorf("want on conflict rollback|abort|fail|ignore|replace, got %q", "on "+after)
		}
		e.onConflict = act
		return true, r2, nil
	case "comment":
		s := strings.TrimSpace(after)
		if !strings.HasPrefix(s, "'") {
			return true, "", fmt.Errorf("want comment 'text', got %q", "comment "+after)
		}
		for i := 1; i < len(s); i++ {
			if s[i] != '\'' {
				continue
			}
			if i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			e.comment = unquoteSQL(s[:i+1])
			return true, strings.TrimSpace(s[i+1:]), nil
		}
		return true, "", fmt.Errorf("unterminated comment in %q", after)
	}
	return false, "", nil
}

// parseExtras reads clauses from rest until it is empty, each at most once.
func parseExtras(rest, allowed, want string) (extras, error) {
	var e extras
	seen := map[string]bool{}
	for rest != "" {
		kw, after := nextWord(rest)
		kw = strings.ToLower(kw)
		ok, r, err := parseExtra(kw, after, allowed, &e)
		if err != nil {
			return e, err
		}
		if !ok || seen[kw] {
			return e, fmt.Errorf("unexpected %q; want %s, once each", rest, want)
		}
		seen[kw] = true
		rest = r
	}
	return e, nil
}

// parseKeyModifiers reads what may follow an index key: [collate NAME]
// [OPCLASS] [nulls first|last] (ASC/DESC are read by the caller). It
// returns the key text and ok=false when the words do not fit, so the
// caller takes the whole as an expression.
func parseKeyModifiers(p string, part *model.IndexPart) (string, bool) {
	words := topLevelWords(p)
	if len(words) < 2 {
		return p, true
	}
	key, mods := words[0], words[1:]
	var coll, opc string
	var nulls model.NullsOrder
	for i := 0; i < len(mods); i++ {
		w := strings.ToLower(mods[i])
		switch {
		case w == "collate" && i+1 < len(mods) && coll == "":
			coll = mods[i+1]
			i++
		case w == "nulls" && i+1 < len(mods) && nulls == model.NullsDefault:
			switch strings.ToLower(mods[i+1]) {
			case "first":
				nulls = model.NullsFirst
			case "last":
				nulls = model.NullsLast
			default:
				return p, false
			}
			i++
		case opc == "" && isOpclassWord(mods[i]):
			opc = mods[i]
		default:
			return p, false
		}
	}
	part.Collation, part.Opclass = strings.Trim(coll, `"`), opc
	if nulls != model.NullsDefault {
		part.Nulls = nulls
	}
	if strings.Contains(coll, ".") {
		part.Collation = coll
	}
	return key, true
}

// isOpclassWord accepts an operator class name: an identifier, maybe
// schema-qualified.
func isOpclassWord(w string) bool {
	sch, n, q := strings.Cut(w, ".")
	if q {
		return model.IsPlainIdent(sch) && model.IsPlainIdent(n)
	}
	return model.IsPlainIdent(w)
}

// topLevelWords splits s at spaces outside parentheses and quotes.
func topLevelWords(s string) []string {
	var out []string
	for _, w := range model.SplitTopLevelOn(s, ' ') {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
