package ops

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/model"
)

// ErrApply is wrapped by the errors of [Apply]: the op names an object
// the schema does not hold, or one it already holds.
var ErrApply = errors.New("ops: cannot apply")

// Apply changes s as op changes a database, in memory: the schema at any
// revision is known without a database by applying every op from base.
// Offline SQL uses it where a dialect needs a table's definition (SQLite's
// table rebuild). Ops whose effect is not known from the op alone
// (Execute, BulkInsert, Custom) change nothing. Tables and enums are
// matched by the schema and name the op gives; s's slices are replaced,
// never written through, so a copy of s taken before is not changed.
func Apply(s *model.Schema, op Op) error {
	switch o := op.(type) {
	case CreateTable:
		if _, ok := s.Table(o.Table.Schema, o.Table.Name); ok {
			return fmt.Errorf("%w: create table %s: it exists", ErrApply, o.Table.QualifiedName())
		}
		s.Tables = append(slices.Clip(s.Tables), o.Table.Clone())
		return nil
	case DropTable:
		i := tableIndex(s, o.Table.Schema, o.Table.Name)
		if i < 0 {
			return fmt.Errorf("%w: drop table %s: no such table", ErrApply, o.Table.QualifiedName())
		}
		s.Tables = slices.Delete(slices.Clone(s.Tables), i, i+1)
		return nil
	case RenameTable:
		return withTable(s, o.Schema, o.From, func(t *model.Table) error {
			t.Name = o.To
			return nil
		}, func(t *model.Table) {
			for i, fk := range t.ForeignKeys {
				if fk.RefTable == o.From && fk.RefSchema == o.Schema {
					t.ForeignKeys[i].RefTable = o.To
				}
			}
		})
	case AddColumn:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			if _, ok := t.Column(o.Column.Name); ok {
				return fmt.Errorf("%w: add column %s.%s: it exists", ErrApply, o.Table, o.Column.Name)
			}
			at := len(t.Columns)
			switch {
			case o.Position.First:
				at = 0
			case o.Position.After != "":
				if i := columnIndex(t, o.Position.After); i >= 0 {
					at = i + 1
				}
			}
			t.Columns = slices.Insert(t.Columns, at, o.Column)
			return nil
		}, nil)
	case DropColumn:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			return dropColumn(t, o.Column.Name)
		}, nil)
	case AlterColumn:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			i := columnIndex(t, o.From.Name)
			if i < 0 {
				return fmt.Errorf("%w: alter column %s.%s: no such column", ErrApply, o.Table, o.From.Name)
			}
			t.Columns[i] = o.To
			if o.To.Name != o.From.Name {
				t.RenameColumnRefs(o.From.Name, o.To.Name)
			}
			return nil
		}, nil)
	case RenameColumn:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			i := columnIndex(t, o.From)
			if i < 0 {
				return fmt.Errorf("%w: rename column %s.%s: no such column", ErrApply, o.Table, o.From)
			}
			t.Columns[i].Name = o.To
			t.RenameColumnRefs(o.From, o.To)
			return nil
		}, func(t *model.Table) {
			for i, fk := range t.ForeignKeys {
				if fk.RefTable == o.Table && fk.RefSchema == o.Schema {
					for j, c := range fk.RefColumns {
						if c == o.From {
							t.ForeignKeys[i].RefColumns[j] = o.To
						}
					}
				}
			}
		})
	case CreateIndex:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.Indexes = append(t.Indexes, o.Index)
			return nil
		}, nil)
	case DropIndex:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			return remove(&t.Indexes, func(x model.Index) bool { return x.Name == o.Index.Name }, "index "+o.Index.Name)
		}, nil)
	case AddPrimaryKey:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.PrimaryKey = o.PrimaryKey
			return nil
		}, nil)
	case DropPrimaryKey:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.PrimaryKey = model.PrimaryKey{}
			return nil
		}, nil)
	case AddUnique:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.Uniques = append(t.Uniques, o.Unique)
			return nil
		}, nil)
	case DropUnique:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			return remove(&t.Uniques, func(x model.Unique) bool {
				return x.Name == o.Unique.Name && (x.Name != "" || slices.Equal(x.Columns, o.Unique.Columns))
			}, "unique constraint "+o.Unique.Name)
		}, nil)
	case AddForeignKey:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.ForeignKeys = append(t.ForeignKeys, o.ForeignKey)
			return nil
		}, nil)
	case DropForeignKey:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			return remove(&t.ForeignKeys, func(x model.ForeignKey) bool {
				return x.Name == o.ForeignKey.Name && (x.Name != "" || slices.Equal(x.Columns, o.ForeignKey.Columns))
			}, "foreign key "+o.ForeignKey.Name)
		}, nil)
	case AddCheck:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.Checks = append(t.Checks, o.Check)
			return nil
		}, nil)
	case DropCheck:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			return remove(&t.Checks, func(x model.Check) bool {
				return x.Name == o.Check.Name && (x.Name != "" || x.Expr == o.Check.Expr)
			}, "check "+o.Check.Name)
		}, nil)
	case ValidateConstraint:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			for i := range t.Checks {
				if o.Check != nil && t.Checks[i].Name == o.Check.Name {
					t.Checks[i].NotValid = false
					return nil
				}
			}
			for i := range t.ForeignKeys {
				if o.ForeignKey != nil && t.ForeignKeys[i].Name == o.ForeignKey.Name {
					t.ForeignKeys[i].NotValid = false
					return nil
				}
			}
			return fmt.Errorf("%w: validate constraint %s: no such NOT VALID constraint", ErrApply, o.Name())
		}, nil)
	case SetTableComment:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.Comment = o.To
			return nil
		}, nil)
	case CreateExtension:
		return applyExtension(s, o.Extension, true)
	case DropExtension:
		return applyExtension(s, o.Extension, false)
	case AddExclude:
		return applyAddExclude(s, o)
	case DropExclude:
		return applyDropExclude(s, o)
	case SetObjectComment:
		return applyObjectComment(s, o)
	case SetTableOptions:
		return withTable(s, o.Schema, o.Table, func(t *model.Table) error {
			t.Options = slices.Clone(t.Options)
			// An option From names and To does not is unset (the reverse
			// of an op that set a new one); an empty value in To is the
			// option unset, as the comparer writes it.
			for _, opt := range o.From {
				if !slices.ContainsFunc(o.To, func(x model.TableOption) bool { return x.Name == opt.Name }) {
					t.Options = slices.DeleteFunc(t.Options, func(x model.TableOption) bool { return x.Name == opt.Name })
				}
			}
			for _, opt := range o.To {
				t.Options = slices.DeleteFunc(t.Options, func(x model.TableOption) bool { return x.Name == opt.Name })
				if opt.Value != "" {
					t.Options = append(t.Options, opt)
				}
			}
			slices.SortFunc(t.Options, func(a, b model.TableOption) int {
				switch {
				case a.Name < b.Name:
					return -1
				case a.Name > b.Name:
					return 1
				}
				return 0
			})
			return nil
		}, nil)
	case CreateEnum:
		s.Enums = append(slices.Clip(s.Enums), o.Enum)
		return nil
	case DropEnum:
		return editEnum(s, o.Enum.Schema, o.Enum.Name, func(es []model.Enum, i int) []model.Enum { return slices.Delete(es, i, i+1) })
	case RenameEnum:
		return editEnum(s, o.Schema, o.From, func(es []model.Enum, i int) []model.Enum {
			es[i].Name = o.To
			return es
		})
	case AddEnumValue:
		return editEnum(s, o.Schema, o.Enum, func(es []model.Enum, i int) []model.Enum {
			v := slices.Clone(es[i].Values)
			at := len(v)
			if j := slices.Index(v, o.Before); o.Before != "" && j >= 0 {
				at = j
			} else if j := slices.Index(v, o.After); o.After != "" && j >= 0 {
				at = j + 1
			}
			es[i].Values = slices.Insert(v, at, o.Value)
			return es
		})
	case SetEnumComment:
		return editEnum(s, o.Schema, o.Enum, func(es []model.Enum, i int) []model.Enum {
			es[i].Comment = o.To
			return es
		})
	case Execute, BulkInsert, Custom:
		return nil
	}
	return fmt.Errorf("%w: unknown op %T", ErrApply, op)
}

