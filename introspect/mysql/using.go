package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	mysqldialect "github.com/retortdb/retort/dialect/mysql"
)

// readIndexUsing sets, on MariaDB, the Method of each BTREE or HASH index
// to the USING clause its definition was written with ("BTREE", "HASH";
// "" when none was written). STATISTICS.INDEX_TYPE gives the engine's
// algorithm (BTREE for an InnoDB key written USING HASH, HASH for a
// MEMORY key written without USING), not what was written, which SHOW
// CREATE TABLE prints. Every table's SHOW CREATE TABLE is read in one
// round trip: an anonymous compound statement (BEGIN NOT ATOMIC ... END)
// returning one result set per table. MySQL 8 has no such statement:
// there the clause is not read, and Method stays "" for both algorithms.
func (r *reader) readIndexUsing(ctx context.Context) error {
	if !r.srv.mariaDB || len(r.order) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("BEGIN NOT ATOMIC ")
	for _, name := range r.order {
		b.WriteString("SHOW CREATE TABLE " + mysqldialect.Backquote(r.srv.db) + "." + mysqldialect.Backquote(name) + "; ")
	}
	b.WriteString("END")
	rows, err := r.q.QueryContext(ctx, b.String())
	if err != nil {
		return fmt.Errorf("mysql: read index USING clauses: %w", err)
	}
	defer rows.Close()
	for {
		for rows.Next() {
			var table, def sql.NullString
			if err := rows.Scan(&table, &def); err != nil {
				return fmt.Errorf("mysql: read index USING clauses: %w", err)
			}
			r.applyUsing(table.String, def.String)
		}
		if !rows.NextResultSet() {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("mysql: read index USING clauses: %w", err)
	}
	return nil
}

// applyUsing sets the Method of table's BTREE and HASH indexes from the
// key lines of its SHOW CREATE TABLE text def.
func (r *reader) applyUsing(table, def string) {
	t, ok := r.tables[table]
	if !ok {
		return
	}
	using := keyUsing(def)
	for i := range t.Indexes {
		ix := &t.Indexes[i]
		if ix.Method != "" {
			continue // FULLTEXT, SPATIAL
		}
		ix.Method = using[ix.Name]
	}
}

// keyUsing returns the USING clause ("BTREE" or "HASH") of each named key
// line of a SHOW CREATE TABLE text that has one, by key name.
func keyUsing(def string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(def, "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, "UNIQUE ")
		if !ok {
			rest = line
		}
		rest, ok = strings.CutPrefix(rest, "KEY `")
		if !ok {
			continue
		}
		name, rest, ok := backquoted(rest)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		end := mysqldialect.ClosingParen(rest)
		if end < 0 {
			continue
		}
		tail := rest[end+1:]
		for _, m := range []string{"BTREE", "HASH"} {
			if strings.HasPrefix(tail, " USING "+m) {
				out[name] = m
			}
		}
	}
	return out
}

// backquoted reads a backquoted name whose opening quote is already
// consumed (a doubled backquote stands for one) and returns it and what
// follows.
func backquoted(s string) (name, rest string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '`' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '`' {
			b.WriteByte('`')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", "", false
}
