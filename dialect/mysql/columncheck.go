package mysql

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// MariaDB keeps a column-level CHECK (one written in a column's
// definition; [model.Check.Column]) apart from a table constraint: it is
// named after its column, printed in the column's definition, and only
// restating the column removes it (DROP CONSTRAINT does not). So every
// MODIFY or CHANGE of such a column restates its checks, and adding or
// dropping one is a MODIFY of its column with or without it.

// columnDefIn writes c's definition with the column-level checks t holds
// for it, so that restating the column keeps them.
func (d *Dialect) columnDefIn(t model.Table, c model.Column) string {
	return d.columnDefWith(c, columnChecks(t, c.Name))
}

// columnDefWith writes c's definition followed by CHECK (expr) for each
// check.
func (d *Dialect) columnDefWith(c model.Column, checks []model.Check) string {
	def := d.columnDef(c)
	for _, ck := range checks {
		def += " CHECK (" + ck.Expr + ")"
	}
	return def
}

// columnChecks returns t's column-level checks on col.
func columnChecks(t model.Table, col string) []model.Check {
	var out []model.Check
	for _, ck := range t.Checks {
		if ck.Column != "" && ck.Column == col {
			out = append(out, ck)
		}
	}
	return out
}

// columnCheckSQL writes AddCheck and DropCheck of a column-level check: a
// MODIFY COLUMN of the live column with its other column-level checks, and
// with ck when adding. It needs the live table (the column's whole
// definition is restated).
func (d *Dialect) columnCheckSQL(ctx context.Context, tables dialect.TableSource, schema, table string, ck model.Check, add bool) ([]dialect.Statement, error) {
	t, ok, err := liveTable(ctx, tables, schema, table)
	if err != nil {
		return nil, err
	}
	c, found := t.Column(ck.Column)
	if !ok || !found {
		return nil, fmt.Errorf("%w: check %s on %s.%s is column-level: writing it restates the column, which needs the live table (run online)",
			ErrUnsupported, ck.Name, table, ck.Column)
	}
	var keep []model.Check
	for _, other := range columnChecks(t, ck.Column) {
		if other.Name != ck.Name {
			keep = append(keep, other)
		}
	}
	if add {
		keep = append(keep, ck)
	}
	return d.alter(schema, table, "MODIFY COLUMN "+d.columnDefWith(c, keep)), nil
}

// liveColumnDef writes the definition of column to as MODIFY or CHANGE
// takes it, with the column-level checks the live table holds on the
// column (from, its name before the change).
func (d *Dialect) liveColumnDef(ctx context.Context, tables dialect.TableSource, o ops.AlterColumn) (string, error) {
	if d.Flavor != FlavorMariaDB {
		return d.columnDef(o.To), nil
	}
	t, ok, err := liveTable(ctx, tables, o.Schema, o.Table)
	if err != nil || !ok {
		return d.columnDef(o.To), err
	}
	from := o.From.Name
	if from == "" {
		from = o.To.Name
	}
	return d.columnDefWith(o.To, columnChecks(t, from)), nil
}
