package dialect

import (
	"context"
	"strings"

	"github.com/retortdb/retort/internal/sqllex"
)

// Trigger is a trigger a script creates: its name, its table and its
// CREATE TRIGGER text as the catalog keeps it (SQLite's sqlite_master:
// "CREATE TRIGGER name ..." from the name on, without IF NOT EXISTS, a
// schema qualifier or the final ;).
type Trigger struct {
	Name, Table, SQL string
}

// TriggerLister is implemented by a [TableSource] that knows, without a
// database, the triggers on a table: offline SQL, which replays the
// revisions' raw SQL ([TriggerDDL]). A SQLite table rebuild drops the
// table's triggers with the old table and creates these again; a trigger
// the source does not know of still stops the script (see the sqlite
// dialect).
type TriggerLister interface {
	// Triggers returns the known triggers on the table, by name.
	Triggers(ctx context.Context, schema, table string) []Trigger
}

// TriggerDDL reads the CREATE TRIGGER and DROP TRIGGER statements of sql,
// a script of one or more statements read with d's lexical rules, in
// order: created holds the (non-temporary) triggers created, dropped the
// names dropped. A trigger body's statements (BEGIN ... END, CASE ... END
// inside it) do not end the CREATE TRIGGER.
func TriggerDDL(d Dialect, sql string) (created []Trigger, dropped []string) {
	toks := sqllex.Lex(sql, lexRules(d))
	for i := 0; i < len(toks); {
		end := statementEnd(toks, i)
		st := toks[i:end]
		switch {
		case len(st) > 2 && st[0].Is("CREATE"):
			if t, ok := createTrigger(sql, st); ok {
				created = append(created, t)
			}
		case len(st) > 2 && st[0].Is("DROP") && st[1].Is("TRIGGER"):
			j := 2
			if j+1 < len(st) && st[j].Is("IF") && st[j+1].Is("EXISTS") {
				j += 2
			}
			if j+2 < len(st) && st[j+1].IsPunct(".") {
				j += 2
			}
			if j < len(st) {
				dropped = append(dropped, st[j].Value)
			}
		}
		i = end + 1
	}
	return created, dropped
}

// statementEnd returns the index of the ; that ends the statement starting
// at toks[i] (len(toks) when none): for CREATE ... TRIGGER, the first ;
// after the END that closes its BEGIN.
func statementEnd(toks []sqllex.Token, i int) int {
	trigger := i+1 < len(toks) && toks[i].Is("CREATE") &&
		(toks[i+1].Is("TRIGGER") || i+2 < len(toks) && (toks[i+1].Is("TEMP") || toks[i+1].Is("TEMPORARY")) && toks[i+2].Is("TRIGGER"))
	inBody, cases := false, 0
	for j := i; j < len(toks); j++ {
		t := toks[j]
		switch {
		case trigger && !inBody && t.Is("BEGIN"):
			inBody = true
		case inBody && t.Is("CASE"):
			cases++
		case inBody && t.Is("END"):
			if cases > 0 {
				cases--
			} else {
				inBody = false
			}
		case t.IsPunct(";") && !inBody:
			return j
		}
	}
	return len(toks)
}

// createTrigger reads CREATE TRIGGER [IF NOT EXISTS] [schema.]name ... ON
// table ...; a temporary trigger is not one the table's schema keeps.
func createTrigger(src string, st []sqllex.Token) (Trigger, bool) {
	if !st[1].Is("TRIGGER") {
		return Trigger{}, false
	}
	j := 2
	if j+2 < len(st) && st[j].Is("IF") && st[j+1].Is("NOT") && st[j+2].Is("EXISTS") {
		j += 3
	}
	if j+2 < len(st) && st[j+1].IsPunct(".") {
		j += 2
	}
	if j >= len(st) {
		return Trigger{}, false
	}
	t := Trigger{Name: st[j].Value}
	for k := j + 1; k+1 < len(st); k++ {
		if st[k].Is("ON") {
			n := k + 1
			if n+2 < len(st) && st[n+1].IsPunct(".") {
				n += 2
			}
			t.Table = st[n].Value
			break
		}
		if st[k].Is("BEGIN") {
			break
		}
	}
	if t.Table == "" {
		return Trigger{}, false
	}
	t.SQL = "CREATE TRIGGER " + strings.TrimSpace(sqllex.Span(src, st[j:]))
	return t, true
}
