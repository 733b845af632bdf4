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
func (c *comparer) compareColumn(from, to *model.Column) (ops.ChangeKind, model.Column) {
	canon := *to
	var k ops.ChangeKind
	if c.opts.IgnoreTypes {
		canon.Type = from.Type
	} else if from.Type.SQL != to.Type.SQL && c.d.NormalizeType(from.Type.SQL) != c.d.NormalizeType(to.Type.SQL) {
		k |= ops.ChangeType
	}
	if from.Nullable != to.Nullable {
		k |= ops.ChangeNullable
	}
	if c.opts.IgnoreServerDefaults {
		canon.Default = from.Default
	} else if (from.Default != to.Default || from.Type.SQL != to.Type.SQL) && c.normDefault(from) != c.normDefault(&canon) {
		k |= ops.ChangeDefault
	}
	if from.Comment != to.Comment {
		k |= ops.ChangeComment
	}
	if from.AutoIncrement != to.AutoIncrement {
		k |= ops.ChangeAutoIncrement
	}
	if from.Identity != to.Identity {
		k |= ops.ChangeIdentity
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
	return k, canon
}

// normDefault normalises a column's default; no default stays empty.
func (c *comparer) normDefault(col *model.Column) string {
	if strings.TrimSpace(col.Default) == "" {
		return ""
	}
	return c.d.NormalizeDefault(*col)
}