// withTable replaces the table schema.name with a copy that edit changed,
// then runs each (when set) on a copy of every table, for references.
func withTable(s *model.Schema, schema, name string, edit func(*model.Table) error, each func(*model.Table)) error {
	i := tableIndex(s, schema, name)
	if i < 0 {
		return fmt.Errorf("%w: table %s: no such table", ErrApply, qualify(schema, name))
	}
	tables := slices.Clone(s.Tables)
	t := tables[i].Clone()
	if err := edit(&t); err != nil {
		return err
	}
	tables[i] = t
	if each != nil {
		for j := range tables {
			c := tables[j].Clone()
			each(&c)
			tables[j] = c
		}
	}
	s.Tables = tables
	return nil
}

func editEnum(s *model.Schema, schema, name string, edit func([]model.Enum, int) []model.Enum) error {
	for i, e := range s.Enums {
		if e.Schema == schema && e.Name == name {
			s.Enums = edit(slices.Clone(s.Enums), i)
			return nil
		}
	}
	return fmt.Errorf("%w: enum %s: no such enum", ErrApply, qualify(schema, name))
}

func tableIndex(s *model.Schema, schema, name string) int {
	return slices.IndexFunc(s.Tables, func(t model.Table) bool { return t.Schema == schema && t.Name == name })
}

func columnIndex(t *model.Table, name string) int {
	return slices.IndexFunc(t.Columns, func(c model.Column) bool { return c.Name == name })
}

// remove deletes the first element of *list that match accepts.
func remove[T any](list *[]T, match func(T) bool, what string) error {
	i := slices.IndexFunc(*list, match)
	if i < 0 {
		return fmt.Errorf("%w: drop %s: not found", ErrApply, what)
	}
	*list = slices.Delete(*list, i, i+1)
	return nil
}

// dropColumn removes the column and every index and constraint that
// names it, as a database does (or refuses to).
func dropColumn(t *model.Table, name string) error {
	i := columnIndex(t, name)
	if i < 0 {
		return fmt.Errorf("%w: drop column %s.%s: no such column", ErrApply, t.Name, name)
	}
	t.Columns = slices.Delete(t.Columns, i, i+1)
	if slices.Contains(t.PrimaryKey.Columns, name) {
		t.PrimaryKey = model.PrimaryKey{}
	}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(x model.Index) bool {
		return slices.ContainsFunc(x.Parts, func(p model.IndexPart) bool { return p.Column == name })
	})
	t.Uniques = slices.DeleteFunc(t.Uniques, func(x model.Unique) bool { return slices.Contains(x.Columns, name) })
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(x model.ForeignKey) bool { return slices.Contains(x.Columns, name) })
	return nil
}
