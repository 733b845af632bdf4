package ops

// Reverse returns a DropTable of the same table.
func (o CreateTable) Reverse() (Op, bool) { return DropTable(o), true }

// Reverse returns a CreateTable of the dropped definition.
func (o DropTable) Reverse() (Op, bool) { return CreateTable(o), true }

// Reverse renames back.
func (o RenameTable) Reverse() (Op, bool) {
	return RenameTable{Schema: o.Schema, From: o.To, To: o.From}, true
}

// Reverse drops the added column.
func (o AddColumn) Reverse() (Op, bool) { return DropColumn(o), true }

// Reverse adds the dropped column back.
func (o DropColumn) Reverse() (Op, bool) { return AddColumn(o), true }

// Reverse swaps From and To.
func (o AlterColumn) Reverse() (Op, bool) {
	return AlterColumn{Schema: o.Schema, Table: o.Table, Change: o.Change, From: o.To, To: o.From}, true
}

// Reverse renames back.
func (o RenameColumn) Reverse() (Op, bool) {
	return RenameColumn{Schema: o.Schema, Table: o.Table, From: o.To, To: o.From}, true
}

// Reverse drops the index.
func (o CreateIndex) Reverse() (Op, bool) { return DropIndex(o), true }

// Reverse recreates the index.
func (o DropIndex) Reverse() (Op, bool) { return CreateIndex(o), true }

// Reverse drops the primary key.
func (o AddPrimaryKey) Reverse() (Op, bool) { return DropPrimaryKey(o), true }

// Reverse adds the primary key back.
func (o DropPrimaryKey) Reverse() (Op, bool) { return AddPrimaryKey(o), true }

// Reverse drops the constraint.
func (o AddUnique) Reverse() (Op, bool) { return DropUnique(o), true }

// Reverse adds the constraint back.
func (o DropUnique) Reverse() (Op, bool) { return AddUnique(o), true }

// Reverse drops the foreign key.
func (o AddForeignKey) Reverse() (Op, bool) { return DropForeignKey(o), true }

// Reverse adds the foreign key back.
func (o DropForeignKey) Reverse() (Op, bool) { return AddForeignKey(o), true }

// Reverse drops the check.
func (o AddCheck) Reverse() (Op, bool) { return DropCheck(o), true }

// Reverse adds the check back.
func (o DropCheck) Reverse() (Op, bool) { return AddCheck(o), true }

// Reverse sets the old comment back.
func (o SetTableComment) Reverse() (Op, bool) {
	return SetTableComment{Schema: o.Schema, Table: o.Table, From: o.To, To: o.From}, true
}

// Reverse sets the old options back.
func (o SetTableOptions) Reverse() (Op, bool) {
	return SetTableOptions{Schema: o.Schema, Table: o.Table, From: o.To, To: o.From}, true
}

// Reverse drops the enum type.
func (o CreateEnum) Reverse() (Op, bool) { return DropEnum(o), true }

// Reverse creates the enum type again.
func (o DropEnum) Reverse() (Op, bool) { return CreateEnum(o), true }

// Reverse renames back.
func (o RenameEnum) Reverse() (Op, bool) {
	return RenameEnum{Schema: o.Schema, From: o.To, To: o.From}, true
}

// Reverse reports false: PostgreSQL cannot drop an enum value in place.
func (o AddEnumValue) Reverse() (Op, bool) { return nil, false }

// Reverse reports false: undoing a validation takes two ops, which
// ReverseOps gives.
func (o ValidateConstraint) Reverse() (Op, bool) { return nil, false }

// ReverseOps undoes the validation: the constraint, now valid, is dropped
// and added NOT VALID again.
func (o ValidateConstraint) ReverseOps() []Op {
	switch {
	case o.ForeignKey != nil:
		valid := *o.ForeignKey
		valid.NotValid = false
		return []Op{DropForeignKey{Schema: o.Schema, Table: o.Table, ForeignKey: valid},
			AddForeignKey{Schema: o.Schema, Table: o.Table, ForeignKey: *o.ForeignKey}}
	case o.Check != nil:
		valid := *o.Check
		valid.NotValid = false
		return []Op{DropCheck{Schema: o.Schema, Table: o.Table, Check: valid},
			AddCheck{Schema: o.Schema, Table: o.Table, Check: *o.Check}}
	}
	return nil
}

// Reverse sets the enum's comment back.
func (o SetEnumComment) Reverse() (Op, bool) {
	return SetEnumComment{Schema: o.Schema, Enum: o.Enum, From: o.To, To: o.From}, true
}

// Reverse runs DownSQL, when there is one.
func (o Execute) Reverse() (Op, bool) {
	if o.DownSQL == "" {
		return nil, false
	}
	return Execute{SQL: o.DownSQL, DownSQL: o.SQL, NoTransaction: o.NoTransaction}, true
}

// Reverse reports false: inserted rows are deleted by hand.
func (o BulkInsert) Reverse() (Op, bool) { return nil, false }

// Reverse asks the custom op for its reverse.
func (o Custom) Reverse() (Op, bool) {
	if o.Op == nil {
		return nil, false
	}
	r, ok := o.Op.ReverseCustom()
	if !ok {
		return nil, false
	}
	return Custom{Op: r}, true
}

// ReverseList returns the ops that undo list, in the order to run them: the
// reverse of each op (or its ReverseOps, as for [ValidateConstraint]), last
// op first. It reports the first op that cannot be
// reversed, by index.
func ReverseList(list []Op) ([]Op, int, bool) {
	out := make([]Op, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		if m, ok := list[i].(interface{ ReverseOps() []Op }); ok {
			if rs := m.ReverseOps(); len(rs) > 0 {
				out = append(out, rs...)
				continue
			}
		}
		r, ok := list[i].Reverse()
		if !ok {
			return nil, i, false
		}
		out = append(out, r)
	}
	return out, -1, true
}
