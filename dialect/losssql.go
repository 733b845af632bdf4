package dialect

import (
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/ops"
)

// SQLLoss returns the data-loss findings of raw SQL (an Execute op's) on
// d, one per table, column or schema a statement destroys: DROP TABLE,
// DROP SCHEMA or DATABASE, ALTER TABLE ... DROP [COLUMN] (not DROP
// CONSTRAINT, INDEX, KEY, DEFAULT ...) or DROP PARTITION, TRUNCATE, and
// DELETE without a WHERE at its top level. The SQL is lexed with d's
// quoting and comment rules (dollar quotes, backticks, MySQL's executable
// comments), so text inside strings and comments is not mistaken for a
// statement. Text that cannot be lexed (an unterminated quote) is a
// finding too: what it would run cannot be told. A WHERE is not
// evaluated (DELETE ... WHERE true is not reported), and statements inside
// a body (a trigger's BEGIN ... END) are read as if they ran.
func SQLLoss(d Dialect, sql string) []ops.Loss {
	stmts, err := sqllex.Split(sql, lexRules(d))
	if err != nil {
		return []ops.Loss{{Kind: ops.LossRows, Raw: true,
			Message: "raw SQL that retort cannot read (" + strings.TrimPrefix(err.Error(), "sqllex: ") + "), so it cannot tell what the SQL deletes"}}
	}
	var out []ops.Loss
	for _, st := range stmts {
		out = append(out, statementLoss(st)...)
	}
	for i := range out {
		out[i].Raw = true
	}
	return out
}

// statementLoss classifies one statement.
func statementLoss(toks []sqllex.Token) []ops.Loss {
	if len(toks) == 0 {
		return nil
	}
	if toks[0].Is("WITH") {
		// A common table expression: the statement is the first of
		// DELETE, UPDATE, INSERT, SELECT or MERGE at the top level.
		for i, depth := 1, 0; i < len(toks); i++ {
			switch t := toks[i]; {
			case t.IsPunct("("):
				depth++
			case t.IsPunct(")"):
				depth--
			case depth == 0 && (t.Is("DELETE") || t.Is("UPDATE") || t.Is("INSERT") || t.Is("SELECT") || t.Is("MERGE")):
				return statementLoss(toks[i:])
			}
		}
		return nil
	}
	switch {
	case toks[0].Is("DROP"):
		return dropLoss(toks)
	case toks[0].Is("ALTER") && len(toks) > 1 && toks[1].Is("TABLE"):
		return alterTableLoss(toks)
	case toks[0].Is("TRUNCATE"):
		return truncateLoss(toks)
	case toks[0].Is("DELETE"):
		return deleteLoss(toks)
	}
	return nil
}

// dropLoss: DROP TABLE and DROP SCHEMA/DATABASE.
func dropLoss(toks []sqllex.Token) []ops.Loss {
	i := 1
	if i < len(toks) && (toks[i].Is("TEMPORARY") || toks[i].Is("TEMP")) {
		return nil // a session's scratch table, not stored data
	}
	if i >= len(toks) {
		return nil
	}
	kind := ""
	switch {
	case toks[i].Is("TABLE"):
		kind = "table"
	case toks[i].Is("SCHEMA"), toks[i].Is("DATABASE"):
		kind = strings.ToLower(toks[i].Text)
	default:
		return nil
	}
	i = skipWords(toks, i+1, "IF", "EXISTS")
	var out []ops.Loss
	for _, n := range nameList(toks, i) {
		if kind == "table" {
			out = append(out, ops.Loss{Kind: ops.LossTable, Object: n.full, Schema: n.schema, Table: n.name,
				Message: "raw SQL drops table " + n.full + " and every row in it"})
		} else {
			out = append(out, ops.Loss{Kind: ops.LossTable, Object: n.full, Schema: n.full,
				Message: "raw SQL drops " + kind + " " + n.full + " and every table in it"})
		}
	}
	return out
}

