package sqlite

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/introspect"
)

var _ introspect.UnmodeledLister = Inspector{}

// Unmodeled names the views, triggers and virtual tables (FTS, R*Tree,
// ...) of the database opts.Schema names (empty: "main"), with one query
// over sqlite_master. A virtual table's shadow tables are its own and are
// not named apart; triggers of a table opts refuses are left out.
func (Inspector) Unmodeled(ctx context.Context, q introspect.Querier, opts introspect.Options) ([]introspect.Object, error) {
	master := "sqlite_master"
	if opts.Schema != "" && opts.Schema != "main" {
		master = quoteIdent(opts.Schema) + ".sqlite_master"
	}
	rows, err := q.QueryContext(ctx, `SELECT type, name, tbl_name, COALESCE(sql, '') FROM `+master+
		` WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list views, triggers and virtual tables: %w", err)
	}
	defer rows.Close()
	var out []introspect.Object
	for rows.Next() {
		var typ, name, table, text string
		if err := rows.Scan(&typ, &name, &table, &text); err != nil {
			return nil, fmt.Errorf("sqlite: list views, triggers and virtual tables: %w", err)
		}
		switch {
		case typ == "view":
			out = append(out, introspect.Object{Kind: introspect.View, Name: name})
		case typ == "trigger" && opts.Includes(table):
			out = append(out, introspect.Object{Kind: introspect.Trigger, Name: name, Table: table})
		case typ == "table" && isVirtual(text) && opts.Includes(name):
			out = append(out, introspect.Object{Kind: introspect.VirtualTable, Name: name})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list views, triggers and virtual tables: %w", err)
	}
	return out, nil
}
