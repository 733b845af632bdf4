package render

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// inline holds the constraints a column definition carries inline.
type inline struct {
	pk     bool
	unique bool
	fk     *model.ForeignKey
	check  string
}

// tableCall renders op.CreateTable or op.DropTable with one item per line.
// Constraints named by convention are written inline on their column
// (.PrimaryKey(), .Unique(), .References(), .Check()) when re-recording
// gives them back in the same place; the rest are table-level items.
func tableCall(method string, t model.Table) (jen.Code, error) {
	in := make([]inline, len(t.Columns))
	pkInline := inlinePrimaryKey(t)
	if pkInline {
		for i, c := range t.Columns {
			in[i].pk = slices.Contains(t.PrimaryKey.Columns, c.Name)
		}
	}
	nu := inlinePrefix(t, len(t.Uniques), func(i, col int) bool {
		u := t.Uniques[i]
		return len(u.Columns) == 1 && u.Columns[0] == t.Columns[col].Name &&
			u.Name == model.UniqueName(t.Name, u.Columns[0])
	}, func(i, col int) { in[col].unique = true })
	nf := inlinePrefix(t, len(t.ForeignKeys), func(i, col int) bool {
		fk := t.ForeignKeys[i]
		return len(fk.Columns) == 1 && fk.Columns[0] == t.Columns[col].Name && len(fk.RefColumns) == 1 &&
			fk.RefTable != "" && fk.RefSchema == "" && fk.OnUpdate == model.NoAction && !fk.Deferrable && !fk.InitiallyDeferred &&
			fk.Name == model.ForeignKeyName(t.Name, fk.Columns, fk.RefTable)
	}, func(i, col int) { in[col].fk = &t.ForeignKeys[i] })
	nc := inlinePrefix(t, len(t.Checks), func(i, col int) bool {
		ck := t.Checks[i]
		return ck.Expr != "" && ck.Name == model.CheckName(t.Name, t.Columns[col].Name)
	}, func(i, col int) { in[col].check = t.Checks[i].Expr })

	var items []jen.Code
	for i, c := range t.Columns {
		code, err := columnCode(c, in[i])
		if err != nil {
			return nil, err
		}
		items = append(items, code)
	}
	if !pkInline && (t.PrimaryKey.Name != "" || len(t.PrimaryKey.Columns) > 0) {
		items = append(items, jen.Id("op").Dot("PrimaryKey").Call(litList(lit(t.PrimaryKey.Name), t.PrimaryKey.Columns)...))
	}
	for _, u := range t.Uniques[nu:] {
		items = append(items, jen.Id("op").Dot("Unique").Call(litList(lit(u.Name), u.Columns)...))
	}
	for _, fk := range t.ForeignKeys[nf:] {
		items = append(items, foreignKeyCode(jen.Id("op").Dot("ForeignKey"), "", fk))
	}
	for _, ck := range t.Checks[nc:] {
		items = append(items, jen.Id("op").Dot("Check").Call(lit(ck.Name), lit(ck.Expr)))
	}
	for _, ix := range t.Indexes {
		code, err := indexCode(jen.Id("op").Dot("Index"), []jen.Code{lit(ix.Name)}, ix, false)
		if err != nil {
			return nil, err
		}
		items = append(items, code)
	}
	if t.Comment != "" {
		items = append(items, jen.Id("op").Dot("Comment").Call(lit(t.Comment)))
	}
	for _, o := range t.Options {
		items = append(items, jen.Id("op").Dot("Option").Call(lit(o.Name), lit(o.Value)))
	}
	return opIn(t.Schema).Dot(method).Call(multiline(lit(t.Name), items)...), nil
}

// multiline returns call arguments that put first on the call's line and
// each item on a line of its own, with a trailing comma.
func multiline(first jen.Code, items []jen.Code) []jen.Code {
	args := []jen.Code{first}
	for i, it := range items {
		s := jen.Line().Add(it)
		if i == len(items)-1 {
			s.Op(",").Line()
		}
		args = append(args, s)
	}
	return args
}

