package model

import "slices"

// Clone returns a deep copy of the schema: its tables (see [Table.Clone])
// and enums, with no slice shared with s.
func (s *Schema) Clone() Schema {
	c := Schema{Tables: slices.Clone(s.Tables), Enums: slices.Clone(s.Enums),
		Extensions: slices.Clone(s.Extensions), AllExtensions: s.AllExtensions, ServerOrder: s.ServerOrder}
	for i := range c.Tables {
		c.Tables[i] = c.Tables[i].Clone()
	}
	for i := range c.Enums {
		c.Enums[i].Values = slices.Clone(c.Enums[i].Values)
	}
	return c
}

// Clone returns a deep copy of t: every slice in it (columns and their enum
// values, key, index, unique and foreign key columns, checks, options) is
// copied, so changing the copy leaves t as it was. A nil slice stays nil.
func (t *Table) Clone() Table {
	c := *t
	c.Columns = slices.Clone(t.Columns)
	for i := range c.Columns {
		c.Columns[i].Type.EnumValues = slices.Clone(c.Columns[i].Type.EnumValues)
	}
	c.PrimaryKey.Columns = slices.Clone(t.PrimaryKey.Columns)
	c.PrimaryKey.Desc = slices.Clone(t.PrimaryKey.Desc)
	c.Indexes = slices.Clone(t.Indexes)
	for i := range c.Indexes {
		c.Indexes[i].Parts = slices.Clone(c.Indexes[i].Parts)
		c.Indexes[i].Include = slices.Clone(c.Indexes[i].Include)
	}
	c.Uniques = slices.Clone(t.Uniques)
	for i := range c.Uniques {
		c.Uniques[i].Columns = slices.Clone(c.Uniques[i].Columns)
	}
	c.ForeignKeys = slices.Clone(t.ForeignKeys)
	for i := range c.ForeignKeys {
		c.ForeignKeys[i].Columns = slices.Clone(c.ForeignKeys[i].Columns)
		c.ForeignKeys[i].RefColumns = slices.Clone(c.ForeignKeys[i].RefColumns)
	}
	c.Checks = slices.Clone(t.Checks)
	c.Excludes = slices.Clone(t.Excludes)
	c.Options = slices.Clone(t.Options)
	return c
}
