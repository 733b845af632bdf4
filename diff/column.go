package diff

import (
	"strings"

	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// compareColumn compares a reflected column with its canonical target and
// returns the aspects that differ, and the column to alter to: the target,
// with the aspects Options ignore copied from the reflected column so an
// AlterColumn never changes them.
func (c *comparer) compareColumn(ctx CompareContext, from, to *model.Column) (ops.ChangeKind, model.Column) {
	canon := *to
	var k ops.ChangeKind
	switch changed, decided := c.typeChanged(ctx, from, to); {
	case changed:
		k |= ops.ChangeType
	case c.opts.IgnoreTypes || decided:
		canon.Type = from.Type
	}
	if from.Nullable != to.Nullable {
		k |= ops.ChangeNullable
	}
	switch changed, decided := c.defaultChanged(ctx, from, to, &canon); {
	case changed:
		k |= ops.ChangeDefault
	case c.opts.IgnoreServerDefaults || decided:
		canon.Default = from.Default
	}
	if from.Comment != to.Comment {
		k |= ops.ChangeComment
	}
	// AutoIncrement with neither Serial nor an identity leaves the
	// mechanism to the dialect: either kind of live column matches it.
	open := to.AutoIncrement && !to.Serial && to.Identity == model.IdentityNone
	if from.AutoIncrement != to.AutoIncrement || (to.AutoIncrement && !open && from.Serial != to.Serial) {
		k |= ops.ChangeAutoIncrement
	}
	if from.Identity != to.Identity && !(open && from.AutoIncrement && from.Identity == model.IdentityByDefault) {
		k |= ops.ChangeIdentity
	}
	if open && from.AutoIncrement {
		// The alter keeps the live mechanism.
		canon.Serial, canon.Identity = from.Serial, from.Identity
	}
	if !strings.EqualFold(from.Storage, to.Storage) || !strings.EqualFold(from.Compression, to.Compression) {
		k |= ops.ChangeStorage
	}
	if from.Sequence != to.Sequence {
		k |= ops.ChangeSequence
	}
	if !c.sameExpr(from.Generated.Expr, to.Generated.Expr) ||
		(from.Generated.Expr != "" && from.Generated.Stored != to.Generated.Stored) {
		k |= ops.ChangeGenerated
	}
	if !strings.EqualFold(from.Collation, to.Collation) || !strings.EqualFold(from.Charset, to.Charset) {
		k |= ops.ChangeCollation
	}
	if !c.sameExpr(from.OnUpdate, to.OnUpdate) {
		k |= ops.ChangeOnUpdate
	}
	if from.Invisible != to.Invisible {
		k |= ops.ChangeInvisible
	}
	if from.NotNullOnConflict != to.NotNullOnConflict {
		k |= ops.ChangeNullable // the NOT NULL constraint's clause
	}
	return k, canon
}

// normDefault normalises a column's default; no default stays empty.
func (c *comparer) normDefault(col *model.Column) string {
	if strings.TrimSpace(col.Default) == "" {
		return ""
	}
	return c.d.NormalizeDefault(*col)
}

// colKey names a column of a table, to remember hook answers.
type colKey struct {
	table tableKey
	name  string
}

// typeChanged reports whether the column's type changed, and whether it
// was decided otherwise than by comparing spellings (the reflected type is
// then kept by an alter). IgnoreTypes wins; then CompareType (asked once
// per column and remembered, as foreign-key decisions ask again); then
// NormalizeType on both sides; then, for a type the Go type implies, the
// dialect's [ImpliedTypes].
func (c *comparer) typeChanged(ctx CompareContext, from, to *model.Column) (changed, decided bool) {
	if c.opts.IgnoreTypes {
		return false, false
	}
	if c.opts.CompareType != nil {
		k := colKey{tableKey{ctx.Schema, ctx.Table}, to.Name}
		if v, ok := c.typeMemo[k]; ok {
			return v.changed, v.decided
		}
		changed, decided := c.opts.CompareType(ctx, *from, *to)
		if c.typeMemo == nil {
			c.typeMemo = map[colKey]verdict{}
		}
		c.typeMemo[k] = verdict{changed, decided}
		if decided {
			return changed, true
		}
	}
	if from.Type.SQL == to.Type.SQL || c.d.NormalizeType(from.Type.SQL) == c.d.NormalizeType(to.Type.SQL) {
		return false, false
	}
	if c.sameImplied(ctx, from, to) {
		// The reflected type means what the Go type implies: no change,
		// and an alter for another aspect keeps the reflected type.
		return false, true
	}
	return true, false
}

// verdict is a hook's answer.
type verdict struct{ changed, decided bool }

// defaultChanged reports whether the column's server default changed, and
// whether CompareServerDefault decided it. canon is the target column with
// the type it will have after the alter.
func (c *comparer) defaultChanged(ctx CompareContext, from, to, canon *model.Column) (changed, decided bool) {
	if c.opts.IgnoreServerDefaults {
		return false, false
	}
	if c.opts.CompareServerDefault != nil {
		if changed, decided := c.opts.CompareServerDefault(ctx, *from, *to, from.Default, to.Default); decided {
			return changed, true
		}
	}
	return (from.Default != to.Default || from.Type.SQL != to.Type.SQL) && c.normDefault(from) != c.normDefault(canon), false
}
