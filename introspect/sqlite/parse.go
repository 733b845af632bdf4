package sqlite

import (
	"strings"

	sqlitedialect "github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/internal/sqllex"

	"github.com/retortdb/retort/model"
)

// tableDef is what the CREATE TABLE text says beyond the pragmas.
// lex splits SQLite SQL into tokens with the dialect's lexical rules.
func lex(sql string) []sqllex.Token { return sqlitedialect.Lex(sql) }

type tableDef struct {
	pkName       string
	pkConflict   model.ConflictAction
	autoinc      string // column declared AUTOINCREMENT
	withoutRowid bool
	strict       bool
	uniques      []namedCols
	fks          []fkDef
	checks       []model.Check
	generated    map[string]model.Generated // lower-cased column name
	collations   map[string]string          // lower-cased column name
	// notNullConflict holds the ON CONFLICT clauses of NOT NULL, by
	// lower-cased column name.
	notNullConflict map[string]model.ConflictAction
}

// namedCols is a UNIQUE constraint as declared.
type namedCols struct {
	name     string
	cols     []string
	conflict model.ConflictAction
}

// conflictAt reads "ON CONFLICT action" at toks[i]; it returns the action
// and the index after the clause (i when there is none).
func conflictAt(toks []sqllex.Token, i int) (model.ConflictAction, int) {
	if i+2 < len(toks) && toks[i].Is("ON") && toks[i+1].Is("CONFLICT") {
		if a, ok := model.ParseConflictAction(toks[i+2].Text); ok {
			return a, i + 3
		}
	}
	return model.ConflictDefault, i
}

// fkDef is a FOREIGN KEY constraint as declared.
type fkDef struct {
	name              string
	cols              []string
	refTable          string
	deferrable        bool
	initiallyDeferred bool
}

// columnKeywords end a column's type and start a column constraint.
var columnKeywords = map[string]bool{
	"CONSTRAINT": true, "PRIMARY": true, "NOT": true, "NULL": true, "UNIQUE": true,
	"CHECK": true, "DEFAULT": true, "COLLATE": true, "REFERENCES": true,
	"GENERATED": true, "AS": true,
}

// parseCreateTable reads a CREATE TABLE statement. It is lenient: what it
// cannot make sense of it skips, since SQLite has already accepted the text.
func parseCreateTable(src string) tableDef {
	def := tableDef{generated: map[string]model.Generated{}, collations: map[string]string{}, notNullConflict: map[string]model.ConflictAction{}}
	toks := lex(src)
	open := -1
	for i, t := range toks {
		if t.IsPunct("(") {
			open = i
			break
		}
	}
	if open < 0 {
		return def
	}
	end := sqllex.CloseParen(toks, open)
	for _, part := range sqllex.SplitTop(toks[open+1 : min(end, len(toks))]) {
		if len(part) == 0 {
			continue
		}
		if isTableConstraint(part[0]) {
			def.tableConstraint(src, part)
		} else {
			def.columnDef(src, part)
		}
	}
	for i := end + 1; i < len(toks); i++ {
		switch {
		case toks[i].Is("WITHOUT") && i+1 < len(toks) && toks[i+1].Is("ROWID"):
			def.withoutRowid = true
		case toks[i].Is("STRICT"):
			def.strict = true
		}
	}
	return def
}

func isTableConstraint(t sqllex.Token) bool {
	for _, kw := range []string{"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"} {
		if t.Is(kw) {
			return true
		}
	}
	return false
}

