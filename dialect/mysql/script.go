package mysql

import (
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
)

// splitScript cuts hand-written SQL (an [ops.Execute]) into the statements
// the server is sent one at a time: connections are opened without
// multi-statements, so that no text spliced into a statement can start
// another. A ; inside a quoted string or a comment does not cut, and
// neither does one inside the BEGIN ... END body of a CREATE PROCEDURE,
// FUNCTION, TRIGGER or EVENT, which the server reads as one statement.
func (d *Dialect) splitScript(sql string) ([]string, error) {
	stmts, err := sqllex.SplitText(sql, d.LexRules())
	if err != nil {
		return nil, err
	}
	var out []string
	start, depth := -1, 0
	for _, st := range stmts {
		if start < 0 && !createsRoutine(st.Tokens) {
			out = append(out, st.Text)
			continue
		}
		if start < 0 {
			start = st.Start
		}
		depth += blockDepth(st.Tokens)
		if depth <= 0 {
			out = append(out, sql[start:st.End])
			start, depth = -1, 0
		}
	}
	if start >= 0 {
		out = append(out, strings.TrimSpace(sql[start:]))
	}
	return out, nil
}

// createsRoutine reports whether a statement creates a stored program
// whose body may hold statements: CREATE [OR REPLACE] [DEFINER = ...]
// PROCEDURE, FUNCTION, TRIGGER or EVENT.
func createsRoutine(toks []sqllex.Token) bool {
	if len(toks) == 0 || !toks[0].Is("CREATE") {
		return false
	}
	for _, t := range toks[1:] {
		switch {
		case t.Is("PROCEDURE"), t.Is("FUNCTION"), t.Is("TRIGGER"), t.Is("EVENT"):
			return true
		case t.Is("TABLE"), t.Is("VIEW"), t.Is("INDEX"), t.Is("DATABASE"), t.Is("SCHEMA"), t.IsPunct("("):
			return false
		}
	}
	return false
}

// blockDepth is how many compound blocks a piece of a stored program's
// text opens and does not close: BEGIN and CASE open one, END closes one
// (END IF, END LOOP, END WHILE and END REPEAT close blocks whose opening
// word is not counted, so they count for nothing).
func blockDepth(toks []sqllex.Token) int {
	n := 0
	for i, t := range toks {
		switch {
		case t.Is("BEGIN"), t.Is("CASE"):
			n++
		case t.Is("END"):
			if i+1 < len(toks) && (toks[i+1].Is("IF") || toks[i+1].Is("LOOP") || toks[i+1].Is("WHILE") || toks[i+1].Is("REPEAT")) {
				continue
			}
			n--
		}
	}
	return n
}