// inlinePrimaryKey reports whether the primary key can be written as
// .PrimaryKey() on its columns: it has the conventional name, and its
// columns are NOT NULL columns of the table, listed in table order.
func inlinePrimaryKey(t model.Table) bool {
	pk := t.PrimaryKey
	if len(pk.Columns) == 0 || pk.Name != model.PrimaryKeyName(t.Name) {
		return false
	}
	last := -1
	for _, name := range pk.Columns {
		pos := slices.IndexFunc(t.Columns, func(c model.Column) bool { return c.Name == name })
		if pos <= last || t.Columns[pos].Nullable {
			return false
		}
		last = pos
	}
	return true
}

// inlinePrefix finds the longest prefix of a constraint list (n long)
// whose constraints can each be written inline on a column, the columns in
// strictly increasing table order (re-recording appends inline constraints
// in column order, before table-level ones). ok reports whether constraint
// i fits column col; take marks it. It returns the prefix length.
func inlinePrefix(t model.Table, n int, ok func(i, col int) bool, take func(i, col int)) int {
	last := -1
	for i := range n {
		col := -1
		for c := last + 1; c < len(t.Columns); c++ {
			if ok(i, c) {
				col = c
				break
			}
		}
		if col < 0 {
			return i
		}
		take(i, col)
		last = col
	}
	return n
}

// columnCode renders op.Column(name, type) and the chained aspects.
func columnCode(c model.Column, in inline) (jen.Code, error) {
	s := jen.Id("op").Dot("Column").Call(lit(c.Name), lit(c.Type.SQL))
	if c.Type.Enum != "" || c.Type.EnumValues != nil {
		s.Dot("Enum").Call(litList(lit(c.Type.Enum), c.Type.EnumValues)...)
	}
	if c.Type.Logical != model.LogicalNone {
		s.Dot("Logical").Call(logicalCode(c.Type.Logical))
	}
	if c.Type.Size != 0 {
		s.Dot("Size").Call(jen.Lit(c.Type.Size))
	}
	if c.Type.Unsigned {
		s.Dot("Unsigned").Call()
	}
	switch {
	case in.pk:
		s.Dot("PrimaryKey").Call()
	case !c.Nullable:
		s.Dot("NotNull").Call()
	}
	if c.AutoIncrement {
		s.Dot("AutoIncrement").Call()
	}
	switch c.Identity {
	case model.IdentityNone:
	case model.IdentityAlways:
		s.Dot("IdentityAlways").Call()
	case model.IdentityByDefault:
		s.Dot("IdentityByDefault").Call()
	default:
		s.Dot("Identity").Call(identityCode(c.Identity))
	}
	if c.Default != "" {
		s.Dot("Default").Call(lit(c.Default))
	}
	if c.Generated != (model.Generated{}) {
		if c.Generated.Stored {
			s.Dot("GeneratedStored").Call(lit(c.Generated.Expr))
		} else {
			s.Dot("GeneratedVirtual").Call(lit(c.Generated.Expr))
		}
	}
	if c.Charset != "" {
		s.Dot("Charset").Call(lit(c.Charset))
	}
	if c.Collation != "" {
		s.Dot("Collation").Call(lit(c.Collation))
	}
	if c.OnUpdate != "" {
		s.Dot("OnUpdate").Call(lit(c.OnUpdate))
	}
	if in.unique {
		s.Dot("Unique").Call()
	}
	if in.fk != nil {
		s.Dot("References").Call(lit(in.fk.RefTable), lit(in.fk.RefColumns[0]))
		if in.fk.OnDelete != model.NoAction {
			s.Dot("OnDelete").Call(lit(in.fk.OnDelete.String()))
		}
	}
	if in.check != "" {
		s.Dot("Check").Call(lit(in.check))
	}
	if c.Comment != "" {
		s.Dot("Comment").Call(lit(c.Comment))
	}
	if c.RenamedFrom != "" {
		s.Dot("RenamedFrom").Call(lit(c.RenamedFrom))
	}
	return s, nil
}

