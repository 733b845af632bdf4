package mysql

import (
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
)

// token is one lexical token of an SQL expression.
type token struct {
	text string
	kind tokKind
}

type tokKind int

const (
	tokWord tokKind = iota // identifier, keyword, function name
	tokString
	tokNumber
	tokOp
	tokOpen
	tokClose
	tokComma
)

// NormalizeExpr returns the canonical form of an expression as MySQL or
// MariaDB give it back in CHECK_CONSTRAINTS.CHECK_CLAUSE,
// COLUMNS.GENERATION_EXPRESSION and defaults: identifiers lose their
// backticks, keywords and identifiers are lower-cased, charset introducers
// (_utf8mb4'x') are dropped, string literals are re-quoted one way,
// whitespace is one space between tokens, != is <>, && and || are and/or,
// functions MariaDB stores under another name are spelled as it stores
// them (length is octet_length, lower lcase: see functionSynonyms),
// and parentheses that precedence makes redundant (MySQL 8 adds them
// everywhere) are removed.
func (d *Dialect) NormalizeExpr(expr string) string {
	toks := canonicalFunctions(tokenize(expr))
	toks = dropRedundantParens(toks)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			prev := toks[i-1]
			switch {
			case t.kind == tokOpen && prev.kind == tokWord && !isKeywordOp(prev.text):
			case prev.kind == tokOpen, t.kind == tokClose, t.kind == tokComma:
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// tokenize lexes an expression with MySQL's rules and normalises each
// token: words and `identifiers` lower-cased and unquoted, string literals
// re-quoted one way without their charset introducer, != as <>, && and ||
// as and and or.
func tokenize(s string) []token {
	var out []token
	for _, t := range sqllex.Lex(unescapeClause(s), lexRules()) {
		switch t.Kind {
		case sqllex.Ident:
			out = append(out, token{strings.ToLower(t.Value), tokWord})
		case sqllex.String:
			// A charset introducer (_utf8mb4'x') does not change the value.
			if n := len(out); n > 0 && out[n-1].kind == tokWord && strings.HasPrefix(out[n-1].text, "_") {
				out = out[:n-1]
			}
			out = append(out, token{quoteString(unquote(t.Text)), tokString})
		case sqllex.Number:
			out = append(out, token{strings.ToLower(t.Text), tokNumber})
		case sqllex.Word:
			kind := tokWord
			if t.Text[0] >= '0' && t.Text[0] <= '9' {
				kind = tokNumber // 1col: MySQL's identifier, read like a number as before
			}
			out = append(out, token{strings.ToLower(t.Text), kind})
		default:
			out = append(out, opToken(t.Text))
		}
	}
	return out
}

// opToken is the token of punctuation or an operator.
func opToken(op string) token {
	switch op {
	case "(":
		return token{"(", tokOpen}
	case ")":
		return token{")", tokClose}
	case ",":
		return token{",", tokComma}
	case "!=":
		return token{"<>", tokOp}
	case "&&":
		return token{"and", tokOp}
	case "||":
		return token{"or", tokOp}
	}
	return token{op, tokOp}
}

// lexRules are MySQL's lexical rules ([Dialect.LexRules]).
func lexRules() sqllex.Rules {
	return sqllex.Rules{Backticks: true, DoubleQuotedStrings: true, BackslashEscapes: true,
		HashComments: true, DashCommentNeedsSpace: true, ExecutableComments: true, DigitIdentifiers: true, Operators: multiOps}
}

// multiOps are the operators longer than one character, longest first.
var multiOps = []string{"<=>", "->>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", ":=", "->"}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// precedence of binary operators, low to high; 0 means "not an operator".
func precedence(t token) int {
	switch t.text {
	case "or", "xor":
		return 1
	case "and":
		return 2
	case "not":
		return 3
	case "=", "<=>", "<>", "<", ">", "<=", ">=", "is", "like", "in", "between", "regexp", "rlike":
		return 4
	case "|":
		return 5
	case "&":
		return 6
	case "<<", ">>":
		return 7
	case "+", "-":
		return 8
	case "*", "/", "div", "mod", "%":
		return 9
	case "^":
		return 10
	}
	return 0
}

// isKeywordOp reports words that are operators, not function names, so a
// following parenthesis is a group, not a call: "in (1,2)", "and (a)".
func isKeywordOp(w string) bool {
	switch w {
	case "and", "or", "xor", "not", "is", "like", "in", "between", "regexp", "rlike", "div", "mod", "then", "else", "when", "case":
		return true
	}
	return false
}

// dropRedundantParens removes grouping parentheses that do not change the
// meaning: around the whole expression, around a single operand, and around
// an operand whose operators all bind tighter than the ones beside it.
func dropRedundantParens(toks []token) []token {
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(toks); i++ {
			if toks[i].kind != tokOpen {
				continue
			}
			if i > 0 && toks[i-1].kind == tokWord && !isKeywordOp(toks[i-1].text) {
				continue // a function call
			}
			if i > 0 && toks[i-1].text == "in" {
				continue // IN (list)
			}
			j := matchParen(toks, i)
			if j < 0 {
				continue
			}
			inner := toks[i+1 : j]
			if len(inner) == 0 || hasTopLevelComma(inner) {
				continue
			}
			innerMin := minTopPrec(inner)
			outer := 0
			if i > 0 {
				outer = max(outer, precedence(toks[i-1]))
			}
			if j+1 < len(toks) {
				outer = max(outer, precedence(toks[j+1]))
			}
			if innerMin == 0 || innerMin > outer || innerMin == outer && sameAssocOps(inner, toks, i, j) {
				toks = append(append(append([]token{}, toks[:i]...), inner...), toks[j+1:]...)
				changed = true
				break
			}
		}
	}
	return toks
}

func matchParen(toks []token, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].kind {
		case tokOpen:
			depth++
		case tokClose:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func hasTopLevelComma(toks []token) bool {
	depth := 0
	for _, t := range toks {
		switch t.kind {
		case tokOpen:
			depth++
		case tokClose:
			depth--
		case tokComma:
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// minTopPrec is the lowest precedence of the operators at the top level of
// toks; 0 when there is none (a single operand).
func minTopPrec(toks []token) int {
	depth, lowest := 0, 0
	for k, t := range toks {
		switch t.kind {
		case tokOpen:
			depth++
		case tokClose:
			depth--
		default:
			if depth != 0 {
				continue
			}
			p := precedence(t)
			if p == 0 || (t.text == "-" || t.text == "+") && (k == 0 || precedence(toks[k-1]) > 0) {
				continue // not an operator, or unary sign
			}
			if lowest == 0 || p < lowest {
				lowest = p
			}
		}
	}
	return lowest
}

// sameAssocOps reports whether the group toks[i..j] and its neighbours use
// only one associative operator (and, or, +, *), so the grouping is moot.
func sameAssocOps(inner, toks []token, i, j int) bool {
	op := ""
	check := func(t token) bool {
		if precedence(t) == 0 {
			return true
		}
		switch t.text {
		case "and", "or", "+", "*":
		default:
			return false
		}
		if op == "" {
			op = t.text
		}
		return t.text == op
	}
	depth := 0
	for _, t := range inner {
		switch t.kind {
		case tokOpen:
			depth++
		case tokClose:
			depth--
		default:
			if depth == 0 && !check(t) {
				return false
			}
		}
	}
	if i > 0 && !check(toks[i-1]) {
		return false
	}
	if j+1 < len(toks) && !check(toks[j+1]) {
		return false
	}
	return true
}

// unescapeClause undoes MySQL 8's escaping of every quote in some catalog
// expressions (_utf8mb4\'q\'): when no quote stands unescaped, \' is '.
func unescapeClause(s string) string {
	if !strings.Contains(s, `\'`) {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '\'' {
			return s
		}
	}
	return strings.ReplaceAll(s, `\'`, "'")
}
