package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
)

// versionTable writes the SQL of one Env's version table, and of its
// progress table on dialects without transactional DDL.
type versionTable struct {
	d dialect.Dialect
	// schema is Env.Schema on dialects that confine a session to a schema
	// ([dialect.SessionSetup]), else "" (the connection's own).
	schema string
	name   string // unquoted table name
}

func newVersionTable(d dialect.Dialect, env *Env) versionTable {
	v := versionTable{d: d, name: env.VersionTableName()}
	if _, ok := d.(dialect.SessionSetup); ok {
		v.schema = env.Schema
	}
	return v
}

// qualified quotes name, qualified with the schema when there is one.
func (v versionTable) qualified(name string) string {
	if v.schema == "" {
		return v.d.QuoteIdent(name)
	}
	return v.d.QuoteIdent(v.schema) + "." + v.d.QuoteIdent(name)
}

// table is the quoted version table.
func (v versionTable) table() string { return v.qualified(v.name) }

// progressName is the unquoted progress table name.
func (v versionTable) progressName() string { return progressTableName(v.name) }

// progressTableName names the progress table of a version table.
func progressTableName(versionTable string) string { return versionTable + "_progress" }

// progress is the quoted progress table.
func (v versionTable) progress() string { return v.qualified(v.progressName()) }

// createSQL creates the version table if it is missing.
func (v versionTable) createSQL() string {
	return "CREATE TABLE IF NOT EXISTS " + v.table() + " (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
}

// createProgressSQL creates the progress table if it is missing.
func (v versionTable) createProgressSQL() string {
	return "CREATE TABLE IF NOT EXISTS " + v.progress() +
		" (version_num VARCHAR(32) NOT NULL PRIMARY KEY, direction VARCHAR(9) NOT NULL, ops_done INTEGER NOT NULL, ops_total INTEGER NOT NULL)"
}

// selectSQL reads the version table.
func (v versionTable) selectSQL() string {
	return "SELECT version_num FROM " + v.table() + " ORDER BY version_num"
}

// updateSQL turns the version table from before into after: one UPDATE
// when one row changes into another, else DELETEs and INSERTs.
func (v versionTable) updateSQL(before, after []string) []string {
	var gone, added []string
	for _, id := range before {
		if !slices.Contains(after, id) {
			gone = append(gone, id)
		}
	}
	for _, id := range after {
		if !slices.Contains(before, id) {
			added = append(added, id)
		}
	}
	if len(gone) == 1 && len(added) == 1 {
		return []string{"UPDATE " + v.table() + " SET version_num = " + quoteString(added[0]) + " WHERE version_num = " + quoteString(gone[0])}
	}
	var out []string
	for _, id := range gone {
		out = append(out, "DELETE FROM "+v.table()+" WHERE version_num = "+quoteString(id))
	}
	for _, id := range added {
		out = append(out, "INSERT INTO "+v.table()+" (version_num) VALUES ("+quoteString(id)+")")
	}
	return out
}

// setSQL replaces the whole version table with ids.
func (v versionTable) setSQL(ids []string) []string {
	out := []string{"DELETE FROM " + v.table()}
	for _, id := range ids {
		out = append(out, "INSERT INTO "+v.table()+" (version_num) VALUES ("+quoteString(id)+")")
	}
	return out
}

// quoteString writes an SQL string literal. Revision ids hold only
// letters, digits, '_', '-' and '.', but quote anyway.
func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// readVersions reads the version table's rows, sorted.
func readVersions(ctx context.Context, q introspect.Querier, v versionTable) ([]string, error) {
	rows, err := q.QueryContext(ctx, v.selectSQL())
	if err != nil {
		return nil, fmt.Errorf("migrate: read version table %s: %w", v.name, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("migrate: read version table %s: %w", v.name, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrate: read version table %s: %w", v.name, err)
	}
	return out, nil
}

// progressRow is one row of the progress table: a revision an earlier run
// left part-way on a database without transactional DDL.
type progressRow struct {
	id        string
	direction Direction
	done      int
	total     int
}

// readProgress reads the progress table.
func readProgress(ctx context.Context, q introspect.Querier, v versionTable) ([]progressRow, error) {
	rows, err := q.QueryContext(ctx, "SELECT version_num, direction, ops_done, ops_total FROM "+v.progress()+" ORDER BY version_num")
	if err != nil {
		return nil, fmt.Errorf("migrate: read progress table %s: %w", v.progressName(), err)
	}
	defer rows.Close()
	var out []progressRow
	for rows.Next() {
		var r progressRow
		var dir string
		if err := rows.Scan(&r.id, &dir, &r.done, &r.total); err != nil {
			return nil, fmt.Errorf("migrate: read progress table %s: %w", v.progressName(), err)
		}
		r.direction = Up
		if dir == Down.String() {
			r.direction = Down
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrate: read progress table %s: %w", v.progressName(), err)
	}
	return out, nil
}

// progressSQL records that done of total ops of id are applied.
func (v versionTable) progressSQL(id string, dir Direction, done, total int, first bool) string {
	if first {
		return fmt.Sprintf("INSERT INTO %s (version_num, direction, ops_done, ops_total) VALUES (%s, %s, %d, %d)",
			v.progress(), quoteString(id), quoteString(dir.String()), done, total)
	}
	return fmt.Sprintf("UPDATE %s SET ops_done = %d WHERE version_num = %s", v.progress(), done, quoteString(id))
}

// Current returns the revisions the database's version table holds (one
// per applied head), sorted; none when the table does not exist yet.
func Current(ctx context.Context, db *sql.DB, env *Env) ([]string, error) {
	if env == nil {
		return nil, fmt.Errorf("migrate: current: nil Env")
	}
	be, err := env.backend()
	if err != nil {
		return nil, err
	}
	v := newVersionTable(be.Dialect, env)
	ids, err := readVersions(ctx, db, v)
	if err == nil {
		return ids, nil
	}
	// Tell a missing table (a database never migrated) from a real error.
	opts := introspect.Options{Schema: v.schema, IncludeTable: func(n string) bool { return n == v.name }}
	s, ierr := be.Inspector.Inspect(ctx, db, opts)
	if ierr != nil {
		return nil, err
	}
	if _, ok := s.Table("", v.name); !ok {
		return nil, nil
	}
	// The table exists now: another process may have created it between
	// the two reads (a first deploy of several replicas).
	return readVersions(ctx, db, v)
}

// sameSet reports whether a and b hold the same ids.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// sorted returns a sorted copy.
func sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}