var logicalNames = [...]string{
	model.LogicalNone: "LogicalNone", model.LogicalBool: "LogicalBool", model.LogicalSmallInt: "LogicalSmallInt",
	model.LogicalInt: "LogicalInt", model.LogicalBigInt: "LogicalBigInt", model.LogicalReal: "LogicalReal",
	model.LogicalDouble: "LogicalDouble", model.LogicalString: "LogicalString", model.LogicalBytes: "LogicalBytes",
	model.LogicalTimestamp: "LogicalTimestamp", model.LogicalJSON: "LogicalJSON", model.LogicalUUID: "LogicalUUID",
	model.LogicalDecimal: "LogicalDecimal",
}

// logicalCode renders a model.Logical constant.
func logicalCode(l model.Logical) jen.Code {
	if l >= 0 && int(l) < len(logicalNames) {
		return jen.Qual(modelPath, logicalNames[l])
	}
	return jen.Qual(modelPath, "Logical").Call(jen.Lit(int(l)))
}

// identityCode renders a model.Identity constant.
func identityCode(i model.Identity) jen.Code {
	switch i {
	case model.IdentityNone:
		return jen.Qual(modelPath, "IdentityNone")
	case model.IdentityAlways:
		return jen.Qual(modelPath, "IdentityAlways")
	case model.IdentityByDefault:
		return jen.Qual(modelPath, "IdentityByDefault")
	}
	return jen.Qual(modelPath, "Identity").Call(jen.Lit(int(i)))
}

// typeCode renders a model.Type composite literal.
func typeCode(t model.Type) jen.Code {
	var f []jen.Code
	if t.SQL != "" {
		f = append(f, jen.Id("SQL").Op(":").Add(lit(t.SQL)))
	}
	if t.Logical != model.LogicalNone {
		f = append(f, jen.Id("Logical").Op(":").Add(logicalCode(t.Logical)))
	}
	if t.Size != 0 {
		f = append(f, jen.Id("Size").Op(":").Lit(t.Size))
	}
	if t.Unsigned {
		f = append(f, jen.Id("Unsigned").Op(":").True())
	}
	if t.Enum != "" {
		f = append(f, jen.Id("Enum").Op(":").Add(lit(t.Enum)))
	}
	if t.EnumValues != nil {
		f = append(f, jen.Id("EnumValues").Op(":").Add(strs(t.EnumValues)))
	}
	return jen.Qual(modelPath, "Type").Values(f...)
}

// generatedCode renders a model.Generated composite literal.
func generatedCode(g model.Generated) jen.Code {
	var f []jen.Code
	if g.Expr != "" {
		f = append(f, jen.Id("Expr").Op(":").Add(lit(g.Expr)))
	}
	if g.Stored {
		f = append(f, jen.Id("Stored").Op(":").True())
	}
	return jen.Qual(modelPath, "Generated").Values(f...)
}

// sqlOnly reports whether a type is just SQL text.
func sqlOnly(t model.Type) bool {
	return t.Logical == model.LogicalNone && t.Size == 0 && !t.Unsigned && t.Enum == "" && t.EnumValues == nil
}

func typesEqual(a, b model.Type) bool {
	return a.SQL == b.SQL && a.Logical == b.Logical && a.Size == b.Size && a.Unsigned == b.Unsigned &&
		a.Enum == b.Enum && slices.Equal(a.EnumValues, b.EnumValues)
}

