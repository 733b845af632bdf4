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
func tableCall(method string, t model.Table, st style) (jen.Code, error) {
	if t.RenamedFrom != "" {
		// A hint for diff, which follows it with a RenameTable op and
		// never leaves it on a table it emits; no builder call records it.
		return nil, fmt.Errorf("%w: table %s carries a renamed_from hint (%s)", ErrInexact, t.Name, t.RenamedFrom)
	}
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
			u.Name == model.UniqueName(t.Name, u.Columns[0]) &&
			!u.NullsNotDistinct && !u.Deferrable && !u.InitiallyDeferred && u.Comment == "" && u.OnConflict == model.ConflictDefault
	}, func(i, col int) { in[col].unique = true })
	nf := 0
	if st.inlineForeignKeys {
		nf = inlinePrefix(t, len(t.ForeignKeys), func(i, col int) bool { return inlineForeignKey(t, i, col) },
			func(i, col int) { in[col].fk = &t.ForeignKeys[i] })
	}
	nc := inlinePrefix(t, len(t.Checks), func(i, col int) bool {
		ck := t.Checks[i]
		return ck.Expr != "" && !ck.NotValid && ck.Column == "" && ck.Name == model.CheckName(t.Name, t.Columns[col].Name) && !ck.NoInherit && ck.Comment == ""
	}, func(i, col int) { in[col].check = t.Checks[i].Expr })

	var items []jen.Code
	for i, c := range t.Columns {
		code, err := columnCode(c, in[i])
		if err != nil {
			return nil, err
		}
		items = append(items, code)
	}
	if pk := t.PrimaryKey; !pkInline && (pk.Name != "" || len(pk.Columns) > 0 || pk.Deferrable || pk.InitiallyDeferred || pk.Comment != "") {
		items = append(items, primaryKeyCode(jen.Id("op").Dot("PrimaryKey"), "", t.PrimaryKey))
	}
	for _, u := range t.Uniques[nu:] {
		items = append(items, uniqueCode(jen.Id("op").Dot("Unique"), "", u))
	}
	for _, fk := range t.ForeignKeys[nf:] {
		items = append(items, foreignKeyCode(jen.Id("op").Dot("ForeignKey"), "", fk))
	}
	for _, ck := range t.Checks[nc:] {
		if ck.Column != "" {
			if err := columnCheckExact(ck); err != nil {
				return nil, err
			}
			items = append(items, jen.Id("op").Dot("ColumnCheck").Call(lit(ck.Column), lit(ck.Expr)))
			continue
		}
		items = append(items, checkCode(jen.Id("op").Dot("Check"), "", ck))
	}
	for _, x := range t.Excludes {
		items = append(items, excludeCode(jen.Id("op").Dot("Exclude"), []jen.Code{lit(x.Name)}, x))
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

// inlineForeignKey reports whether foreign key i of t can be written as
// .References() on column col.
func inlineForeignKey(t model.Table, i, col int) bool {
	fk := t.ForeignKeys[i]
	return len(fk.Columns) == 1 && fk.Columns[0] == t.Columns[col].Name && len(fk.RefColumns) == 1 &&
		fk.RefTable != "" && fk.RefSchema == "" && fk.OnUpdate == model.NoAction && !fk.Deferrable && !fk.InitiallyDeferred &&
		!fk.MatchFull && fk.Comment == "" && !fk.NotValid &&
		fk.Name == model.ForeignKeyName(t.Name, fk.Columns, fk.RefTable)
}

// style is what one file decides once for all its ops, so the file reads
// consistently.
type style struct {
	// inlineForeignKeys writes foreign keys as .References() on their
	// column: only when every foreign key of every table the file creates
	// or drops can be, else all are table-level op.ForeignKey items.
	inlineForeignKeys bool
}

// fileStyle decides the style of a file holding the op lists.
func fileStyle(lists ...[]ops.Op) style {
	st := style{inlineForeignKeys: true}
	for _, list := range lists {
		for _, o := range list {
			var t model.Table
			switch o := o.(type) {
			case ops.CreateTable:
				t = o.Table
			case ops.DropTable:
				t = o.Table
			default:
				continue
			}
			if n := inlinePrefix(t, len(t.ForeignKeys), func(i, col int) bool { return inlineForeignKey(t, i, col) }, func(int, int) {}); n < len(t.ForeignKeys) {
				st.inlineForeignKeys = false
			}
		}
	}
	return st
}

// inlinePrimaryKey reports whether the primary key can be written as
// .PrimaryKey() on its columns: it has the conventional name, and its
// columns are NOT NULL columns of the table, listed in table order.
func inlinePrimaryKey(t model.Table) bool {
	pk := t.PrimaryKey
	if len(pk.Columns) == 0 || pk.Name != model.PrimaryKeyName(t.Name) || pk.Deferrable || pk.InitiallyDeferred ||
		pk.OnConflict != model.ConflictDefault || len(pk.Desc) > 0 || pk.Comment != "" {
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
	if c.NotNullOnConflict != model.ConflictDefault {
		s.Dot("NotNullOnConflict").Call(conflictCode(c.NotNullOnConflict))
	}
	switch {
	case c.Serial: // implies AutoIncrement
		s.Dot("Serial").Call()
	case c.AutoIncrement:
		s.Dot("AutoIncrement").Call()
	}
	if c.Sequence != "" {
		s.Dot("Sequence").Call(lit(c.Sequence))
	}
	if c.Storage != "" {
		s.Dot("Storage").Call(lit(c.Storage))
	}
	if c.Compression != "" {
		s.Dot("Compression").Call(lit(c.Compression))
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
	if c.Invisible {
		s.Dot("Invisible").Call()
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
