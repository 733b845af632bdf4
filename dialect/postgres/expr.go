package postgres

import (
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
)

// NormalizeExpr returns a canonical form of an SQL expression, so that what a
// user writes and what pg_get_expr or pg_get_constraintdef give back compare
// equal. It lower-cases keywords and unquoted identifiers, unquotes
// identifiers that need no quotes, drops casts of literals
// ('a'::text, (0)::numeric, ARRAY['a'::text]::text[]) and casts to text types
// (the implicit varchar → text casts PostgreSQL shows), drops parentheses that
// operator precedence makes redundant, rewrites "= ANY (ARRAY[...])" as
// "IN (...)" and "<> ALL (ARRAY[...])" as "NOT IN (...)" (and a one-element
// list as = or <>, as PostgreSQL stores it), reads ~~ as LIKE,
// reads "x BETWEEN a AND b" (simple operands) as PostgreSQL stores it,
// "x >= a AND x <= b", and normalises spacing. The result is meant for comparison, not execution.
func (*Dialect) NormalizeExpr(expr string) string { return normalizeExpr(expr) }

func normalizeExpr(expr string) string {
	toks := tokenize(expr)
	toks = stripCasts(toks)
	toks = rewriteBetween(toks)
	for {
		next, changed := dropParens(toks)
		toks = next
		if !changed {
			break
		}
	}
	toks = rewriteAny(toks)
	return join(toks)
}

type tokKind int

const (
	tWord   tokKind = iota // keyword or unquoted identifier, lower-cased
	tIdent                 // quoted identifier, kept quoted
	tString                // string literal, with its quotes
	tNumber
	tOp    // operator characters
	tPunct // ( ) [ ] , . ::
)

type token struct {
	kind tokKind
	text string
}

// opChars are the characters a PostgreSQL operator is made of; a run of
// them is one operator.
const opChars = "+-*/<>=~!@#%^&|`?"

// lexRules are PostgreSQL's lexical rules ([Dialect.LexRules]).
func lexRules() sqllex.Rules {
	return sqllex.Rules{EStrings: true, DollarQuotes: true, NestedComments: true, OperatorChars: opChars, Operators: []string{"::"}}
}

// tokenize lexes s with PostgreSQL's rules and normalises each token:
// words lower-cased, quoted identifiers unquoted when they need no quotes,
// != as <>, and ~~ (with its variants) as LIKE.
func tokenize(s string) []token {
	var toks []token
	for _, t := range sqllex.Lex(s, lexRules()) {
		switch t.Kind {
		case sqllex.Word:
			toks = append(toks, token{tWord, strings.ToLower(t.Text)})
		case sqllex.Ident:
			if q := quoteIdent(t.Value); !strings.HasPrefix(q, `"`) {
				toks = append(toks, token{tWord, t.Value})
			} else {
				toks = append(toks, token{tIdent, q})
			}
		case sqllex.String:
			toks = append(toks, token{tString, t.Text})
		case sqllex.Number:
			toks = append(toks, token{tNumber, t.Text})
		case sqllex.Punct:
			toks = append(toks, token{tPunct, t.Text})
		default:
			toks = appendOp(toks, t.Text)
		}
	}
	return toks
}

// appendOp appends the operator op: [ ] : and :: are punctuation, the LIKE
// operators (~~, ~~*, !~~, !~~*) their keywords, != is <>, and a character
// that is no operator's (a brace) a word, as PostgreSQL prints none of them.
func appendOp(toks []token, op string) []token {
	switch op {
	case "[", "]", ":", "::":
		return append(toks, token{tPunct, op})
	case "!=":
		return append(toks, token{tOp, "<>"})
	case "~~":
		return append(toks, token{tWord, "like"})
	case "~~*":
		return append(toks, token{tWord, "ilike"})
	case "!~~":
		return append(toks, token{tWord, "not"}, token{tWord, "like"})
	case "!~~*":
		return append(toks, token{tWord, "not"}, token{tWord, "ilike"})
	}
	if strings.IndexByte(opChars, op[0]) < 0 {
		return append(toks, token{tWord, strings.ToLower(op)})
	}
	return append(toks, token{tOp, op})
}

// typeWords continue a multi-word type name after a cast.
var typeWords = map[string]bool{"varying": true, "precision": true, "with": true, "without": true, "time": true, "zone": true}

