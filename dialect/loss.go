package dialect

import (
	"github.com/retortdb/retort/internal/sqllex"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// LexRules are the lexical rules of a dialect's SQL: quote characters,
// escapes, comments (see [SQLLexer]).
type LexRules = sqllex.Rules

// SQLLexer is implemented by a dialect whose SQL is not lexed by the ANSI
// rules: its quote characters, escapes and comments. Every dialect of this
// module implements it; [SQLLoss] reads raw SQL with its rules.
type SQLLexer interface {
	// LexRules are the rules raw SQL is lexed with.
	LexRules() LexRules
}

// TypeChangeLoss classifies a change from one type to another on d:
// [CompareTypes], except where d keeps any value whatever its declared
// type ([FlexibleTyping]): there a type change loses nothing unless d
// converts the values it copies to the new type ([ValueRewriter]: SQLite
// turns the text '007' into the integer 7), and removing enum values
// (which a CHECK enforces) only fails on the rows that hold them.
func TypeChangeLoss(d Dialect, from, to TypeShape) TypeLoss {
	if f, ok := d.(FlexibleTyping); ok && f.FlexibleTyping() {
		if from.Family == FamilyEnum && to.Family == FamilyEnum {
			if l := CompareTypes(from, to); l.Narrowing {
				l.FailsOnRows = true
				return l
			}
		}
		if r, ok := d.(ValueRewriter); ok {
			if why := r.RewritesValues(from, to); why != "" {
				return TypeLoss{Cast: true, Why: why}
			}
		}
		return TypeLoss{}
	}
	return CompareTypes(from, to)
}

// lexRules returns d's lexical rules, or ANSI's.
func lexRules(d Dialect) LexRules {
	if l, ok := d.(SQLLexer); ok {
		return l.LexRules()
	}
	return LexRules{}
}

// LossOptions shape [DataLoss]. The zero value works.
type LossOptions struct {
	// Current is the schema the ops start from, when known: it gives the
	// values of enum types the list does not define.
	Current *model.Schema
}

// DataLoss returns the data-loss findings of list on d, in op order: a
// dropped table or column (see [ops.StructuralLoss]), a column type
// narrowed or converted lossily ([TypeChangeLoss]; not on a table the list
// created earlier, which is empty), enum values removed, and raw SQL
// (Execute ops, and ops inside a custom op that holds ops) that drops a
// table, a column, a schema or a partition, truncates, or deletes without
// WHERE — lexed with d's quoting rules, not pattern-matched. It is the one
// classification the runner's data-loss gate refuses and package safety
// reports as data-loss findings.
func DataLoss(d Dialect, list []ops.Op, opts LossOptions) []ops.Loss {
	enums := CollectEnums(opts.Current, list)
	created := map[string]bool{}
	var out []ops.Loss
	for i, op := range list {
		for _, l := range opLoss(d, enums, created, op) {
			l.Op = i
			out = append(out, l)
		}
		if c, ok := op.(ops.CreateTable); ok {
			created[qualify(c.Table.Schema, c.Table.Name)] = true
		}
		if r, ok := op.(ops.RenameTable); ok && created[qualify(r.Schema, r.From)] {
			created[qualify(r.Schema, r.To)] = true
		}
	}
	return out
}

// container is a custom op that holds ops (rewriter.Container).
type container interface{ Ops() []ops.Op }

// opLoss returns the losses of one op, without Op set.
func opLoss(d Dialect, enums EnumValues, created map[string]bool, op ops.Op) []ops.Loss {
	if l, ok := ops.StructuralLoss(op); ok {
		return []ops.Loss{l}
	}
	switch o := op.(type) {
	case ops.AlterColumn:
		if !o.Change.Has(ops.ChangeType) || created[qualify(o.Schema, o.Table)] {
			return nil
		}
		return alterLoss(d, enums, o)
	case ops.Execute:
		return SQLLoss(d, o.SQL)
	case ops.Custom:
		c, ok := o.Op.(container)
		if !ok {
			return nil
		}
		var out []ops.Loss
		for _, inner := range c.Ops() {
			out = append(out, opLoss(d, enums, created, inner)...)
		}
		return out
	}
	return nil
}

// alterLoss classifies an AlterColumn's type change.
func alterLoss(d Dialect, enums EnumValues, o ops.AlterColumn) []ops.Loss {
	name := o.To.Name
	if name == "" {
		name = o.From.Name
	}
	obj := qualify(o.Schema, o.Table) + "." + name
	from, to := enums.Shape(d, o.From), enums.Shape(d, o.To)
	l := TypeChangeLoss(d, from, to)
	if !l.Lossy() {
		return nil
	}
	verb := "narrows"
	if l.Cast {
		verb = "converts"
	}
	loss := ops.Loss{
		Kind: ops.LossType, Object: obj, Message: verb + " " + obj + " " + from.SQL + " -> " + to.SQL + ": " + l.Why,
		Schema: o.Schema, Table: o.Table, Column: name, From: from.SQL, To: to.SQL, Refused: l.Refused,
	}
	if from.Family == FamilyEnum && to.Family == FamilyEnum {
		loss.Kind, loss.Values = ops.LossEnumValues, l.Removed
		if o.From.Type.Enum != "" {
			loss.Enum = enums.Origin(o.Schema, o.From.Type.Enum)
		} else if _, ok := enums.values[qualify(o.Schema, from.Base)]; ok {
			loss.Enum = enums.Origin(o.Schema, from.Base)
		}
	}
	return []ops.Loss{loss}
}

// EnumValues holds the values of the named enum types an op list works
// with, from the schema it starts from and from the list itself, and the
// name each had before the list renamed it (an enum rebuild renames the
// old type aside).
type EnumValues struct {
	values map[string][]string
	origin map[string]string
}

// CollectEnums reads the enum values of current (may be nil) and list.
func CollectEnums(current *model.Schema, list []ops.Op) EnumValues {
	e := EnumValues{values: map[string][]string{}, origin: map[string]string{}}
	if current != nil {
		for _, en := range current.Enums {
			e.values[qualify(en.Schema, en.Name)] = en.Values
		}
	}
	for _, op := range list {
		switch o := op.(type) {
		case ops.CreateEnum:
			e.values[qualify(o.Enum.Schema, o.Enum.Name)] = o.Enum.Values
		case ops.RenameEnum:
			from, to := qualify(o.Schema, o.From), qualify(o.Schema, o.To)
			if vals, ok := e.values[from]; ok {
				if _, seen := e.values[to]; !seen {
					e.values[to] = vals
				}
			}
			if _, seen := e.origin[to]; !seen {
				e.origin[to] = e.Origin(o.Schema, o.From)
			}
		case ops.DropEnum:
			if _, ok := e.values[qualify(o.Enum.Schema, o.Enum.Name)]; !ok {
				e.values[qualify(o.Enum.Schema, o.Enum.Name)] = o.Enum.Values
			}
		}
	}
	return e
}

// Origin returns the name an enum had before the list renamed it, or name.
func (e EnumValues) Origin(schema, name string) string {
	if o, ok := e.origin[qualify(schema, name)]; ok {
		return o
	}
	return name
}

// Shape reads a column's type on d: resolved with TypeSQL, normalised,
// and for an enum column given the enum's values.
func (e EnumValues) Shape(d Dialect, c model.Column) TypeShape {
	sql := c.Type.SQL
	if sql == "" && d != nil {
		sql = d.TypeSQL(c.Type)
	}
	if d != nil {
		sql = d.NormalizeType(sql)
	}
	t := ParseType(sql)
	if c.Type.Enum != "" || len(c.Type.EnumValues) > 0 {
		t.Family = FamilyEnum
		t.Values = c.Type.EnumValues
		if len(t.Values) == 0 {
			t.Values = e.values[qualify("", c.Type.Enum)]
		}
	} else if vals, ok := e.values[qualify("", t.Base)]; ok && t.Family == FamilyOther {
		t.Family, t.Values = FamilyEnum, vals
	}
	return t
}

func qualify(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}
