package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// Errors a rebuild reports; they wrap the table and object names.
var (
	// ErrNoTable is returned when the table to rebuild does not exist.
	ErrNoTable = errors.New("sqlite: no such table")
	// ErrNotFound is returned when the column or constraint an op names is
	// not in the live table.
	ErrNotFound = errors.New("sqlite: no such column or constraint")
	// ErrExists is returned when the column an op adds is already there.
	ErrExists = errors.New("sqlite: already exists")
	// ErrTriggerColumn is returned when a rebuild drops or renames a
	// column a trigger on the table uses.
	ErrTriggerColumn = errors.New("sqlite: a trigger uses the column")
)

// rebuildPrefix starts the temporary name a case-only table rename goes
// through.
const rebuildPrefix = "_retort_new_"

// oldPrefix starts the name the old table is renamed to while a rebuild
// creates the new one under the table's own name.
const oldPrefix = "_retort_old_"

// rebuild reads the live table and rebuilds it with apply's changes.
func (d *Dialect) rebuild(ctx context.Context, tables dialect.TableSource, schema, table, what string,
	apply func(t *model.Table, src map[string]string) error) ([]dialect.Statement, error) {
	live, ok, err := tables.Table(ctx, schema, table)
	if errors.Is(err, dialect.ErrOffline) {
		return nil, fmt.Errorf("sqlite: %s on table %s needs a table rebuild, which reads the live table; "+
			"offline SQL cannot, run the migration against the database instead: %w", what, table, err)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s on table %s: %w", what, table, err)
	}
	if !ok {
		return nil, fmt.Errorf("sqlite: %s on table %s: %w", what, table, ErrNoTable)
	}
	return d.rebuildFrom(ctx, tables, live, schema, what, apply)
}

// rebuildFrom writes SQLite's table rebuild of live: rename the old table
// out of the way, CREATE TABLE the new definition under the table's own
// name, copy the rows, carry the AUTOINCREMENT counter over, drop the old
// table, recreate the indexes and the triggers. apply changes the
// definition and src, which maps each new column to the SQL that fills it
// from the old table (initially every old column to itself); a column
// without an entry takes its default.
//
// The new table is created under its own name, never renamed into place,
// so sqlite_master holds exactly the CREATE TABLE text a new table of the
// same definition gets (a RENAME would store the name quoted: CREATE TABLE
// "t"). The old table is renamed with PRAGMA legacy_alter_table on, which
// keeps SQLite from rewriting other tables' REFERENCES clauses (foreign
// keys are off around a migration), views and other tables' triggers to
// the old table's new name: they keep naming the table, which the new one
// becomes. The old table's indexes keep their names until it is dropped,
// so the new ones are created after the DROP.
//
// The triggers are read from sqlite_master through tables when it is a
// [dialect.CatalogQuerier] (the runner's is) and created again from their
// own SQL after the drop; a trigger that uses a column the rebuild drops
// or renames is an error, since it would not work on the new table. When
// tables cannot read the catalog (offline SQL), the triggers it knows of
// ([dialect.TriggerLister]: those the revisions' SQL created) are created
// again, and the rebuild starts with a statement that fails if the table
// has any other trigger, rather than dropping it.
func (d *Dialect) rebuildFrom(ctx context.Context, tables dialect.TableSource, live model.Table, schema, what string,
	apply func(t *model.Table, src map[string]string) error) ([]dialect.Statement, error) {
	t := live.Clone()
	src := make(map[string]string, len(t.Columns))
	for _, c := range t.Columns {
		src[c.Name] = quoteIdent(c.Name)
	}
	if err := apply(&t, src); err != nil {
		return nil, err
	}
	triggers, guard, err := liveTriggers(ctx, tables, live, t, schema, what)
	if err != nil {
		return nil, err
	}
	old := oldPrefix + live.Name
	// With foreign keys on, RENAME would rewrite other tables' REFERENCES
	// to the old table's name (left dangling by the DROP) and DROP would
	// delete through the child tables: the runner and the script frame
	// turn them off; the rebuild refuses to run without that.
	fkMsg := "retort: " + what + " rebuilds table " + live.Name + ", which needs PRAGMA foreign_keys = OFF (run it with the retort runner or the script retort writes, which turn foreign keys off)"
	stmts := append(guard,
		dialect.Statement{SQL: "SELECT json_extract('{}', " + quoteString(fkMsg) + ") FROM pragma_foreign_keys WHERE foreign_keys"},
		dialect.Statement{SQL: "PRAGMA legacy_alter_table = ON"},
		dialect.Statement{SQL: "ALTER TABLE " + qualify(schema, live.Name) + " RENAME TO " + quoteIdent(old)},
		dialect.Statement{SQL: createTableSQL(t, qualify(schema, live.Name))})
	var cols, exprs []string
	for _, c := range t.Columns {
		e, ok := src[c.Name]
		if !ok || c.Generated.Expr != "" {
			continue
		}
		cols = append(cols, quoteIdent(c.Name))
		exprs = append(exprs, e)
	}
	if len(cols) > 0 {
		stmts = append(stmts, dialect.Statement{SQL: "INSERT INTO " + qualify(schema, live.Name) + " (" + strings.Join(cols, ", ") +
			") SELECT " + strings.Join(exprs, ", ") + " FROM " + qualify(schema, old)})
	}
	if autoIncrementColumn(t) != "" {
		// The new table's counter starts at the largest id copied; the old
		// one may be higher (the newest rows were deleted): keep it, so
		// that no id is handed out twice. RENAME took the old table's row
		// along and DROP deletes it. The new table is written with
		// AUTOINCREMENT, so sqlite_sequence exists.
		seq := qualify(schema, "sqlite_sequence")
		stmts = append(stmts,
			dialect.Statement{SQL: "DELETE FROM " + seq + " WHERE name = " + quoteString(live.Name)},
			dialect.Statement{SQL: "INSERT INTO " + seq + " (name, seq) SELECT " + quoteString(live.Name) + ", seq FROM " + seq + " WHERE name = " + quoteString(old)})
	}
	stmts = append(stmts,
		dialect.Statement{SQL: "DROP TABLE " + qualify(schema, old)},
		dialect.Statement{SQL: "PRAGMA legacy_alter_table = OFF"})
	for _, ix := range t.Indexes {
		stmts = append(stmts, dialect.Statement{SQL: createIndexSQL(schema, live.Name, ix)})
	}
	for _, tr := range triggers {
		stmts = append(stmts, dialect.Statement{SQL: tr})
	}
	return stmts, nil
}

