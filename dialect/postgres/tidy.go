package postgres

import (
	"regexp"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

var _ dialect.ScriptTidier = (*Dialect)(nil)

// TidyOp implements dialect.ScriptTidier: an index method btree (the
// default) is left out, and a quoted literal default cast to the column's
// own type ('free'::character varying on a character varying(20) column)
// becomes the plain literal, which PostgreSQL casts the same way.
func (d *Dialect) TidyOp(op ops.Op) ops.Op {
	switch o := op.(type) {
	case ops.CreateTable:
		o.Table = d.tidyTable(o.Table)
		return o
	case ops.DropTable:
		o.Table = d.tidyTable(o.Table)
		return o
	case ops.AddColumn:
		o.Column = d.tidyColumn(o.Column, o.Column.Type)
		return o
	case ops.DropColumn:
		o.Column = d.tidyColumn(o.Column, o.Column.Type)
		return o
	case ops.AlterColumn:
		o.From = d.tidyColumn(o.From, o.From.Type)
		typ := o.To.Type
		if typ.IsZero() {
			typ = o.From.Type
		}
		o.To = d.tidyColumn(o.To, typ)
		return o
	case ops.CreateIndex:
		o.Index = tidyIndex(o.Index)
		return o
	case ops.DropIndex:
		o.Index = tidyIndex(o.Index)
		return o
	}
	return op
}

func (d *Dialect) tidyTable(t model.Table) model.Table {
	t.Columns = slices.Clone(t.Columns)
	for i, c := range t.Columns {
		t.Columns[i] = d.tidyColumn(c, c.Type)
	}
	t.Indexes = slices.Clone(t.Indexes)
	for i, ix := range t.Indexes {
		t.Indexes[i] = tidyIndex(ix)
	}
	return t
}

func tidyIndex(ix model.Index) model.Index {
	if strings.EqualFold(ix.Method, "btree") {
		ix.Method = ""
	}
	return ix
}

// castLiteral matches a quoted literal with a cast: 'text'::type.
var castLiteral = regexp.MustCompile(`^('(?:[^']|'')*')::(.+)$`)

// typeModifiers are a type's length, precision or scale: (20), (10,2).
var typeModifiers = regexp.MustCompile(`\(\s*\d+\s*(?:,\s*\d+\s*)?\)`)

// tidyColumn drops from c's default a cast to typ, the column's type.
func (d *Dialect) tidyColumn(c model.Column, typ model.Type) model.Column {
	m := castLiteral.FindStringSubmatch(strings.TrimSpace(c.Default))
	if m == nil || typ.IsZero() {
		return c
	}
	base := func(s string) string {
		return strings.Join(strings.Fields(typeModifiers.ReplaceAllString(strings.ToLower(d.NormalizeType(s)), "")), " ")
	}
	if base(m[2]) == base(d.TypeSQL(typ)) {
		c.Default = m[1]
	}
	return c
}