// textTypes are casts PostgreSQL adds implicitly between string types.
var textTypes = map[string]bool{"text": true, "character varying": true, "varchar": true, "bpchar": true, "character": true, "name": true}

// stripCasts removes casts of literals and casts to text types; other casts
// stay, with their type normalised.
func stripCasts(toks []token) []token {
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tPunct || t.text != "::" {
			out = append(out, t)
			continue
		}
		// Read the type name.
		j := i + 1
		var parts []string
		for j < len(toks) {
			tk := toks[j]
			if tk.kind == tWord || tk.kind == tIdent {
				if len(parts) > 0 && !typeWords[tk.text] && parts[len(parts)-1] != "." {
					break
				}
				parts = append(parts, tk.text)
				j++
				continue
			}
			if tk.kind == tPunct && tk.text == "." && len(parts) > 0 {
				parts = append(parts, ".")
				j++
				continue
			}
			break
		}
		if j < len(toks) && toks[j].text == "(" && toks[j].kind == tPunct {
			depth := 0
			for ; j < len(toks); j++ {
				parts = append(parts, toks[j].text)
				if toks[j].text == "(" {
					depth++
				} else if toks[j].text == ")" {
					depth--
					if depth == 0 {
						j++
						break
					}
				}
			}
		}
		arr := false
		for j+1 < len(toks) && toks[j].text == "[" && toks[j+1].text == "]" {
			arr = true
			j += 2
		}
		typ := strings.Join(parts, " ")
		typ = strings.ReplaceAll(typ, " . ", ".")
		typ = strings.ReplaceAll(typ, " ( ", "(")
		typ = strings.ReplaceAll(typ, " )", ")")
		typ = strings.ReplaceAll(typ, " , ", ",")
		i = j - 1
		base := strings.Join(strings.Fields(typ), " ")
		if textTypes[base] || literalOperand(out) {
			last := len(out) - 1
			if last >= 0 && out[last].kind == tString && familyOf(base) == familyNumber {
				if v, ok := unquote(out[last].text); ok && numberLit.MatchString(v) {
					out = append(out[:last], tokenize(strings.TrimPrefix(v, "+"))...)
				}
			}
			continue
		}
		name := normalizeType(typ)
		if arr {
			name += "[]"
		}
		out = append(out, token{tPunct, "::"}, token{tWord, name})
	}
	return out
}