// tableConstraint reads [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) |
// CHECK (...) | FOREIGN KEY (...) REFERENCES ...
func (d *tableDef) tableConstraint(src string, toks []sqllex.Token) {
	name := ""
	i := 0
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.Is("CONSTRAINT") && i+1 < len(toks):
			name = toks[i+1].Value
			i += 2
			continue
		case t.Is("PRIMARY"):
			d.pkName = name
			if j := nextParen(toks, i); j >= 0 {
				d.pkConflict, _ = conflictAt(toks, sqllex.CloseParen(toks, j)+1)
			}
			return
		case t.Is("UNIQUE"):
			if j := nextParen(toks, i); j >= 0 {
				cc, _ := conflictAt(toks, sqllex.CloseParen(toks, j)+1)
				d.uniques = append(d.uniques, namedCols{name: name, cols: columnList(toks, j), conflict: cc})
			}
			return
		case t.Is("CHECK"):
			if j := nextParen(toks, i); j >= 0 {
				d.checks = append(d.checks, model.Check{Name: name, Expr: groupText(src, toks, j)})
			}
			return
		case t.Is("FOREIGN"):
			j := nextParen(toks, i)
			if j < 0 {
				return
			}
			cols := columnList(toks, j)
			k := sqllex.CloseParen(toks, j) + 1
			if k < len(toks) && toks[k].Is("REFERENCES") {
				fk, _ := parseReferences(toks, k+1)
				fk.name, fk.cols = name, cols
				d.fks = append(d.fks, fk)
			}
			return
		}
		i++
	}
}

// columnDef reads name [type] [column constraints...].
func (d *tableDef) columnDef(src string, toks []sqllex.Token) {
	col := toks[0].Value
	key := strings.ToLower(col)
	i := 1
	for i < len(toks) && !(toks[i].Kind == sqllex.Word && columnKeywords[strings.ToUpper(toks[i].Text)]) {
		if toks[i].IsPunct("(") {
			i = sqllex.CloseParen(toks, i)
		}
		i++
	}
	name := ""
	for i < len(toks) {
		t := toks[i]
		if t.IsPunct("(") {
			i = sqllex.CloseParen(toks, i) + 1
			continue
		}
		if t.Kind != sqllex.Word {
			i++
			continue
		}
		switch strings.ToUpper(t.Text) {
		case "CONSTRAINT":
			if i+1 < len(toks) {
				name = toks[i+1].Value
			}
			i += 2
			continue
		case "PRIMARY":
			d.pkName = name
			j := i + 2 // PRIMARY KEY
			if j < len(toks) && (toks[j].Is("ASC") || toks[j].Is("DESC")) {
				j++
			}
			d.pkConflict, j = conflictAt(toks, j)
			i = j
			name = ""
			continue
		case "NOT":
			if i+1 < len(toks) && toks[i+1].Is("NULL") {
				cc, j := conflictAt(toks, i+2)
				if cc != model.ConflictDefault {
					d.notNullConflict[key] = cc
				}
				i = j
				name = ""
				continue
			}
		case "AUTOINCREMENT":
			d.autoinc = col
		case "UNIQUE":
			cc, j := conflictAt(toks, i+1)
			d.uniques = append(d.uniques, namedCols{name: name, cols: []string{col}, conflict: cc})
			i = j
			name = ""
			continue
		case "CHECK":
			if j := nextParen(toks, i); j >= 0 {
				d.checks = append(d.checks, model.Check{Name: name, Expr: groupText(src, toks, j)})
				i = sqllex.CloseParen(toks, j)
			}
		case "DEFAULT":
			// Skip the value so that a word in it is not taken for a keyword.
			i++
			if i < len(toks) && (toks[i].Text == "-" || toks[i].Text == "+") {
				i++
			}
			if i < len(toks) && toks[i].IsPunct("(") {
				i = sqllex.CloseParen(toks, i)
			}
		case "COLLATE":
			if i+1 < len(toks) {
				d.collations[key] = toks[i+1].Value
				i++
			}
		case "REFERENCES":
			fk, next := parseReferences(toks, i+1)
			fk.name, fk.cols = name, []string{col}
			d.fks = append(d.fks, fk)
			i = next
			name = ""
			continue
		case "AS":
			if j := nextParen(toks, i); j >= 0 {
				g := model.Generated{Expr: groupText(src, toks, j)}
				i = sqllex.CloseParen(toks, j)
				if i+1 < len(toks) && toks[i+1].Is("STORED") {
					g.Stored = true
				}
				d.generated[key] = g
			}
		}
		name = ""
		i++
	}
}

