package safety

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// CountOptions shape [Count].
type CountOptions struct {
	// Schema is the schema (PostgreSQL) or database (MySQL) that ops
	// naming none refer to; empty means the connection's current one.
	Schema string
}

// Count adds row counts from the live database q, as it is before list
// runs, to the findings that depend on rows:
//
//   - a new NOT NULL: rows holding NULL (every row, for a new column);
//   - a unique constraint, unique index or primary key: duplicated keys;
//   - a check: rows that break it;
//   - a foreign key: rows whose key is missing from the referenced table;
//   - a dropped table: its rows; a dropped column: its non-NULL values;
//   - a narrowed character type: values longer than the new length.
//
// It returns a copy of findings with Rows set and the count appended to
// Message ("... (12 rows have NULL)"). Findings it cannot count (their
// table is created earlier in the list, an expression index) keep Rows at
// -1. Queries that fail are skipped and returned joined in the error; the
// other counts are still made.
func Count(ctx context.Context, q introspect.Querier, d dialect.Dialect, list []ops.Op, findings []Finding, opts CountOptions) ([]Finding, error) {
	out := append([]Finding(nil), findings...)
	c := counter{d: d, schema: opts.Schema}
	created := map[string]bool{}
	var errs []error
	for i, op := range list {
		if t, ok := op.(ops.CreateTable); ok {
			created[qualify(t.Table.Schema, t.Table.Name)] = true
			continue
		}
		for k := range out {
			f := &out[k]
			if f.Op != i || f.Rows >= 0 || (f.Kind != DataLoss && f.Kind != FailsOnRows) {
				continue
			}
			schema, table := opTable(op)
			if created[qualify(schema, table)] {
				continue
			}
			query, words := c.query(op, f.Kind)
			if query == "" {
				continue
			}
			n, err := scalar(ctx, q, query)
			if err != nil {
				if ctx.Err() != nil {
					return out, fmt.Errorf("safety: count: %w", ctx.Err())
				}
				errs = append(errs, fmt.Errorf("safety: count for op %d (%s): %w", i+1, ops.Describe(op), err))
				continue
			}
			f.Rows = n
			f.Message += " (" + strconv.FormatInt(n, 10) + " " + words(n) + ")"
		}
	}
	return out, errors.Join(errs...)
}

// scalar runs a count query.
func scalar(ctx context.Context, q introspect.Querier, query string) (int64, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

// counter writes count queries on one dialect.
type counter struct {
	d      dialect.Dialect
	schema string
}

func (c counter) table(schema, name string) string {
	if schema == "" {
		schema = c.schema
	}
	if schema == "" {
		return c.d.QuoteIdent(name)
	}
	return c.d.QuoteIdent(schema) + "." + c.d.QuoteIdent(name)
}

func (c counter) cols(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = c.d.QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}

func (c counter) notNull(names []string, alias string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = alias + c.d.QuoteIdent(n) + " IS NOT NULL"
	}
	return strings.Join(q, " AND ")
}

func rowsWord(what string) func(int64) string {
	return func(n int64) string {
		if n == 1 {
			return "row " + strings.Replace(what, "have", "has", 1)
		}
		return "rows " + what
	}
}

// duplicates counts the key values that occur more than once.
func (c counter) duplicates(schema, table string, cols []string, where string) (string, func(int64) string) {
	w := c.notNull(cols, "")
	if where != "" {
		w += " AND (" + where + ")"
	}
	q := "SELECT count(*) FROM (SELECT " + c.cols(cols) + " FROM " + c.table(schema, table) + " WHERE " + w +
		" GROUP BY " + c.cols(cols) + " HAVING count(*) > 1) dup"
	return q, func(n int64) string {
		if n == 1 {
			return "duplicated key value"
		}
		return "duplicated key values"
	}
}

