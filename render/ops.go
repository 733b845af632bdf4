package render

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// opCode returns the builder call that records o.
func opCode(op ops.Op, st style) (jen.Code, error) {
	switch o := op.(type) {
	case ops.CreateTable:
		return tableCall("CreateTable", o.Table, st)
	case ops.DropTable:
		return tableCall("DropTable", o.Table, st)
	case ops.RenameTable:
		return opIn(o.Schema).Dot("RenameTable").Call(lit(o.From), lit(o.To)), nil
	case ops.AddColumn:
		c, err := columnCode(o.Column, inline{})
		if err != nil {
			return nil, err
		}
		return opIn(o.Schema).Dot("AddColumn").Call(lit(o.Table), positioned(c, o.Position)), nil
	case ops.DropColumn:
		c, err := columnCode(o.Column, inline{})
		if err != nil {
			return nil, err
		}
		return opIn(o.Schema).Dot("DropColumn").Call(lit(o.Table), lit(o.Column.Name), positioned(c, o.Position)), nil
	case ops.AlterColumn:
		return alterCode(o)
	case ops.RenameColumn:
		return opIn(o.Schema).Dot("RenameColumn").Call(lit(o.Table), lit(o.From), lit(o.To)), nil
	case ops.CreateIndex:
		return indexCode(opIn(o.Schema).Dot("CreateIndex"), []jen.Code{lit(o.Index.Name), lit(o.Table)}, o.Index, o.Concurrently)
	case ops.DropIndex:
		return indexCode(opIn(o.Schema).Dot("DropIndex"), []jen.Code{lit(o.Index.Name), lit(o.Table)}, o.Index, o.Concurrently)
	case ops.AddPrimaryKey:
		return primaryKeyCode(opIn(o.Schema).Dot("AddPrimaryKey"), o.Table, o.PrimaryKey), nil
	case ops.DropPrimaryKey:
		return primaryKeyCode(opIn(o.Schema).Dot("DropPrimaryKey"), o.Table, o.PrimaryKey), nil
	case ops.AddUnique:
		return uniqueCode(opIn(o.Schema).Dot("AddUnique"), o.Table, o.Unique), nil
	case ops.DropUnique:
		return uniqueCode(opIn(o.Schema).Dot("DropUnique"), o.Table, o.Unique), nil
	case ops.AddForeignKey:
		return foreignKeyCode(opIn(o.Schema).Dot("AddForeignKey"), o.Table, o.ForeignKey), nil
	case ops.DropForeignKey:
		return foreignKeyCode(opIn(o.Schema).Dot("DropForeignKey"), o.Table, o.ForeignKey), nil
	case ops.AddCheck:
		if o.Check.Column != "" {
			if err := columnCheckExact(o.Check); err != nil {
				return nil, err
			}
			return opIn(o.Schema).Dot("AddColumnCheck").Call(lit(o.Table), lit(o.Check.Column), lit(o.Check.Expr)), nil
		}
		return checkCode(opIn(o.Schema).Dot("AddCheck"), o.Table, o.Check), nil
	case ops.DropCheck:
		if o.Check.Column != "" {
			if err := columnCheckExact(o.Check); err != nil {
				return nil, err
			}
			return opIn(o.Schema).Dot("DropColumnCheck").Call(lit(o.Table), lit(o.Check.Column), lit(o.Check.Expr)), nil
		}
		return checkCode(opIn(o.Schema).Dot("DropCheck"), o.Table, o.Check), nil
	case ops.SetTableComment:
		return opIn(o.Schema).Dot("SetTableComment").Call(lit(o.Table), lit(o.From), lit(o.To)), nil
	case ops.CreateExtension:
		return extensionCode("CreateExtension", o.Extension), nil
	case ops.DropExtension:
		return extensionCode("DropExtension", o.Extension), nil
	case ops.AddExclude:
		return excludeCode(opIn(o.Schema).Dot("AddExclude"), []jen.Code{lit(o.Exclude.Name), lit(o.Table)}, o.Exclude), nil
	case ops.DropExclude:
		return excludeCode(opIn(o.Schema).Dot("DropExclude"), []jen.Code{lit(o.Exclude.Name), lit(o.Table)}, o.Exclude), nil
	case ops.SetObjectComment:
		return objectCommentCode(o)
	case ops.SetTableOptions:
		s := opIn(o.Schema).Dot("SetTableOptions").Call(lit(o.Table))
		for _, opt := range o.From {
			s.Dot("From").Call(lit(opt.Name), lit(opt.Value))
		}
		for _, opt := range o.To {
			s.Dot("To").Call(lit(opt.Name), lit(opt.Value))
		}
		return s, nil
	case ops.CreateEnum:
		return enumCode(opIn(o.Enum.Schema).Dot("CreateEnum"), o.Enum), nil
	case ops.DropEnum:
		return enumCode(opIn(o.Enum.Schema).Dot("DropEnum"), o.Enum), nil
	case ops.ValidateConstraint:
		return validateCode(o)
	case ops.SetEnumComment:
		return opIn(o.Schema).Dot("SetEnumComment").Call(lit(o.Enum), lit(o.From), lit(o.To)), nil
	case ops.AddEnumValue:
		s := opIn(o.Schema).Dot("AddEnumValue").Call(lit(o.Enum), lit(o.Value))
		if o.Before != "" {
			s.Dot("Before").Call(lit(o.Before))
		}
		if o.After != "" {
			s.Dot("After").Call(lit(o.After))
		}
		return s, nil
	case ops.Execute:
		s := jen.Id("op").Dot("Execute").Call(lit(o.SQL))
		if o.DownSQL != "" {
			s.Dot("Down").Call(lit(o.DownSQL))
		}
		if o.NoTransaction {
			s.Dot("NoTransaction").Call()
		}
		return s, nil
	case ops.BulkInsert:
		return bulkInsertCode(o)
	case ops.RenameEnum:
		return opIn(o.Schema).Dot("RenameEnum").Call(lit(o.From), lit(o.To)), nil
	case ops.Custom:
		if ir, ok := ops.IrreversibleOf(o); ok {
			return jen.Id("op").Dot("Irreversible").Call(lit(ir.What)), nil
		}
		return customCode(o)
	}
	return nil, fmt.Errorf("%w: %T", ErrUnsupportedOp, op)
}