// liveTriggers returns the SQL of the triggers on live, as sqlite_master
// holds it, to create them again on the rebuilt table t. Without a
// catalog to read, it returns the guard statement instead: it fails when
// the table has triggers (json_extract's path error carries the message).
func liveTriggers(ctx context.Context, tables dialect.TableSource, live, t model.Table, schema, what string) (triggers []string, guard []dialect.Statement, err error) {
	master := qualify(schema, "sqlite_master")
	where := " FROM " + master + " WHERE type = 'trigger' AND lower(tbl_name) = lower(" + quoteString(live.Name) + ") ORDER BY name"
	cq, ok := tables.(dialect.CatalogQuerier)
	if !ok {
		// Offline: the triggers the source knows of (those the revisions'
		// SQL created) are created again; the guard stops the script on
		// any other.
		var known []dialect.Trigger
		if tl, ok := tables.(dialect.TriggerLister); ok {
			known = tl.Triggers(ctx, schema, live.Name)
		}
		cond := where
		if len(known) > 0 {
			names := make([]string, len(known))
			for i, tr := range known {
				names[i] = quoteString(tr.Name)
			}
			cond = strings.Replace(where, " ORDER BY", " AND name NOT IN ("+strings.Join(names, ", ")+") ORDER BY", 1)
		}
		msg := "retort: " + what + " rebuilds table " + live.Name + ", which would drop its trigger "
		guard = one("SELECT json_extract('{}', " + quoteString(msg) + " || name || '; run it with the retort runner, which creates triggers again')" + cond)
		for _, tr := range known {
			if err := triggerUsesDropped(tr.Name, tr.SQL, live, t, what); err != nil {
				return nil, nil, err
			}
			triggers = append(triggers, tr.SQL)
		}
		return triggers, guard, nil
	}
	names, err := cq.CatalogStrings(ctx, "SELECT name"+where)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: %s on table %s: read its triggers: %w", what, live.Name, err)
	}
	sqls, err := cq.CatalogStrings(ctx, "SELECT sql"+where)
	if err != nil || len(sqls) != len(names) {
		return nil, nil, fmt.Errorf("sqlite: %s on table %s: read its triggers: %w", what, live.Name, err)
	}
	for i, s := range sqls {
		if err := triggerUsesDropped(names[i], s, live, t, what); err != nil {
			return nil, nil, err
		}
	}
	return sqls, nil, nil
}

// triggerUsesDropped returns an error when the trigger (its CREATE text)
// uses a column of live that the rebuilt table t no longer has.
func triggerUsesDropped(name, sql string, live, t model.Table, what string) error {
	for _, c := range live.Columns {
		if columnIndex(&t, c.Name) < 0 && mentions(sql, c.Name) {
			return fmt.Errorf("sqlite: %s on table %s: trigger %s uses column %s, which the rebuild drops or renames; drop the trigger first (op.Execute(\"DROP TRIGGER %s\")) and create it again for the new columns: %w",
				what, live.Name, name, c.Name, name, ErrTriggerColumn)
		}
	}
	return nil
}