// query returns the count query for a finding of kind on op, and the words
// that follow the number; "" when there is none.
func (c counter) query(op ops.Op, kind Kind) (string, func(int64) string) {
	switch o := op.(type) {
	case ops.DropTable:
		return "SELECT count(*) FROM " + c.table(o.Table.Schema, o.Table.Name), rowsWord("deleted")
	case ops.DropColumn:
		return "SELECT count(*) FROM " + c.table(o.Schema, o.Table) + " WHERE " + c.d.QuoteIdent(o.Column.Name) + " IS NOT NULL",
			func(n int64) string {
				if n == 1 {
					return "non-NULL value lost"
				}
				return "non-NULL values lost"
			}
	case ops.AddColumn:
		return "SELECT count(*) FROM " + c.table(o.Schema, o.Table), rowsWord("exist")
	case ops.AlterColumn:
		col := c.d.QuoteIdent(o.From.Name)
		if kind == FailsOnRows && o.Change.Has(ops.ChangeNullable) {
			return "SELECT count(*) FROM " + c.table(o.Schema, o.Table) + " WHERE " + col + " IS NULL", rowsWord("have NULL")
		}
		if kind == DataLoss && o.Change.Has(ops.ChangeType) {
			to := dialect.ParseType(c.d.NormalizeType(o.To.Type.SQL))
			if to.Family == dialect.FamilyString && to.Size > 0 {
				length := "char_length(" + col + ")"
				if cl, ok := c.d.(dialect.CharLength); ok {
					length = cl.CharLength(col)
				}
				return "SELECT count(*) FROM " + c.table(o.Schema, o.Table) + " WHERE " + length + " > " + strconv.FormatInt(to.Size, 10),
					rowsWord("have longer values")
			}
		}
	case ops.AddUnique:
		return c.duplicates(o.Schema, o.Table, o.Unique.Columns, "")
	case ops.AddPrimaryKey:
		return c.duplicates(o.Schema, o.Table, o.PrimaryKey.Columns, "")
	case ops.CreateIndex:
		if !o.Index.Unique {
			return "", nil
		}
		for _, p := range o.Index.Parts {
			if p.Column == "" {
				return "", nil
			}
		}
		return c.duplicates(o.Schema, o.Table, o.Index.Columns(), o.Index.Where)
	case ops.AddCheck:
		return "SELECT count(*) FROM " + c.table(o.Schema, o.Table) + " WHERE NOT (" + o.Check.Expr + ")", rowsWord("break the check")
	case ops.AddForeignKey:
		return c.orphans(o.Schema, o.Table, o.ForeignKey), rowsWord("reference missing rows")
	}
	return "", nil
}

// orphans counts rows whose foreign key matches no referenced row.
func (c counter) orphans(schema, table string, fk model.ForeignKey) string {
	var join []string
	for i, col := range fk.Columns {
		if i < len(fk.RefColumns) {
			join = append(join, "p."+c.d.QuoteIdent(fk.RefColumns[i])+" = c."+c.d.QuoteIdent(col))
		}
	}
	refSchema := fk.RefSchema
	if refSchema == "" {
		refSchema = schema
	}
	return "SELECT count(*) FROM " + c.table(schema, table) + " c WHERE " + c.notNull(fk.Columns, "c.") +
		" AND NOT EXISTS (SELECT 1 FROM " + c.table(refSchema, fk.RefTable) + " p WHERE " + strings.Join(join, " AND ") + ")"
}

// opTable returns the table an op works on.
func opTable(op ops.Op) (schema, table string) {
	switch o := op.(type) {
	case ops.DropTable:
		return o.Table.Schema, o.Table.Name
	case ops.AddColumn:
		return o.Schema, o.Table
	case ops.DropColumn:
		return o.Schema, o.Table
	case ops.AlterColumn:
		return o.Schema, o.Table
	case ops.CreateIndex:
		return o.Schema, o.Table
	case ops.AddPrimaryKey:
		return o.Schema, o.Table
	case ops.AddUnique:
		return o.Schema, o.Table
	case ops.AddForeignKey:
		return o.Schema, o.Table
	case ops.AddCheck:
		return o.Schema, o.Table
	case ops.DropPrimaryKey:
		return o.Schema, o.Table
	case ops.DropUnique:
		return o.Schema, o.Table
	case ops.DropForeignKey:
		return o.Schema, o.Table
	case ops.DropCheck:
		return o.Schema, o.Table
	case ops.SetTableOptions:
		return o.Schema, o.Table
	}
	return "", ""
}