// opIn returns the receiver of a builder call: op, or op.InSchema(schema).
func opIn(schema string) *jen.Statement {
	if schema == "" {
		return jen.Id("op")
	}
	return jen.Id("op").Dot("InSchema").Call(lit(schema))
}

// litList returns the fixed arguments followed by one literal per string.
func litList(first jen.Code, rest []string, more ...jen.Code) []jen.Code {
	out := append([]jen.Code{first}, more...)
	for _, s := range rest {
		out = append(out, lit(s))
	}
	return out
}

// withTable returns the fixed arguments of a constraint call: name, then
// table unless it is "" (a table item).
func withTable(name, table string) []jen.Code {
	if table == "" {
		return []jen.Code{lit(name)}
	}
	return []jen.Code{lit(name), lit(table)}
}

// primaryKeyCode renders call(name, table, cols...) and the chained
// aspects; a table item passes table "" and gets no table argument.
func primaryKeyCode(call *jen.Statement, table string, pk model.PrimaryKey) jen.Code {
	args := withTable(pk.Name, table)
	s := call.Call(litList(args[0], pk.Columns, args[1:]...)...)
	deferral(s, pk.Deferrable, pk.InitiallyDeferred)
	primaryKeySQLite(s, pk)
	if pk.Comment != "" {
		s.Dot("Comment").Call(lit(pk.Comment))
	}
	return s
}

// uniqueCode renders call(name, table, cols...) and the chained aspects;
// a table item passes table "".
func uniqueCode(call *jen.Statement, table string, u model.Unique) jen.Code {
	args := withTable(u.Name, table)
	s := call.Call(litList(args[0], u.Columns, args[1:]...)...)
	if u.NullsNotDistinct {
		s.Dot("NullsNotDistinct").Call()
	}
	deferral(s, u.Deferrable, u.InitiallyDeferred)
	if u.Comment != "" {
		s.Dot("Comment").Call(lit(u.Comment))
	}
	uniqueSQLite(s, u)
	return s
}

