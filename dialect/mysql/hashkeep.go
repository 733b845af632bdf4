package mysql

import (
	"context"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var _ dialect.AlterKeeper = (*Dialect)(nil)

// KeepAlters keeps, on MariaDB, the table's unique keys written USING
// HASH on short columns (not a long unique key over a whole BLOB or TEXT
// column): MariaDB 10.11 turns such a key into an ordinary unique key on
// every ALTER TABLE, CREATE INDEX or DROP INDEX of its table (not on
// RENAME TABLE), and SHOW CREATE TABLE then prints it without USING HASH.
// Each ALTER TABLE of the group's table drops such a key and adds it
// again in the same statement, before the statement's own clauses
// ("DROP INDEX uh, ADD UNIQUE INDEX uh (a) USING HASH, ADD COLUMN d
// int", with the key's comment and other options), which keeps it as
// written; a CREATE or DROP INDEX of the table becomes the ALTER TABLE
// that carries the same clauses. The long unique keys the server lists
// after the first such key are dropped and added again with it, in their
// order, so that the server's key order stays as it was, a key the
// statement creates going last.
//
// A key the group creates, drops or rebuilds itself (a KEY_BLOCK_SIZE
// change, an index comment) is left to it, and so is a key on a column
// the group drops or renames (the server changes or drops such a key:
// it loses USING HASH), or a long key on a BLOB or TEXT column the group
// changes. A statement that is not an ALTER of the table (RENAME TABLE,
// DROP TABLE, a user's SQL) is left as it is. Offline, without a table
// source that knows the table, nothing is added. MySQL 8 keeps no such
// key.
func (d *Dialect) KeepAlters(ctx context.Context, group []ops.Op, stmts []dialect.Statement, tables dialect.TableSource) ([]dialect.Statement, error) {
	if d.Flavor != FlavorMariaDB || len(group) == 0 {
		return stmts, nil
	}
	schema, table, ok := alteredTable(group[0])
	if !ok {
		return stmts, nil
	}
	target := qualify(schema, table)
	alters := func(s dialect.Statement) bool { return s.AlterTable == target && s.Clause != "" && !s.NoTransaction }
	if !slices.ContainsFunc(stmts, alters) {
		return stmts, nil
	}
	t, ok, err := liveTable(ctx, tables, schema, table)
	if err != nil || !ok {
		return stmts, err
	}
	var rebuild []string
	for _, ix := range t.Indexes {
		short := d.shortHashKey(&t, ix)
		if d.keyGroup(&t, ix) != groupLongUnique || len(rebuild) == 0 && !short || touchesKey(group, stmts, ix, !short) {
			continue
		}
		rebuild = append(rebuild, "DROP INDEX "+quoteIdent(ix.Name), d.createIndex(schema, table, ix, false).Clause)
	}
	if len(rebuild) == 0 {
		return stmts, nil
	}
	keep := strings.Join(rebuild, ", ")
	out := slices.Clone(stmts)
	for i, s := range out {
		if alters(s) {
			s.Clause = keep + ", " + s.Clause
			s.SQL = "ALTER TABLE " + target + " " + s.Clause
			out[i] = s
		}
	}
	return out, nil
}

// shortHashKey reports whether ix is a unique key of t written USING HASH
// whose columns an ordinary key can hold (no whole BLOB or TEXT column):
// the key MariaDB turns into an ordinary one on an ALTER TABLE.
func (d *Dialect) shortHashKey(t *model.Table, ix model.Index) bool {
	if d.Flavor != FlavorMariaDB || !ix.Unique || !strings.EqualFold(ix.Method, "HASH") {
		return false
	}
	return !slices.ContainsFunc(ix.Parts, func(p model.IndexPart) bool {
		c, ok := foldedColumn(t, p.Column)
		return ok && p.Length == 0 && isBlobOrText(c.Type.SQL)
	})
}

// touchesKey reports whether group names ix (creates, drops or comments
// it), drops or renames one of its columns (or, when modified is set,
// changes one in any way), or whether stmts drop it already (a
// KEY_BLOCK_SIZE change rebuilds every key).
func touchesKey(group []ops.Op, stmts []dialect.Statement, ix model.Index, modified bool) bool {
	same := func(a, b string) bool { return a != "" && strings.EqualFold(a, b) }
	onKey := func(col string) bool {
		return slices.ContainsFunc(ix.Parts, func(p model.IndexPart) bool { return same(col, p.Column) })
	}
	for _, op := range group {
		switch o := op.(type) {
		case ops.CreateIndex:
			if same(o.Index.Name, ix.Name) {
				return true
			}
		case ops.DropIndex:
			if same(o.Index.Name, ix.Name) {
				return true
			}
		case ops.AddUnique:
			if same(o.Unique.Name, ix.Name) {
				return true
			}
		case ops.DropUnique:
			if same(o.Unique.Name, ix.Name) {
				return true
			}
		case ops.SetObjectComment:
			if same(o.Name, ix.Name) {
				return true
			}
		case ops.DropColumn:
			if onKey(o.Column.Name) {
				return true
			}
		case ops.RenameColumn:
			if onKey(o.From) {
				return true
			}
		case ops.AlterColumn:
			renamed := o.From.Name != "" && o.From.Name != o.To.Name
			if (renamed || modified) && (onKey(o.From.Name) || onKey(o.To.Name)) {
				return true
			}
		}
	}
	drop := strings.ToLower("DROP INDEX " + quoteIdent(ix.Name))
	return slices.ContainsFunc(stmts, func(s dialect.Statement) bool {
		return strings.Contains(strings.ToLower(s.Clause), drop)
	})
}

// alteredTable is the table whose ALTER TABLE op is, if it is one.
func alteredTable(op ops.Op) (schema, table string, ok bool) {
	switch o := op.(type) {
	case ops.AddColumn:
		return o.Schema, o.Table, true
	case ops.DropColumn:
		return o.Schema, o.Table, true
	case ops.AlterColumn:
		return o.Schema, o.Table, true
	case ops.RenameColumn:
		return o.Schema, o.Table, true
	case ops.CreateIndex:
		return o.Schema, o.Table, true
	case ops.DropIndex:
		return o.Schema, o.Table, true
	case ops.AddPrimaryKey:
		return o.Schema, o.Table, true
	case ops.DropPrimaryKey:
		return o.Schema, o.Table, true
	case ops.AddUnique:
		return o.Schema, o.Table, true
	case ops.DropUnique:
		return o.Schema, o.Table, true
	case ops.AddForeignKey:
		return o.Schema, o.Table, true
	case ops.DropForeignKey:
		return o.Schema, o.Table, true
	case ops.AddCheck:
		return o.Schema, o.Table, true
	case ops.DropCheck:
		return o.Schema, o.Table, true
	case ops.SetTableComment:
		return o.Schema, o.Table, true
	case ops.SetObjectComment:
		return o.Schema, o.Table, true
	case ops.SetTableOptions:
		return o.Schema, o.Table, true
	}
	return "", "", false
}
