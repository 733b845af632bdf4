package converge

import (
	"sort"
	"strings"
)

// This file reads the few table attributes SQLite's pragmas do not show out
// of the CREATE statement text kept in sqlite_schema. Only those are taken
// from the text, each normalised token by token (keywords and identifiers
// lower-cased and unquoted, literals kept verbatim, comments and spacing
// dropped), so the spelling of the rest of the statement is not compared.

// token is one lexical token of SQLite SQL, normalised.
type token struct {
	text string
	// word is true for keywords and identifiers (quoted ones too).
	word bool
}

// lexSQLite splits SQLite SQL into normalised tokens.
func lexSQLite(sql string) []token {
	var toks []token
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				i = len(sql)
			} else {
				i += end + 4
			}
		case c == '\'':
			j := quotedEnd(sql, i, '\'')
			toks = append(toks, token{text: sql[i:j]})
			i = j
		case c == '"' || c == '`' || c == '[':
			closer := c
			if c == '[' {
				closer = ']'
			}
			j := quotedEnd(sql, i, closer)
			inner := sql[i+1 : max(i+1, j-1)]
			if closer != ']' {
				inner = strings.ReplaceAll(inner, string([]byte{closer, closer}), string(closer))
			}
			toks = append(toks, token{text: normIdent(inner), word: true})
			i = j
		case isWordByte(c):
			j := i
			for j < len(sql) && (isWordByte(sql[j]) || sql[j] == '$') {
				j++
			}
			toks = append(toks, token{text: normIdent(sql[i:j]), word: !isDigit(c)})
			i = j
		default:
			j := i + 1
			for _, op := range []string{"->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"} {
				if strings.HasPrefix(sql[i:], op) {
					j = i + len(op)
					break
				}
			}
			toks = append(toks, token{text: sql[i:j]})
			i = j
		}
	}
	return toks
}