// alterCode renders op.AlterColumn with one chained call per aspect that
// differs, Existing(<the column before>) when an unchanged aspect is not
// the builder's default, and Change when the op's bits are not the ones
// the changed aspects imply.
func alterCode(o ops.AlterColumn) (jen.Code, error) {
	from, to := o.From, o.To
	if from.Name != to.Name {
		return nil, fmt.Errorf("%w: alter column %s: From names %q, To names %q", ErrInexact, o.Table, from.Name, to.Name)
	}
	s := opIn(o.Schema).Dot("AlterColumn").Call(lit(o.Table), lit(from.Name))
	def := model.Column{Name: from.Name, Nullable: true}
	var bits ops.ChangeKind
	existing := false
	aspect := func(k ops.ChangeKind, differ, nonDefault bool, emit func()) {
		if differ {
			emit()
			bits |= k
		} else if nonDefault {
			existing = true
		}
	}
	aspect(ops.ChangeType, !typesEqual(from.Type, to.Type), !typesEqual(from.Type, def.Type), func() {
		if sqlOnly(from.Type) && sqlOnly(to.Type) {
			s.Dot("Type").Call(lit(from.Type.SQL), lit(to.Type.SQL))
		} else {
			s.Dot("TypeOf").Call(typeCode(from.Type), typeCode(to.Type))
		}
	})
	aspect(ops.ChangeNullable, from.Nullable != to.Nullable, !from.Nullable, func() {
		if to.Nullable {
			s.Dot("DropNotNull").Call()
		} else {
			s.Dot("SetNotNull").Call()
		}
	})
	aspect(ops.ChangeDefault, from.Default != to.Default, from.Default != "", func() {
		s.Dot("Default").Call(lit(from.Default), lit(to.Default))
	})
	aspect(ops.ChangeComment, from.Comment != to.Comment, from.Comment != "", func() {
		s.Dot("Comment").Call(lit(from.Comment), lit(to.Comment))
	})
	aspect(ops.ChangeAutoIncrement, from.AutoIncrement != to.AutoIncrement, from.AutoIncrement, func() {
		if to.AutoIncrement {
			s.Dot("SetAutoIncrement").Call()
		} else {
			s.Dot("DropAutoIncrement").Call()
		}
	})
	aspect(ops.ChangeIdentity, from.Identity != to.Identity, from.Identity != model.IdentityNone, func() {
		s.Dot("Identity").Call(identityCode(from.Identity), identityCode(to.Identity))
	})
	aspect(ops.ChangeGenerated, from.Generated != to.Generated, from.Generated != model.Generated{}, func() {
		s.Dot("Generated").Call(generatedCode(from.Generated), generatedCode(to.Generated))
	})
	aspect(ops.ChangeCollation, from.Charset != to.Charset, from.Charset != "", func() {
		s.Dot("Charset").Call(lit(from.Charset), lit(to.Charset))
	})
	aspect(ops.ChangeCollation, from.Collation != to.Collation, from.Collation != "", func() {
		s.Dot("Collation").Call(lit(from.Collation), lit(to.Collation))
	})
	aspect(ops.ChangeOnUpdate, from.OnUpdate != to.OnUpdate, from.OnUpdate != "", func() {
		s.Dot("OnUpdate").Call(lit(from.OnUpdate), lit(to.OnUpdate))
	})
	aspect(0, from.RenamedFrom != to.RenamedFrom, from.RenamedFrom != "", func() {
		s.Dot("RenamedFrom").Call(lit(from.RenamedFrom), lit(to.RenamedFrom))
	})
	if existing {
		c, err := columnCode(from, inline{})
		if err != nil {
			return nil, err
		}
		s.Dot("Existing").Call(c)
	}
	if bits != o.Change {
		s.Dot("Change").Call(changeCode(o.Change))
	}
	return s, nil
}

var changeNames = []struct {
	k    ops.ChangeKind
	name string
}{
	{ops.ChangeType, "ChangeType"}, {ops.ChangeNullable, "ChangeNullable"}, {ops.ChangeDefault, "ChangeDefault"},
	{ops.ChangeComment, "ChangeComment"}, {ops.ChangeAutoIncrement, "ChangeAutoIncrement"},
	{ops.ChangeIdentity, "ChangeIdentity"}, {ops.ChangeGenerated, "ChangeGenerated"},
	{ops.ChangeCollation, "ChangeCollation"}, {ops.ChangeOnUpdate, "ChangeOnUpdate"},
}

// changeCode renders a ChangeKind as ops.ChangeX|ops.ChangeY.
func changeCode(k ops.ChangeKind) jen.Code {
	s := jen.Null()
	rest := k
	n := 0
	for _, c := range changeNames {
		if k&c.k == 0 {
			continue
		}
		if n > 0 {
			s.Op("|")
		}
		s.Qual(opsPath, c.name)
		rest &^= c.k
		n++
	}
	if rest != 0 || n == 0 {
		if n > 0 {
			s.Op("|")
		}
		s.Qual(opsPath, "ChangeKind").Call(jen.Lit(int(rest)))
	}
	return s
}