// literalOperand reports whether the operand ending out is a literal, NULL,
// or a bracketed group of literals.
func literalOperand(out []token) bool {
	if len(out) == 0 {
		return false
	}
	last := out[len(out)-1]
	switch last.kind {
	case tString, tNumber:
		return true
	case tWord:
		return last.text == "null" || last.text == "true" || last.text == "false"
	case tPunct:
		if last.text != ")" && last.text != "]" {
			return false
		}
	default:
		return false
	}
	open := matchOpen(out, len(out)-1)
	if open < 0 {
		return false
	}
	if last.text == "]" && open > 0 && out[open-1].text == "array" {
		open--
	}
	for _, t := range out[open : len(out)-1] {
		switch t.kind {
		case tString, tNumber:
		case tOp:
			if t.text != "-" && t.text != "+" {
				return false
			}
		case tPunct:
			if t.text == "::" || t.text == "." {
				return false
			}
		case tWord:
			if t.text != "array" && t.text != "null" && t.text != "true" && t.text != "false" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// matchOpen returns the index of the bracket that the one at close closes.
func matchOpen(toks []token, close int) int {
	want := "("
	if toks[close].text == "]" {
		want = "["
	}
	depth := 0
	for i := close; i >= 0; i-- {
		if toks[i].kind != tPunct {
			continue
		}
		switch toks[i].text {
		case ")", "]":
			depth++
		case "(", "[":
			depth--
			if depth == 0 {
				if toks[i].text != want {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

func matchClose(toks []token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		if toks[i].kind != tPunct {
			continue
		}
		switch toks[i].text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// Operator precedences, lowest first, as PostgreSQL parses them.
const (
	precNone = 0
	precOr   = 1 + iota
	precAnd
	precNot
	precIs
	precCmp
	precLike
	precOther
	precAdd
	precMul
	precExp
	precUnary
	precCast
	precAtom = 100
)

// nonGroupingWords precede a parenthesis that is not a grouping one: a
// list or a subquery.
var nonGroupingWords = map[string]bool{"in": true, "any": true, "all": true, "some": true, "exists": true, "array": true, "values": true}

// boundaryWords behave like a bracket around what they separate.
var boundaryWords = map[string]bool{"case": true, "when": true, "then": true, "else": true, "end": true, "select": true, "where": true}

func binaryPrec(t token) int {
	switch t.kind {
	case tOp:
		switch t.text {
		case "=", "<", ">", "<=", ">=", "<>":
			return precCmp
		case "+", "-":
			return precAdd
		case "*", "/", "%":
			return precMul
		case "^":
			return precExp
		}
		return precOther
	case tWord:
		switch t.text {
		case "or":
			return precOr
		case "and":
			return precAnd
		case "not":
			return precNot
		case "is", "isnull", "notnull":
			return precIs
		case "like", "ilike", "similar", "in", "between":
			return precLike
		case "collate", "at":
			return precUnary
		}
	case tPunct:
		if t.text == "::" {
			return precCast
		}
	}
	return -1
}

// innerPrec is the lowest precedence of an operator at the top level of
// toks; precAtom when there is none.
func innerPrec(toks []token) int {
	p := precAtom
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tPunct && (t.text == "(" || t.text == "[") {
			i = matchClose(toks, i)
			if i < 0 {
				return precNone
			}
			continue
		}
		if t.kind == tPunct && t.text == "," {
			return precNone
		}
		if t.kind == tWord && boundaryWords[t.text] {
			return precNone
		}
		bp := binaryPrec(t)
		if bp < 0 {
			continue
		}
		if t.kind == tOp && (t.text == "-" || t.text == "+") && (i == 0 || isOperatorTok(toks[i-1])) {
			bp = precUnary
		}
		if bp < p {
			p = bp
		}
	}
	return p
}

func isOperatorTok(t token) bool {
	return binaryPrec(t) >= 0 || (t.kind == tPunct && (t.text == "(" || t.text == ","))
}

// dropParens removes the first redundant grouping parenthesis pair it finds.
func dropParens(toks []token) ([]token, bool) {
	for open := 0; open < len(toks); open++ {
		if toks[open].kind != tPunct || toks[open].text != "(" {
			continue
		}
		if open > 0 {
			prev := toks[open-1]
			if prev.kind == tIdent || (prev.kind == tWord && binaryPrec(prev) < 0 && !boundaryWords[prev.text]) || nonGroupingWords[prev.text] {
				continue // a call, a list or a subquery
			}
		}
		close := matchClose(toks, open)
		if close < 0 {
			return toks, false
		}
		inner := toks[open+1 : close]
		if len(inner) == 0 || (len(inner) > 0 && inner[0].kind == tWord && inner[0].text == "select") {
			continue
		}
		pIn := innerPrec(inner)
		pL := precNone
		if open > 0 {
			prev := toks[open-1]
			if bp := binaryPrec(prev); bp >= 0 {
				pL = bp
				if prev.kind == tOp && (prev.text == "-" || prev.text == "+") && (open == 1 || isOperatorTok(toks[open-2])) {
					pL = precUnary
				}
			}
		}
		pR := precNone
		if close+1 < len(toks) {
			if bp := binaryPrec(toks[close+1]); bp >= 0 {
				pR = bp
			} else if toks[close+1].kind == tPunct && toks[close+1].text == "[" {
				pR = precCast
			}
		}
		if pIn > pL && pIn >= pR && pIn > precNone {
			out := make([]token, 0, len(toks)-2)
			out = append(out, toks[:open]...)
			out = append(out, inner...)
			out = append(out, toks[close+1:]...)
			return out, true
		}
	}
	return toks, false
}

func join(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			prev := toks[i-1]
			space := true
			switch {
			case prev.kind == tPunct && (prev.text == "(" || prev.text == "[" || prev.text == "." || prev.text == "::"):
				space = false
			case t.kind == tPunct && (t.text == ")" || t.text == "]" || t.text == "," || t.text == "." || t.text == "::" || t.text == "["):
				space = false
			case prev.kind == tOp && (prev.text == "-" || prev.text == "+") && (i == 1 || isOperatorTok(toks[i-2])):
				space = false
			case t.kind == tPunct && t.text == "(" && (prev.kind == tIdent || (prev.kind == tWord && binaryPrec(prev) < 0 && !nonGroupingWords[prev.text] && !boundaryWords[prev.text])):
				space = false
			}
			if space {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.text)
	}
	return b.String()
}