// alterColumn replaces From with To. A column that becomes NOT NULL and
// has a default is filled with COALESCE(old, default).
func alterColumn(t *model.Table, src map[string]string, o ops.AlterColumn) error {
	i := columnIndex(t, o.From.Name)
	if i < 0 {
		return fmt.Errorf("sqlite: alter column %s.%s: %w", t.Name, o.From.Name, ErrNotFound)
	}
	old := t.Columns[i].Name
	t.Columns[i] = o.To
	e := src[old]
	if o.To.Name != old {
		delete(src, old)
		t.RenameColumnRefs(old, o.To.Name)
	}
	if o.Using != "" {
		// The user's expression computes the new value from the old row.
		e = "(" + o.Using + ")"
	}
	if !o.To.Nullable && o.To.Default != "" && o.To.Generated.Expr == "" {
		e = "COALESCE(" + e + ", " + o.To.Default + ")"
	}
	src[o.To.Name] = e
	return nil
}

// dropColumn removes col and every index and constraint that names it;
// a primary-key column cannot be dropped this way.
func dropColumn(t *model.Table, src map[string]string, col string) error {
	i := columnIndex(t, col)
	if i < 0 {
		return fmt.Errorf("sqlite: drop column %s.%s: %w", t.Name, col, ErrNotFound)
	}
	if inListFold(t.PrimaryKey.Columns, col) {
		return fmt.Errorf("sqlite: drop column %s.%s: it is in the primary key; drop the primary key first", t.Name, col)
	}
	for _, c := range t.Columns {
		if c.Generated.Expr != "" && !strings.EqualFold(c.Name, col) && mentions(c.Generated.Expr, col) {
			return fmt.Errorf("sqlite: drop column %s.%s: generated column %s is computed from it; drop or change %s first", t.Name, col, c.Name, c.Name)
		}
	}
	delete(src, t.Columns[i].Name)
	t.Columns = append(t.Columns[:i:i], t.Columns[i+1:]...)
	t.Indexes = filter(t.Indexes, func(ix model.Index) bool { return !indexMentions(ix, col) })
	t.Uniques = filter(t.Uniques, func(u model.Unique) bool { return !inListFold(u.Columns, col) })
	t.ForeignKeys = filter(t.ForeignKeys, func(fk model.ForeignKey) bool { return !inListFold(fk.Columns, col) })
	t.Checks = filter(t.Checks, func(ck model.Check) bool { return !mentions(ck.Expr, col) })
	return nil
}

// dropUnique removes the unique constraint named like u, or, when u has no
// name, the one on the same columns.
func dropUnique(t *model.Table, u model.Unique) error {
	for i, x := range t.Uniques {
		if (u.Name != "" && x.Name == u.Name) || (u.Name == "" && sameFold(x.Columns, u.Columns)) {
			t.Uniques = append(t.Uniques[:i:i], t.Uniques[i+1:]...)
			return nil
		}
	}
	for i, x := range t.Uniques {
		if sameFold(x.Columns, u.Columns) {
			t.Uniques = append(t.Uniques[:i:i], t.Uniques[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("sqlite: drop unique %q (%s) on %s: %w", u.Name, strings.Join(u.Columns, ", "), t.Name, ErrNotFound)
}

// dropForeignKey removes the foreign key with fk's columns and referenced
// table (the name breaks ties).
func dropForeignKey(t *model.Table, fk model.ForeignKey) error {
	match := -1
	for i, x := range t.ForeignKeys {
		if sameFold(x.Columns, fk.Columns) && strings.EqualFold(x.RefTable, fk.RefTable) {
			if match < 0 || x.Name == fk.Name {
				match = i
			}
		}
	}
	if match < 0 {
		for i, x := range t.ForeignKeys {
			if fk.Name != "" && x.Name == fk.Name {
				match = i
			}
		}
	}
	if match < 0 {
		return fmt.Errorf("sqlite: drop foreign key %q (%s) on %s: %w", fk.Name, strings.Join(fk.Columns, ", "), t.Name, ErrNotFound)
	}
	t.ForeignKeys = append(t.ForeignKeys[:match:match], t.ForeignKeys[match+1:]...)
	return nil
}

// dropCheck removes the check named like ck, or, when ck has no name, the
// first one with the same normalized expression.
func (d *Dialect) dropCheck(t *model.Table, ck model.Check) error {
	want := d.NormalizeExpr(ck.Expr)
	for i, x := range t.Checks {
		if (ck.Name != "" && x.Name == ck.Name) || (ck.Name == "" && d.NormalizeExpr(x.Expr) == want) {
			t.Checks = append(t.Checks[:i:i], t.Checks[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("sqlite: drop check %q (%s) on %s: %w", ck.Name, ck.Expr, t.Name, ErrNotFound)
}

func columnIndex(t *model.Table, name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

func sameFold(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

func filter[T any](list []T, keep func(T) bool) []T {
	var out []T
	for _, x := range list {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
