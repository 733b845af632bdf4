package ops

import (
	"slices"
	"strconv"

	"github.com/retortdb/retort/model"
)

// LossKind says what a data-loss finding destroys.
type LossKind int

// Loss kinds.
const (
	// LossTable: a table and every row in it (or a schema and its tables).
	LossTable LossKind = iota + 1
	// LossColumn: a column and every value in it.
	LossColumn
	// LossType: values a column type change cuts, rounds or converts.
	LossType
	// LossEnumValues: enum values removed; rows holding them fail the
	// change or lose the value.
	LossEnumValues
	// LossRows: rows deleted by raw SQL (TRUNCATE, DELETE without WHERE,
	// a dropped partition).
	LossRows
)

var lossKindNames = [...]string{"", "table", "column", "type", "enum values", "rows"}

// String returns "table", "column", "type", "enum values" or "rows".
func (k LossKind) String() string {
	if k > 0 && int(k) < len(lossKindNames) {
		return lossKindNames[k]
	}
	return "LossKind(" + strconv.Itoa(int(k)) + ")"
}

// Loss is one way an op destroys stored data: a data-loss finding. The
// runner's data-loss gate refuses a revision with losses it does not list
// as reviewed, and package safety reports them; dialect.DataLoss finds
// them.
type Loss struct {
	// Op is the index of the op in its list.
	Op int
	// Kind says what is destroyed.
	Kind LossKind
	// Object names it: "users", "users.bio".
	Object string
	// Message says what happens, in words: "drops column users.bio (text
	// NULL) and every value in it".
	Message string
	// Schema, Table and Column name what is destroyed (Column empty for a
	// table or rows).
	Schema, Table, Column string
	// Enum names the enum type whose values a LossEnumValues removes, as
	// it was named before the op list renamed it; empty for an inline
	// enum (MySQL), which Table and Column name.
	Enum string
	// Values are the enum values a LossEnumValues removes.
	Values []string
	// From and To are a LossType's (or LossEnumValues') types, normalised.
	From, To string
	// Refused reports, for a type change, that the database refuses the
	// change when a stored value does not survive it, rather than cutting
	// or rounding the value.
	Refused bool
	// Raw reports that the loss is in raw SQL (an Execute op).
	Raw bool
}

// StructuralLoss returns what op destroys by its structure alone: a
// dropped table's rows, a dropped column's values.
func StructuralLoss(op Op) (Loss, bool) {
	switch o := op.(type) {
	case DropTable:
		name := o.Table.QualifiedName()
		return Loss{Kind: LossTable, Object: name, Schema: o.Table.Schema, Table: o.Table.Name,
			Message: "drops table " + name + " (" + plural(len(o.Table.Columns), "column") + ") and every row in it"}, true
	case DropColumn:
		obj := qualify(o.Schema, o.Table) + "." + o.Column.Name
		return Loss{Kind: LossColumn, Object: obj, Schema: o.Schema, Table: o.Table, Column: o.Column.Name,
			Message: "drops column " + obj + " (" + columnShape(o.Column) + ") and every value in it"}, true
	}
	return Loss{}, false
}

// Created is what an op list creates: tables, columns and enum values,
// under every name the list gives them. A downgrade that removes only
// what its upgrade created undoes the revision.
type Created struct {
	tables  map[string]bool
	columns map[string]bool
	// enumValues are the values added to each enum (by name).
	enumValues map[string][]string
}

// CreatedBy returns what list creates: tables (CreateTable), columns
// (AddColumn, and every column of a created table), and enum values
// (AddEnumValue, CreateEnum; for an enum the list rebuilds — renames the
// old type aside and creates it again — only the values the old type
// lacked). Renames carry what was created to the new name.
func CreatedBy(list []Op) Created {
	c := Created{tables: map[string]bool{}, columns: map[string]bool{}, enumValues: map[string][]string{}}
	// aside lists the enums renamed out of the way: [new name, old name].
	var aside [][2]string
	var dropped []model.Enum
	for _, op := range list {
		if d, ok := op.(DropEnum); ok {
			dropped = append(dropped, d.Enum)
		}
	}
	oldValues := func(name string) ([]string, bool) {
		for _, a := range aside {
			if a[1] != name {
				continue
			}
			for _, e := range dropped {
				if e.Name == a[0] {
					return e.Values, true
				}
			}
		}
		return nil, false
	}
	for _, op := range list {
		switch o := op.(type) {
		case CreateTable:
			c.tables[qualify(o.Table.Schema, o.Table.Name)] = true
		case AddColumn:
			c.columns[qualify(o.Schema, o.Table)+"."+o.Column.Name] = true
		case RenameTable:
			from, to := qualify(o.Schema, o.From), qualify(o.Schema, o.To)
			if c.tables[from] {
				c.tables[to] = true
			}
			for _, k := range sortedKeys(c.columns) {
				if col, ok := cutPrefix(k, from+"."); ok {
					c.columns[to+"."+col] = true
				}
			}
		case RenameColumn:
			t := qualify(o.Schema, o.Table)
			if c.columns[t+"."+o.From] {
				c.columns[t+"."+o.To] = true
			}
		case RenameEnum:
			aside = append(aside, [2]string{o.To, o.From})
		case CreateEnum:
			vals := o.Enum.Values
			if old, ok := oldValues(o.Enum.Name); ok {
				vals = without(vals, old)
			}
			c.enumValues[o.Enum.Name] = append(c.enumValues[o.Enum.Name], vals...)
		case AddEnumValue:
			c.enumValues[o.Enum] = append(c.enumValues[o.Enum], o.Value)
		}
	}
	return c
}

// Table reports whether the list created the table.
func (c Created) Table(schema, name string) bool { return c.tables[qualify(schema, name)] }

// Column reports whether the list created the column, or its table.
func (c Created) Column(schema, table, column string) bool {
	return c.Table(schema, table) || c.columns[qualify(schema, table)+"."+column]
}

// EnumValues reports whether the list added every one of values to the
// enum named enum.
func (c Created) EnumValues(enum string, values []string) bool {
	added := c.enumValues[enum]
	for _, v := range values {
		if !slices.Contains(added, v) {
			return false
		}
	}
	return len(values) > 0
}

func without(vals, drop []string) []string {
	var out []string
	for _, v := range vals {
		if !slices.Contains(drop, v) {
			out = append(out, v)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}

// columnShape is "type NULL|NOT NULL".
func columnShape(c model.Column) string {
	s := c.Type.String()
	if c.Nullable {
		return s + " NULL"
	}
	return s + " NOT NULL"
}
