package rewriter

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// TwoStepOption configures [TwoStepNotNull].
type TwoStepOption func(*twoStep)

type twoStep struct {
	backfill func(ctx Context, op ops.AddColumn) string
}

// Backfill gives the SQL expression that fills existing rows for a NOT
// NULL column added without a server default, e.g. "0" or "created_at".
// f returns "" to leave that AddColumn as it is.
func Backfill(f func(ctx Context, op ops.AddColumn) string) TwoStepOption {
	return func(t *twoStep) { t.backfill = f }
}

// TwoStepNotNull returns a Rewriter that adds a NOT NULL column to a table
// that may hold rows in three steps, in either direction:
//
//	op.AddColumn("users", op.Column("status", "text").Default("'active'"))   // nullable
//	op.Execute("UPDATE users SET status = 'active' WHERE status IS NULL")
//	op.AlterColumn("users", "status").SetNotNull().Existing(...)
//
// The backfill value is the column's server default. A column without one
// is left as a single AddColumn unless a [Backfill] option gives the value;
// so are auto-increment, identity and generated columns, which the
// database fills itself. The reverse of the upgrade's AddColumn, a
// DropColumn, is not changed.
//
// Names in the UPDATE are quoted, in ctx.SQLDialect's quotes, only when
// they are not plain lower-case identifiers.
func TwoStepNotNull(opts ...TwoStepOption) *Rewriter {
	var cfg twoStep
	for _, o := range opts {
		o(&cfg)
	}
	r := New()
	On(r, func(ctx Context, op ops.AddColumn) ([]ops.Op, error) {
		c := op.Column
		if c.Nullable || c.AutoIncrement || c.Identity != model.IdentityNone || c.Generated.Expr != "" {
			return []ops.Op{op}, nil
		}
		value := c.Default
		if value == "" && cfg.backfill != nil {
			value = cfg.backfill(ctx, op)
		}
		if value == "" {
			return []ops.Op{op}, nil
		}
		nullable := c
		nullable.Nullable = true
		col := quote(ctx.SQLDialect, c.Name)
		update := "UPDATE " + qualified(ctx.SQLDialect, op.Schema, op.Table) + " SET " + col + " = " + value + " WHERE " + col + " IS NULL"
		return []ops.Op{
			ops.AddColumn{Schema: op.Schema, Table: op.Table, Column: nullable},
			ops.Execute{SQL: update},
			ops.AlterColumn{Schema: op.Schema, Table: op.Table, Change: ops.ChangeNullable, From: nullable, To: c},
		}, nil
	})
	return r
}

// ConcurrentIndexes returns a Rewriter that, on a dialect that can
// (PostgreSQL; see [SQLDialect]), builds and drops indexes with
// CONCURRENTLY, so they do not lock writes. The postgres dialect runs
// such statements outside the migration's transaction: the runner commits
// the ops before them first. Other dialects are left alone.
func ConcurrentIndexes() *Rewriter {
	r := New()
	On(r, func(ctx Context, op ops.CreateIndex) ([]ops.Op, error) {
		op.Concurrently = op.Concurrently || concurrent(ctx.SQLDialect)
		return []ops.Op{op}, nil
	})
	On(r, func(ctx Context, op ops.DropIndex) ([]ops.Op, error) {
		op.Concurrently = op.Concurrently || concurrent(ctx.SQLDialect)
		return []ops.Op{op}, nil
	})
	return r
}

// concurrent reports whether d builds and drops indexes concurrently.
func concurrent(d SQLDialect) bool {
	c, ok := d.(interface{ ConcurrentIndexes() bool })
	return ok && c.ConcurrentIndexes()
}

// plainIdent is an identifier that needs no quotes in any dialect, unless
// it is a reserved word.
var plainIdent = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// reserved lists the reserved words likely to be used as a name.
var reserved = map[string]bool{
	"all": true, "and": true, "check": true, "column": true, "constraint": true, "default": true,
	"desc": true, "from": true, "group": true, "index": true, "key": true, "limit": true,
	"not": true, "null": true, "or": true, "order": true, "primary": true, "references": true,
	"select": true, "table": true, "to": true, "user": true, "where": true,
}

// quote quotes name in d's quotes when it is not a plain identifier.
func quote(d SQLDialect, name string) string {
	if plainIdent.MatchString(name) && !reserved[name] {
		return name
	}
	if q, ok := d.(interface{ QuoteIdentAlways(string) string }); ok {
		return q.QuoteIdentAlways(name)
	}
	if d != nil {
		return d.QuoteIdent(name)
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qualified is "schema.table", or "table", quoted as needed.
func qualified(d SQLDialect, schema, table string) string {
	if schema == "" {
		return quote(d, table)
	}
	return quote(d, schema) + "." + quote(d, table)
}