// checkCode renders call(name, table, expr) and the chained aspects; a
// table item passes table "".
func checkCode(call *jen.Statement, table string, ck model.Check) jen.Code {
	s := call.Call(append(withTable(ck.Name, table), lit(ck.Expr))...)
	if ck.NoInherit {
		s.Dot("NoInherit").Call()
	}
	if ck.NotValid {
		s.Dot("NotValid").Call()
	}
	if ck.Comment != "" {
		s.Dot("Comment").Call(lit(ck.Comment))
	}
	return s
}

// deferral chains .Deferrable() and .InitiallyDeferred() as set.
func deferral(s *jen.Statement, deferrable, initiallyDeferred bool) {
	if deferrable {
		s.Dot("Deferrable").Call()
	}
	if initiallyDeferred {
		s.Dot("InitiallyDeferred").Call()
	}
}

// foreignKeyCode renders call(name, table, cols, refTable, refCols) and the
// chained aspects; a table item passes table "" and gets no table argument.
func foreignKeyCode(call *jen.Statement, table string, fk model.ForeignKey) jen.Code {
	args := []jen.Code{lit(fk.Name)}
	if table != "" {
		args = append(args, lit(table))
	}
	args = append(args, strs(fk.Columns), lit(fk.RefTable), strs(fk.RefColumns))
	s := call.Call(args...)
	if fk.OnDelete != model.NoAction {
		s.Dot("OnDelete").Call(lit(fk.OnDelete.String()))
	}
	if fk.OnUpdate != model.NoAction {
		s.Dot("OnUpdate").Call(lit(fk.OnUpdate.String()))
	}
	deferral(s, fk.Deferrable, fk.InitiallyDeferred)
	if fk.MatchFull {
		s.Dot("MatchFull").Call()
	}
	if fk.NotValid {
		s.Dot("NotValid").Call()
	}
	if fk.Comment != "" {
		s.Dot("Comment").Call(lit(fk.Comment))
	}
	if fk.RefSchema != "" {
		s.Dot("RefSchema").Call(lit(fk.RefSchema))
	}
	return s
}

// indexCode renders an index call: the leading column keys as arguments,
// the other keys with Expr and Columns, then the index's aspects.
func indexCode(call *jen.Statement, args []jen.Code, ix model.Index, concurrently bool) (jen.Code, error) {
	i := 0
	for ; i < len(ix.Parts) && ix.Parts[i].Column != "" && ix.Parts[i].Expr == ""; i++ {
		args = append(args, lit(ix.Parts[i].Column))
	}
	s := call.Call(args...)
	if ix.Unique {
		s.Dot("Unique").Call()
	}
	for i < len(ix.Parts) {
		isExpr := ix.Parts[i].Column == ""
		var group []jen.Code
		for ; i < len(ix.Parts) && (ix.Parts[i].Column == "") == isExpr; i++ {
			p := ix.Parts[i]
			if p.Column != "" && p.Expr != "" {
				return nil, fmt.Errorf("%w: index %s: key %d has both a column and an expression", ErrInexact, ix.Name, i)
			}
			group = append(group, lit(p.Column+p.Expr))
		}
		if isExpr {
			s.Dot("Expr").Call(group...)
		} else {
			s.Dot("Columns").Call(group...)
		}
	}
	// Desc and Length name keys; keys that share a name must agree.
	seen := map[string]model.IndexPart{}
	for _, p := range ix.Parts {
		key := p.Column + p.Expr
		if q, ok := seen[key]; ok {
			if q != p {
				return nil, fmt.Errorf("%w: index %s: key %q appears twice with different order or length", ErrInexact, ix.Name, key)
			}
			continue
		}
		seen[key] = p
		if p.Desc {
			s.Dot("Desc").Call(lit(key))
		}
		if p.Length != 0 {
			s.Dot("Length").Call(lit(key), jen.Lit(p.Length))
		}
		if p.Collation != "" {
			s.Dot("Collate").Call(lit(key), lit(p.Collation))
		}
		if p.Opclass != "" {
			s.Dot("Opclass").Call(lit(key), lit(p.Opclass))
		}
		switch p.Nulls {
		case model.NullsFirst:
			s.Dot("Nulls").Call(lit(key), jen.Qual(modelPath, "NullsFirst"))
		case model.NullsLast:
			s.Dot("Nulls").Call(lit(key), jen.Qual(modelPath, "NullsLast"))
		}
	}
	if ix.Where != "" {
		s.Dot("Where").Call(lit(ix.Where))
	}
	if ix.Method != "" {
		s.Dot("Using").Call(lit(ix.Method))
	}
	if len(ix.Include) > 0 {
		s.Dot("Include").Call(litList(lit(ix.Include[0]), ix.Include[1:])...)
	}
	if ix.NullsNotDistinct {
		s.Dot("NullsNotDistinct").Call()
	}
	if ix.StorageParams != "" {
		s.Dot("With").Call(lit(ix.StorageParams))
	}
	if ix.Comment != "" {
		s.Dot("Comment").Call(lit(ix.Comment))
	}
	if ix.Invisible {
		s.Dot("Invisible").Call()
	}
	if concurrently {
		s.Dot("Concurrently").Call()
	}
	return s, nil
}

