package mysql

import (
	"context"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// rebuildKeysFor returns the clauses that rebuild every key of the table
// when o changes KEY_BLOCK_SIZE (", DROP PRIMARY KEY, ADD PRIMARY KEY
// (...), DROP INDEX ix, ADD INDEX ix (...)"), or "". MariaDB gives each
// existing key the old table value as its own KEY_BLOCK_SIZE when the
// table's changes (SHOW CREATE TABLE then prints PRIMARY KEY (`id`)
// KEY_BLOCK_SIZE=8 under a table of KEY_BLOCK_SIZE=4); a key rebuilt in
// the same statement takes the table's value, as a table created with the
// new value has it. A key's own KEY_BLOCK_SIZE is not modelled: offline
// (no live table) nothing is rebuilt.
func (d *Dialect) rebuildKeysFor(ctx context.Context, tables dialect.TableSource, o ops.SetTableOptions) (string, error) {
	if _, ok := (&model.Table{Options: o.To}).Option("KEY_BLOCK_SIZE"); !ok {
		return "", nil
	}
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil || !ok {
		return "", err
	}
	var b strings.Builder
	if len(t.PrimaryKey.Columns) > 0 {
		b.WriteString(", DROP PRIMARY KEY, ADD " + primaryKeyDef(t.PrimaryKey))
	}
	for _, ix := range t.Indexes {
		b.WriteString(", DROP INDEX " + quoteIdent(ix.Name) + ", " + d.createIndex(o.Schema, o.Table, ix, false).Clause)
	}
	return b.String(), nil
}
