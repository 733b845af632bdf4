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
)

// rebuildPrefix starts the name of the table a rebuild builds.
const rebuildPrefix = "_retort_new_"

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
	return d.rebuildFrom(live, schema, what, apply)
}

// rebuildFrom writes SQLite's table rebuild of live: CREATE TABLE the new
// definition under a temporary name, copy the rows, drop the old table,
// rename the new one, recreate the indexes. apply changes the definition
// and src, which maps each new column to the SQL that fills it from the old
// table (initially every old column to itself); a column without an entry
// takes its default.
func (d *Dialect) rebuildFrom(live model.Table, schema, what string,
	apply func(t *model.Table, src map[string]string) error) ([]dialect.Statement, error) {
	t := live.Clone()
	src := make(map[string]string, len(t.Columns))
	for _, c := range t.Columns {
		src[c.Name] = quoteIdent(c.Name)
	}
	if err := apply(&t, src); err != nil {
		return nil, err
	}
	tmp := rebuildPrefix + live.Name
	stmts := one(createTableSQL(t, qualify(schema, tmp)))
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
		stmts = append(stmts, dialect.Statement{SQL: "INSERT INTO " + qualify(schema, tmp) + " (" + strings.Join(cols, ", ") +
			") SELECT " + strings.Join(exprs, ", ") + " FROM " + qualify(schema, live.Name)})
	}
	// legacy_alter_table keeps RENAME from re-checking views that name the
	// old table, which is missing between DROP and RENAME.
	stmts = append(stmts,
		dialect.Statement{SQL: "DROP TABLE " + qualify(schema, live.Name)},
		dialect.Statement{SQL: "PRAGMA legacy_alter_table = ON"},
		dialect.Statement{SQL: "ALTER TABLE " + qualify(schema, tmp) + " RENAME TO " + quoteIdent(live.Name)},
		dialect.Statement{SQL: "PRAGMA legacy_alter_table = OFF"})
	for _, ix := range t.Indexes {
		stmts = append(stmts, dialect.Statement{SQL: createIndexSQL(schema, live.Name, ix)})
	}
	return stmts, nil
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
		renameInTable(t, old, o.To.Name)
	}
	if !o.To.Nullable && o.To.Default != "" && o.To.Generated.Expr == "" {
		e = "COALESCE(" + e + ", " + o.To.Default + ")"
	}
	src[o.To.Name] = e
	return nil
}

// renameInTable renames a column in the key and constraint column lists.
func renameInTable(t *model.Table, from, to string) {
	ren := func(list []string) {
		for i, c := range list {
			if c == from {
				list[i] = to
			}
		}
	}
	ren(t.PrimaryKey.Columns)
	for i := range t.Uniques {
		ren(t.Uniques[i].Columns)
	}
	for i := range t.ForeignKeys {
		ren(t.ForeignKeys[i].Columns)
	}
	for i := range t.Indexes {
		for j := range t.Indexes[i].Parts {
			if t.Indexes[i].Parts[j].Column == from {
				t.Indexes[i].Parts[j].Column = to
			}
		}
	}
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