// alterTableLoss: the DROP [COLUMN] and DROP PARTITION clauses of an
// ALTER TABLE.
func alterTableLoss(toks []sqllex.Token) []ops.Loss {
	i := skipWords(toks, 2, "IF", "EXISTS")
	i = skipWords(toks, i, "ONLY")
	n, next, ok := readName(toks, i)
	if !ok {
		return nil
	}
	var out []ops.Loss
	clauses := splitTop(toks[next:])
	for ci, clause := range clauses {
		if len(clause) == 0 || !clause[0].Is("DROP") {
			continue
		}
		j := 1
		if j >= len(clause) {
			continue
		}
		switch c := clause[j]; {
		case c.Is("CONSTRAINT"), c.Is("INDEX"), c.Is("KEY"), c.Is("PRIMARY"), c.Is("FOREIGN"), c.Is("CHECK"),
			c.Is("DEFAULT"), c.Is("EXPRESSION"), c.Is("IDENTITY"), c.Is("NOT"), c.Is("PERIOD"), c.Is("SYSTEM"):
			continue
		case c.Is("PARTITION"):
			// DROP PARTITION stands alone in its ALTER TABLE: the
			// clauses after it are more partition names.
			var parts []string
			for _, p := range nameList(clause, skipWords(clause, j+1, "IF", "EXISTS")) {
				parts = append(parts, p.full)
			}
			for _, more := range clauses[ci+1:] {
				if p, _, ok := readName(more, 0); ok {
					parts = append(parts, p.full)
				}
			}
			return append(out, ops.Loss{Kind: ops.LossRows, Object: n.full, Schema: n.schema, Table: n.name,
				Message: "raw SQL drops partition " + strings.Join(parts, ", ") + " of " + n.full + " and every row in it"})
		case c.Is("COLUMN"):
			j++
		}
		j = skipWords(clause, j, "IF", "EXISTS")
		if j >= len(clause) || (clause[j].Kind != sqllex.Word && clause[j].Kind != sqllex.Ident) {
			continue
		}
		col := clause[j].Value
		obj := n.full + "." + col
		out = append(out, ops.Loss{Kind: ops.LossColumn, Object: obj, Schema: n.schema, Table: n.name, Column: col,
			Message: "raw SQL drops column " + obj + " and every value in it"})
	}
	return out
}

// truncateLoss: TRUNCATE [TABLE] [ONLY] t, ...
func truncateLoss(toks []sqllex.Token) []ops.Loss {
	i := skipWords(toks, 1, "TABLE")
	i = skipWords(toks, i, "ONLY")
	var out []ops.Loss
	for _, n := range nameList(toks, i) {
		out = append(out, ops.Loss{Kind: ops.LossRows, Object: n.full, Schema: n.schema, Table: n.name,
			Message: "raw SQL deletes every row of " + n.full + " (TRUNCATE)"})
	}
	return out
}

// deleteLoss: a DELETE with no WHERE at its top level.
func deleteLoss(toks []sqllex.Token) []ops.Loss {
	from := -1
	for i, depth := 1, 0; i < len(toks); i++ {
		switch t := toks[i]; {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is("WHERE"):
			return nil
		case depth == 0 && t.Is("FROM") && from < 0:
			from = i
		}
	}
	target := 1
	if from > 0 {
		target = skipWords(toks, from+1, "ONLY")
	}
	n, _, ok := readName(toks, target)
	if !ok {
		return nil
	}
	return []ops.Loss{{Kind: ops.LossRows, Object: n.full, Schema: n.schema, Table: n.name,
		Message: "raw SQL deletes every row of " + n.full + " (DELETE without WHERE)"}}
}

// sqlName is a possibly qualified name as a statement writes it.
type sqlName struct {
	schema, name, full string
}

// readName reads name[.name[.name]] at toks[i].
func readName(toks []sqllex.Token, i int) (sqlName, int, bool) {
	var parts []string
	for i < len(toks) && (toks[i].Kind == sqllex.Word || toks[i].Kind == sqllex.Ident) {
		parts = append(parts, toks[i].Value)
		i++
		if i < len(toks) && toks[i].IsPunct(".") {
			i++
			continue
		}
		break
	}
	if len(parts) == 0 {
		return sqlName{}, i, false
	}
	n := sqlName{name: parts[len(parts)-1], full: strings.Join(parts, ".")}
	if len(parts) > 1 {
		n.schema = parts[len(parts)-2]
	}
	return n, i, true
}

// nameList reads "name, name, ..." at toks[i], stopping at the first
// token that is not a name or a comma (CASCADE, RESTRICT end the list).
func nameList(toks []sqllex.Token, i int) []sqlName {
	var out []sqlName
	for i < len(toks) {
		if toks[i].Is("CASCADE") || toks[i].Is("RESTRICT") {
			break
		}
		n, next, ok := readName(toks, i)
		if !ok {
			break
		}
		out = append(out, n)
		i = next
		if i < len(toks) && toks[i].Kind == sqllex.Op && toks[i].Text == "*" {
			i++
		}
		if i >= len(toks) || !toks[i].IsPunct(",") {
			break
		}
		i++
	}
	return out
}

// skipWords skips the keywords words, in order, when all of them are at
// toks[i:].
func skipWords(toks []sqllex.Token, i int, words ...string) int {
	for k, w := range words {
		if i+k >= len(toks) || !toks[i+k].Is(w) {
			return i
		}
	}
	return i + len(words)
}

// splitTop splits toks on commas outside parentheses.
func splitTop(toks []sqllex.Token) [][]sqllex.Token {
	var parts [][]sqllex.Token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case t.IsPunct(",") && depth == 0:
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	return append(parts, toks[start:])
}
