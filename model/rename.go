package model

// RenameColumnRefs renames the column from to to in t's primary key,
// unique constraints, foreign keys and index parts (the column itself is
// renamed by the caller).
func (t *Table) RenameColumnRefs(from, to string) {
	ren := func(list []string) {
		for i, c := range list {
			if c == from {
				list[i] = to
			}
		}
	}
	ren(t.PrimaryKey.Columns)
	for i := range t.Uniques {
		ren(t.Uniques[i].Columns)
	}
	for i := range t.ForeignKeys {
		ren(t.ForeignKeys[i].Columns)
	}
	for i := range t.Indexes {
		for j := range t.Indexes[i].Parts {
			if t.Indexes[i].Parts[j].Column == from {
				t.Indexes[i].Parts[j].Column = to
			}
		}
	}
}
