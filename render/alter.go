package render

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

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
	aspect(ops.ChangeNullable, from.NotNullOnConflict != to.NotNullOnConflict, from.NotNullOnConflict != model.ConflictDefault, func() {
		s.Dot("NotNullOnConflict").Call(conflictCode(from.NotNullOnConflict), conflictCode(to.NotNullOnConflict))
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
	aspect(ops.ChangeAutoIncrement, from.Serial != to.Serial, from.Serial, func() {
		s.Dot("Serial").Call(jen.Lit(from.Serial), jen.Lit(to.Serial))
	})
	aspect(ops.ChangeStorage, from.Storage != to.Storage, from.Storage != "", func() {
		s.Dot("Storage").Call(lit(from.Storage), lit(to.Storage))
	})
	aspect(ops.ChangeStorage, from.Compression != to.Compression, from.Compression != "", func() {
		s.Dot("Compression").Call(lit(from.Compression), lit(to.Compression))
	})
	aspect(ops.ChangeSequence, from.Sequence != to.Sequence, from.Sequence != "", func() {
		s.Dot("Sequence").Call(lit(from.Sequence), lit(to.Sequence))
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
	aspect(ops.ChangeInvisible, from.Invisible != to.Invisible, from.Invisible, func() {
		s.Dot("Invisible").Call(jen.Lit(from.Invisible), jen.Lit(to.Invisible))
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
	if o.Using != "" {
		s.Dot("Using").Call(lit(o.Using))
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
	{ops.ChangeInvisible, "ChangeInvisible"}, {ops.ChangeSequence, "ChangeSequence"}, {ops.ChangeStorage, "ChangeStorage"},
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