// parseReferences reads a foreign-key clause starting after REFERENCES and
// returns it with the index of the first token after it.
func parseReferences(toks []sqllex.Token, i int) (fkDef, int) {
	var fk fkDef
	if i < len(toks) {
		fk.refTable = toks[i].Value
		i++
	}
	if i < len(toks) && toks[i].IsPunct("(") {
		i = sqllex.CloseParen(toks, i) + 1
	}
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.Is("ON"):
			// ON DELETE|UPDATE action: the pragma reports the action.
			i += 2
			if i < len(toks) && (toks[i].Is("SET") || toks[i].Is("NO")) {
				i++
			}
			i++
		case t.Is("MATCH"):
			i += 2
		case t.Is("NOT") && i+1 < len(toks) && toks[i+1].Is("DEFERRABLE"):
			fk.deferrable = false
			i += 2
		case t.Is("DEFERRABLE"):
			fk.deferrable = true
			i++
		case t.Is("INITIALLY") && i+1 < len(toks):
			fk.initiallyDeferred = toks[i+1].Is("DEFERRED")
			i += 2
		default:
			return fk, i
		}
	}
	return fk, i
}

// nextParen returns the index of the first "(" at or after i, or -1.
func nextParen(toks []sqllex.Token, i int) int {
	for ; i < len(toks); i++ {
		if toks[i].IsPunct("(") {
			return i
		}
	}
	return -1
}

// groupText returns the text inside the parentheses opened at toks[open],
// as written.
func groupText(src string, toks []sqllex.Token, open int) string {
	end := sqllex.CloseParen(toks, open)
	return strings.TrimSpace(sqllex.Span(src, toks[open+1:min(end, len(toks))]))
}

// columnList returns the names in the parenthesised list at toks[open]
// (each item's first token; COLLATE and ASC/DESC are dropped).
func columnList(toks []sqllex.Token, open int) []string {
	end := sqllex.CloseParen(toks, open)
	var cols []string
	for _, part := range sqllex.SplitTop(toks[open+1 : min(end, len(toks))]) {
		if len(part) > 0 {
			cols = append(cols, part[0].Value)
		}
	}
	return cols
}

// indexDef is what the CREATE INDEX text says beyond the pragmas.
type indexDef struct {
	// parts are the key parts as written, without COLLATE and ASC/DESC.
	parts []string
	// collations are the parts' COLLATE names as written, "" where none.
	collations []string
	where      string
}

// parseCreateIndex reads CREATE [UNIQUE] INDEX name ON table (parts) [WHERE expr].
func parseCreateIndex(src string) indexDef {
	var def indexDef
	toks := lex(src)
	on := -1
	for i, t := range toks {
		if t.Is("ON") {
			on = i
			break
		}
	}
	if on < 0 {
		return def
	}
	open := nextParen(toks, on)
	if open < 0 {
		return def
	}
	end := sqllex.CloseParen(toks, open)
	for _, part := range sqllex.SplitTop(toks[open+1 : min(end, len(toks))]) {
		n := len(part)
		if n > 0 && (part[n-1].Is("ASC") || part[n-1].Is("DESC")) {
			n--
		}
		coll := ""
		if n > 2 && part[n-2].Is("COLLATE") {
			coll = part[n-1].Value
			n -= 2
		}
		def.parts = append(def.parts, sqllex.Span(src, part[:n]))
		def.collations = append(def.collations, coll)
	}
	if end+1 < len(toks) && toks[end+1].Is("WHERE") && end+2 < len(toks) {
		rest := toks[end+2:]
		if n := len(rest); rest[n-1].IsPunct(";") {
			rest = rest[:n-1]
		}
		def.where = strings.TrimSpace(sqllex.Span(src, rest))
	}
	return def
}