// lit renders a string literal: a raw string when the text holds double
// quotes, backslashes or line breaks and a raw string can carry it
// unchanged, else an interpreted one.
func lit(s string) jen.Code {
	if strings.ContainsAny(s, "\"\\\n") && canRaw(s) {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

// canRaw reports whether s can be written as a (possibly multi-line) raw
// string literal unchanged.
func canRaw(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '`' || r == '\r' || r == '\uFEFF' || r != '\n' && r != '\t' && !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

// strs renders a []string composite literal, or nil.
func strs(list []string) jen.Code {
	if list == nil {
		return jen.Nil()
	}
	items := make([]jen.Code, len(list))
	for i, s := range list {
		items[i] = lit(s)
	}
	return jen.Index().String().Values(items...)
}

// bulkInsertCode writes op.BulkInsert("t", []string{...}, []any{...}, ...),
// one row a line; values keep their Go types (int64(1), time.Date(...)).
func bulkInsertCode(o ops.BulkInsert) (jen.Code, error) {
	args := []jen.Code{lit(o.Table), jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, c := range o.Columns {
			g.Add(lit(c))
		}
	})}
	for i, row := range o.Rows {
		vals := make([]jen.Code, len(row))
		for j, v := range row {
			c, err := insertValue(v)
			if err != nil {
				return nil, fmt.Errorf("bulk insert into %s, row %d: %w", o.Table, i+1, err)
			}
			vals[j] = c
		}
		args = append(args, jen.Line().Index().Any().Values(vals...))
	}
	return opIn(o.Schema).Dot("BulkInsert").Call(args...), nil
}

// insertValue writes a bulk-insert value as a Go expression of its own
// type; times are written in UTC.
func insertValue(v any) (jen.Code, error) {
	switch x := v.(type) {
	case nil:
		return jen.Nil(), nil
	case string:
		return lit(x), nil
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return jen.Lit(x), nil
	case []byte:
		return jen.Index().Byte().Call(lit(string(x))), nil
	case time.Time:
		x = x.UTC()
		return jen.Qual("time", "Date").Call(jen.Lit(x.Year()), jen.Qual("time", x.Month().String()), jen.Lit(x.Day()),
			jen.Lit(x.Hour()), jen.Lit(x.Minute()), jen.Lit(x.Second()), jen.Lit(x.Nanosecond()), jen.Qual("time", "UTC")), nil
	}
	return nil, fmt.Errorf("%w: a %T value (use nil, bool, numbers, string, []byte or time.Time)", ErrInexact, v)
}

// positioned adds .First() or .After(name) to a column's builder chain
// when the op places the column.
func positioned(c jen.Code, p ops.ColumnPosition) jen.Code {
	s, ok := c.(*jen.Statement)
	switch {
	case !ok || p.IsLast():
		return c
	case p.First:
		return s.Dot("First").Call()
	}
	return s.Dot("After").Call(lit(p.After))
}

// columnCheckExact refuses a column-level check (MariaDB's, see
// [model.Check.Column]) that no ColumnCheck call records: one not named
// after its column, or carrying PostgreSQL's check attributes.
func columnCheckExact(c model.Check) error {
	if c.Name != c.Column || c.NoInherit || c.NotValid || c.Comment != "" {
		return fmt.Errorf("%w: column-level check %s of column %s is not named after its column or carries NO INHERIT, NOT VALID or a comment", ErrInexact, c.Name, c.Column)
	}
	return nil
}