// quotedEnd returns the index just past the quoted text starting at i,
// where a doubled closer stands for itself.
func quotedEnd(s string, i int, closer byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == closer {
			if closer != ']' && j+1 < len(s) && s[j+1] == closer {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c >= 0x80
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// normIdent lower-cases an identifier (SQLite compares them without case)
// and quotes it only when it is not a plain word.
func normIdent(s string) string {
	s = strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) && s[i] != '$' {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
	}
	return s
}

// joinTokens prints tokens with one space between them.
func joinTokens(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// is reports whether toks[i] is the keyword kw.
func is(toks []token, i int, kw string) bool {
	return i >= 0 && i < len(toks) && toks[i].word && toks[i].text == kw
}

// groupEnd returns the index just past the parenthesised group opening at i.
func groupEnd(toks []token, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(toks)
}

// splitTopLevel splits toks at commas outside parentheses.
func splitTopLevel(toks []token) [][]token {
	var parts [][]token
	depth, start := 0, 0
	for i, t := range toks {
		switch t.text {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 && !t.word {
				parts = append(parts, toks[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, toks[start:])
}

// columnConstraintStart lists the keywords that end a column's type.
var columnConstraintStart = map[string]bool{
	"constraint": true, "primary": true, "not": true, "null": true, "unique": true, "check": true,
	"default": true, "collate": true, "references": true, "generated": true, "as": true,
}

// sqliteTableText returns the attributes of a CREATE TABLE statement that
// pragma_table_xinfo, pragma_index_list and pragma_foreign_key_list do not
// show, one normalised line each, sorted:
//
//   - "autoincrement" on the INTEGER PRIMARY KEY;
//   - a column's COLLATE;
//   - a generated column's expression and kind (xinfo shows only that it is
//     generated);
//   - every CHECK with its expression and constraint name; column-level and
//     table-level CHECKs are one list, as SQLite treats them alike;
//   - constraint names and ON CONFLICT clauses of PRIMARY KEY, UNIQUE and
//     NOT NULL, and DESC on a column's PRIMARY KEY (it makes an INTEGER
//     PRIMARY KEY no rowid alias); a key written on the column or as a
//     table constraint is otherwise the same, and the pragmas show it;
//   - a foreign key's constraint name and DEFERRABLE clause.
func sqliteTableText(sql string) []string {
	toks := lexSQLite(sql)
	open := -1
	for i, t := range toks {
		if t.text == "(" {
			open = i
			break
		}
		if is(toks, i, "as") { // CREATE TABLE ... AS SELECT
			return []string{"as select: " + joinTokens(toks[i+1:])}
		}
	}
	if open < 0 {
		return nil
	}
	end := groupEnd(toks, open)
	var lines []string
	for _, item := range splitTopLevel(toks[open+1 : end-1]) {
		if len(item) == 0 {
			continue
		}
		switch {
		case is(item, 0, "constraint"), is(item, 0, "primary"), is(item, 0, "unique"),
			is(item, 0, "check"), is(item, 0, "foreign"):
			lines = append(lines, tableConstraintText(item)...)
		default:
			lines = append(lines, columnText(item)...)
		}
	}
	sort.Strings(lines)
	return lines
}

// conflictClause reads "ON CONFLICT x" at i; it returns the text and the
// index after it.
func conflictClause(toks []token, i int) (string, int) {
	if is(toks, i, "on") && is(toks, i+1, "conflict") && i+2 < len(toks) {
		return " on conflict " + toks[i+2].text, i + 3
	}
	return "", i
}

// deferrableClause reads "[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]"
// anywhere in a foreign key clause.
func deferrableClause(toks []token) string {
	for i := range toks {
		if is(toks, i, "deferrable") {
			j := i + 1
			if is(toks, j, "initially") {
				j += 2
			}
			start := i
			if is(toks, i-1, "not") {
				start = i - 1
			}
			return " " + joinTokens(toks[start:min(j, len(toks))])
		}
	}
	return ""
}

// named prefixes a constraint line with its name, if any.
func named(name, line string) string {
	if name == "" {
		return line
	}
	return "constraint " + name + " " + line
}

// tableConstraintText reads one table constraint.
func tableConstraintText(item []token) []string {
	name := ""
	i := 0
	if is(item, 0, "constraint") && len(item) > 1 {
		name, i = item[1].text, 2
	}
	switch {
	case is(item, i, "check"):
		return []string{named(name, "check "+joinTokens(item[i+1:groupEnd(item, i+1)]))}
	case is(item, i, "primary"), is(item, i, "unique"):
		kw := item[i].text
		if kw == "primary" {
			kw = "primary key"
		}
		open := i + 1
		if kw == "primary key" {
			open++
		}
		close := groupEnd(item, open)
		cc, _ := conflictClause(item, close)
		if name == "" && cc == "" {
			return nil // the pragmas show the key itself
		}
		return []string{named(name, kw+" "+joinTokens(item[open:close])+cc)}
	case is(item, i, "foreign"):
		close := groupEnd(item, i+2)
		d := deferrableClause(item[close:])
		if name == "" && d == "" {
			return nil
		}
		return []string{named(name, "foreign key "+joinTokens(item[i+2:close])+d)}
	}
	return []string{"unread table constraint: " + joinTokens(item)}
}

// columnText reads one column definition's constraints.
func columnText(item []token) []string {
	col := item[0].text
	i := 1
	for i < len(item) && !(item[i].word && columnConstraintStart[item[i].text]) {
		if item[i].text == "(" {
			i = groupEnd(item, i)
			continue
		}
		i++
	}
	var lines []string
	name := ""
	for i < len(item) {
		switch {
		case is(item, i, "constraint") && i+1 < len(item):
			name = item[i+1].text
			i += 2
			continue
		case is(item, i, "primary"):
			line := "primary key"
			i += 2
			desc := false
			if is(item, i, "asc") || is(item, i, "desc") {
				desc = item[i].text == "desc"
				i++
			}
			if desc {
				line += " desc"
			}
			cc, j := conflictClause(item, i)
			line += cc
			i = j
			if is(item, i, "autoincrement") {
				lines = append(lines, "autoincrement")
				i++
			}
			if name != "" || desc || cc != "" {
				lines = append(lines, "column "+col+": "+named(name, line))
			}
		case is(item, i, "not") && is(item, i+1, "null"):
			cc, j := conflictClause(item, i+2)
			if name != "" || cc != "" {
				lines = append(lines, "column "+col+": "+named(name, "not null"+cc))
			}
			i = j
		case is(item, i, "null"):
			i++
		case is(item, i, "unique"):
			cc, j := conflictClause(item, i+1)
			if name != "" || cc != "" {
				lines = append(lines, "column "+col+": "+named(name, "unique"+cc))
			}
			i = j
		case is(item, i, "check"):
			j := groupEnd(item, i+1)
			lines = append(lines, named(name, "check "+joinTokens(item[i+1:j])))
			i = j
		case is(item, i, "default"):
			i++
			if i < len(item) && (item[i].text == "+" || item[i].text == "-") {
				i++
			}
			if i < len(item) && item[i].text == "(" {
				i = groupEnd(item, i)
			} else {
				i++
			}
		case is(item, i, "collate") && i+1 < len(item):
			lines = append(lines, "column "+col+": collate "+item[i+1].text)
			i += 2
		case is(item, i, "references"):
			j := i + 1
			for j < len(item) && !endsReferences(item, j) {
				j++
			}
			if d := deferrableClause(item[i:j]); name != "" || d != "" {
				lines = append(lines, "column "+col+": "+named(name, "references"+d))
			}
			i = j
		case is(item, i, "generated"), is(item, i, "as"):
			if is(item, i, "generated") {
				i += 2 // GENERATED ALWAYS
			}
			open := i + 1 // after AS
			j := groupEnd(item, open)
			expr := joinTokens(item[open:j])
			kind := "virtual"
			if is(item, j, "stored") || is(item, j, "virtual") {
				kind = item[j].text
				j++
			}
			lines = append(lines, "column "+col+": generated "+expr+" "+kind)
			i = j
		default:
			lines = append(lines, "column "+col+": unread "+item[i].text)
			i++
		}
		name = ""
	}
	return lines
}

// endsReferences reports whether toks[j] starts the next column constraint
// after a REFERENCES clause (whose own ON DELETE SET NULL, SET DEFAULT and
// NOT DEFERRABLE use some of the same keywords).
func endsReferences(toks []token, j int) bool {
	t := toks[j]
	if !t.word {
		return false
	}
	switch t.text {
	case "constraint", "primary", "unique", "check", "collate", "generated", "as", "references":
		return true
	case "not":
		return is(toks, j+1, "null")
	case "null", "default":
		return !is(toks, j-1, "set")
	}
	return false
}

// sqliteIndexText returns the key list and WHERE clause of a CREATE INDEX
// statement, normalised: for expression indexes (whose keys
// pragma_index_xinfo shows only as "expression") and partial indexes (whose
// WHERE no pragma shows).
func sqliteIndexText(sql string) string {
	toks := lexSQLite(sql)
	for i := range toks {
		if is(toks, i, "on") {
			for j := i; j < len(toks); j++ {
				if toks[j].text == "(" {
					return joinTokens(toks[j:])
				}
			}
		}
	}
	return joinTokens(toks)
}
