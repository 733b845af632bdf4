package diff_test

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// The simulator applies ops to a model.Schema as a strict database would
// (PostgreSQL's rules, roughly): an object must exist before it is used, a
// key must exist before a foreign key references it, and nothing a foreign
// key, index or constraint depends on can be dropped. It also checks that
// every drop carries exactly the object it drops, so the op's reverse puts
// it back as it was. It proves that an op list and its reverse are valid in
// their order.

var equateEmpty = cmpopts.EquateEmpty()

type simTable = model.Table

// apply runs list on a copy of s.
func apply(s model.Schema, list []ops.Op) (model.Schema, error) {
	s = s.Clone()
	for i, op := range list {
		if err := applyOne(&s, op); err != nil {
			return s, fmt.Errorf("op %d (%s): %w", i, ops.Describe(op), err)
		}
	}
	return s, nil
}

func findTable(s *model.Schema, schema, name string) (*simTable, error) {
	for i := range s.Tables {
		if s.Tables[i].Schema == schema && s.Tables[i].Name == name {
			return &s.Tables[i], nil
		}
	}
	return nil, fmt.Errorf("table %s does not exist", name)
}

func refOf(t *simTable, fk model.ForeignKey) (string, string) {
	if fk.RefSchema == "" {
		return t.Schema, fk.RefTable
	}
	return fk.RefSchema, fk.RefTable
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// provides reports whether t has a key (primary, unique constraint or plain
// unique index) on exactly cols.
func provides(t *simTable, cols []string) bool {
	if sameSet(cols, t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if sameSet(cols, u.Columns) {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Where == "" && sameSet(cols, ix.Columns()) {
			return true
		}
	}
	return false
}

// checkReferencedKeys fails when a foreign key points at t and t no longer
// provides the key it uses.
func checkReferencedKeys(s *model.Schema, t *simTable) error {
	for i := range s.Tables {
		u := &s.Tables[i]
		for _, fk := range u.ForeignKeys {
			if rs, rn := refOf(u, fk); rs == t.Schema && rn == t.Name && !provides(t, fk.RefColumns) {
				return fmt.Errorf("foreign key %s of %s needs a key on %s(%v)", fk.Name, u.Name, t.Name, fk.RefColumns)
			}
		}
	}
	return nil
}

func hasColumns(t *simTable, cols []string) error {
	for _, c := range cols {
		if _, ok := t.Column(c); !ok {
			return fmt.Errorf("column %s.%s does not exist", t.Name, c)
		}
	}
	return nil
}

func checkForeignKey(s *model.Schema, t *simTable, fk model.ForeignKey) error {
	if err := hasColumns(t, fk.Columns); err != nil {
		return err
	}
	rs, rn := refOf(t, fk)
	ref := t
	if rs != t.Schema || rn != t.Name {
		var err error
		if ref, err = findTable(s, rs, rn); err != nil {
			return fmt.Errorf("foreign key %s: %w", fk.Name, err)
		}
	}
	if err := hasColumns(ref, fk.RefColumns); err != nil {
		return err
	}
	if !provides(ref, fk.RefColumns) {
		return fmt.Errorf("foreign key %s: %s has no key on %v", fk.Name, rn, fk.RefColumns)
	}
	return nil
}

func enumExists(s *model.Schema, t model.Type) error {
	if t.Enum == "" {
		return nil
	}
	for _, e := range s.Enums {
		if e.Name == t.Enum {
			return nil
		}
	}
	return fmt.Errorf("enum %s does not exist", t.Enum)
}

// columnUsed reports what in the schema uses column col of t.
func columnUsed(s *model.Schema, t *simTable, col string) error {
	if slices.Contains(t.PrimaryKey.Columns, col) {
		return fmt.Errorf("column %s is in the primary key", col)
	}
	for _, ix := range t.Indexes {
		if slices.Contains(ix.Columns(), col) {
			return fmt.Errorf("column %s is in index %s", col, ix.Name)
		}
	}
	for _, u := range t.Uniques {
		if slices.Contains(u.Columns, col) {
			return fmt.Errorf("column %s is in a unique constraint", col)
		}
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, col) {
			return fmt.Errorf("column %s is in foreign key %s", col, fk.Name)
		}
	}
	for i := range s.Tables {
		u := &s.Tables[i]
		for _, fk := range u.ForeignKeys {
			if rs, rn := refOf(u, fk); rs == t.Schema && rn == t.Name && slices.Contains(fk.RefColumns, col) {
				return fmt.Errorf("column %s is referenced by %s", col, u.Name)
			}
		}
	}
	return nil
}

// remove deletes the element of list equal to x, or fails.
func remove[T any](list []T, x T, what string) ([]T, error) {
	for i := range list {
		if gocmp.Equal(list[i], x, equateEmpty) {
			return slices.Delete(list, i, i+1), nil
		}
	}
	return list, fmt.Errorf("%s %+v does not exist as carried by the op", what, x)
}

func applyOne(s *model.Schema, op ops.Op) error {
	switch o := op.(type) {
	case ops.CreateTable:
		if _, err := findTable(s, o.Table.Schema, o.Table.Name); err == nil {
			return fmt.Errorf("table %s exists", o.Table.Name)
		}
		if len(o.Table.Indexes) > 0 {
			return fmt.Errorf("CreateTable carries indexes; they are separate ops")
		}
		t := o.Table
		for _, c := range t.Columns {
			if err := enumExists(s, c.Type); err != nil {
				return err
			}
		}
		if err := hasColumns(&t, t.PrimaryKey.Columns); err != nil {
			return err
		}
		for _, u := range t.Uniques {
			if err := hasColumns(&t, u.Columns); err != nil {
				return err
			}
		}
		s.Tables = append(s.Tables, t)
		nt := &s.Tables[len(s.Tables)-1]
		for _, fk := range t.ForeignKeys {
			if err := checkForeignKey(s, nt, fk); err != nil {
				return err
			}
		}
		*nt = t.Clone()
	case ops.DropTable:
		t, err := findTable(s, o.Table.Schema, o.Table.Name)
		if err != nil {
			return err
		}
		if d := gocmp.Diff(*t, o.Table, equateEmpty); d != "" {
			return fmt.Errorf("DropTable does not carry the table as it is (-have +op):\n%s", d)
		}
		for i := range s.Tables {
			u := &s.Tables[i]
			if u == t {
				continue
			}
			for _, fk := range u.ForeignKeys {
				if rs, rn := refOf(u, fk); rs == t.Schema && rn == t.Name {
					return fmt.Errorf("table %s is referenced by %s", t.Name, u.Name)
				}
			}
		}
		s.Tables = slices.DeleteFunc(s.Tables, func(u model.Table) bool { return u.Schema == o.Table.Schema && u.Name == o.Table.Name })
	case ops.RenameTable:
		t, err := findTable(s, o.Schema, o.From)
		if err != nil {
			return err
		}
		if _, err := findTable(s, o.Schema, o.To); err == nil {
			return fmt.Errorf("table %s exists", o.To)
		}
		for i := range s.Tables {
			u := &s.Tables[i]
			for k := range u.ForeignKeys {
				if rs, rn := refOf(u, u.ForeignKeys[k]); rs == o.Schema && rn == o.From {
					u.ForeignKeys[k].RefTable = o.To
				}
			}
		}
		t.Name = o.To
	case ops.RenameColumn:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if _, ok := t.Column(o.From); !ok {
			return fmt.Errorf("column %s.%s does not exist", o.Table, o.From)
		}
		if _, ok := t.Column(o.To); ok {
			return fmt.Errorf("column %s.%s exists", o.Table, o.To)
		}
		simRenameColumn(s, t, o.From, o.To)
	case ops.AddColumn:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if _, ok := t.Column(o.Column.Name); ok {
			return fmt.Errorf("column %s exists", o.Column.Name)
		}
		if err := enumExists(s, o.Column.Type); err != nil {
			return err
		}
		t.Columns = append(t.Columns, o.Column)
	case ops.DropColumn:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if err := columnUsed(s, t, o.Column.Name); err != nil {
			return err
		}
		t.Columns, err = remove(t.Columns, o.Column, "column")
		return err
	case ops.AlterColumn:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(t.Columns, func(c model.Column) bool { return c.Name == o.From.Name })
		if i < 0 {
			return fmt.Errorf("column %s does not exist", o.From.Name)
		}
		if d := gocmp.Diff(t.Columns[i], o.From, equateEmpty); d != "" {
			return fmt.Errorf("AlterColumn.From is not the column as it is (-have +op):\n%s", d)
		}
		if o.Change == 0 || o.From.Name != o.To.Name {
			return fmt.Errorf("AlterColumn changes nothing or renames")
		}
		if err := enumExists(s, o.To.Type); err != nil {
			return err
		}
		t.Columns[i] = o.To
	case ops.CreateIndex:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if _, ok := t.Index(o.Index.Name); ok {
			return fmt.Errorf("index %s exists", o.Index.Name)
		}
		for _, p := range o.Index.Parts {
			if p.Column != "" {
				if err := hasColumns(t, []string{p.Column}); err != nil {
					return err
				}
			}
		}
		t.Indexes = append(t.Indexes, o.Index)
	case ops.DropIndex:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if t.Indexes, err = remove(t.Indexes, o.Index, "index"); err != nil {
			return err
		}
		return checkReferencedKeys(s, t)
	case ops.AddPrimaryKey:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if len(t.PrimaryKey.Columns) > 0 {
			return fmt.Errorf("table %s has a primary key", t.Name)
		}
		if err := hasColumns(t, o.PrimaryKey.Columns); err != nil {
			return err
		}
		t.PrimaryKey = o.PrimaryKey
	case ops.DropPrimaryKey:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if d := gocmp.Diff(t.PrimaryKey, o.PrimaryKey, equateEmpty); d != "" {
			return fmt.Errorf("DropPrimaryKey does not carry the key as it is:\n%s", d)
		}
		t.PrimaryKey = model.PrimaryKey{}
		return checkReferencedKeys(s, t)
	case ops.AddUnique:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if err := hasColumns(t, o.Unique.Columns); err != nil {
			return err
		}
		t.Uniques = append(t.Uniques, o.Unique)
	case ops.DropUnique:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if t.Uniques, err = remove(t.Uniques, o.Unique, "unique"); err != nil {
			return err
		}
		return checkReferencedKeys(s, t)
	case ops.AddForeignKey:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if err := checkForeignKey(s, t, o.ForeignKey); err != nil {
			return err
		}
		t.ForeignKeys = append(t.ForeignKeys, o.ForeignKey)
	case ops.DropForeignKey:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		t.ForeignKeys, err = remove(t.ForeignKeys, o.ForeignKey, "foreign key")
		return err
	case ops.AddCheck:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		t.Checks = append(t.Checks, o.Check)
	case ops.DropCheck:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		t.Checks, err = remove(t.Checks, o.Check, "check")
		return err
	case ops.SetTableComment:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		if t.Comment != o.From {
			return fmt.Errorf("comment is %q, op says %q", t.Comment, o.From)
		}
		t.Comment = o.To
	case ops.SetTableOptions:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		for _, f := range o.From {
			if v, ok := t.Option(f.Name); !ok || v != f.Value {
				return fmt.Errorf("option %s is %q, op says %q", f.Name, v, f.Value)
			}
		}
		for _, to := range o.To {
			i := slices.IndexFunc(t.Options, func(x model.TableOption) bool { return strings.EqualFold(x.Name, to.Name) })
			if i < 0 {
				t.Options = append(t.Options, to)
			} else {
				t.Options[i] = to
			}
		}
	case ops.CreateEnum:
		if _, ok := s.Enum(o.Enum.Schema, o.Enum.Name); ok {
			return fmt.Errorf("enum %s exists", o.Enum.Name)
		}
		e := o.Enum
		e.Values = slices.Clone(e.Values)
		s.Enums = append(s.Enums, e)
	case ops.RenameEnum:
		i := slices.IndexFunc(s.Enums, func(e model.Enum) bool { return e.Schema == o.Schema && e.Name == o.From })
		if i < 0 {
			return fmt.Errorf("enum %s does not exist", o.From)
		}
		if _, ok := s.Enum(o.Schema, o.To); ok {
			return fmt.Errorf("enum %s exists", o.To)
		}
		s.Enums[i].Name = o.To
		// Columns follow their type, as PostgreSQL's do (by OID).
		for ti := range s.Tables {
			for ci := range s.Tables[ti].Columns {
				typ := &s.Tables[ti].Columns[ci].Type
				if typ.Enum == o.From {
					typ.Enum = o.To
				}
				if typ.SQL == o.From {
					typ.SQL = o.To
				}
			}
		}
	case ops.DropEnum:
		var err error
		if s.Enums, err = remove(s.Enums, o.Enum, "enum"); err != nil {
			return err
		}
		for _, t := range s.Tables {
			for _, c := range t.Columns {
				if c.Type.Enum == o.Enum.Name {
					return fmt.Errorf("enum %s is used by %s.%s", o.Enum.Name, t.Name, c.Name)
				}
			}
		}
	case ops.AddEnumValue:
		i := slices.IndexFunc(s.Enums, func(e model.Enum) bool { return e.Schema == o.Schema && e.Name == o.Enum })
		if i < 0 {
			return fmt.Errorf("enum %s does not exist", o.Enum)
		}
		vals := s.Enums[i].Values
		if slices.Contains(vals, o.Value) {
			return fmt.Errorf("enum value %s exists", o.Value)
		}
		at := len(vals)
		switch {
		case o.Before != "":
			at = slices.Index(vals, o.Before)
		case o.After != "":
			if at = slices.Index(vals, o.After); at >= 0 {
				at++
			}
		}
		if at < 0 {
			return fmt.Errorf("enum anchor value does not exist")
		}
		s.Enums[i].Values = slices.Insert(vals, at, o.Value)
	case ops.CreateExtension:
		if _, ok := s.Extension(o.Extension.Name); ok {
			return fmt.Errorf("extension %s exists", o.Extension.Name)
		}
		s.Extensions = append(s.Extensions, o.Extension)
	case ops.DropExtension:
		var err error
		s.Extensions, err = remove(s.Extensions, o.Extension, "extension")
		return err
	case ops.AddExclude:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		t.Excludes = append(t.Excludes, o.Exclude)
	case ops.DropExclude:
		t, err := findTable(s, o.Schema, o.Table)
		if err != nil {
			return err
		}
		t.Excludes, err = remove(t.Excludes, o.Exclude, "exclusion constraint")
		return err
	case ops.SetObjectComment:
		return ops.Apply(s, o)
	default:
		return fmt.Errorf("simulator does not know %T", op)
	}
	return nil
}

// normalize sorts everything whose order carries no meaning for a
// comparison, and columns too (a dropped column comes back at the end).
func normalize(s model.Schema) model.Schema {
	s = s.Clone()
	slices.SortFunc(s.Tables, func(a, b model.Table) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	slices.SortFunc(s.Enums, func(a, b model.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	for i := range s.Tables {
		t := &s.Tables[i]
		slices.SortFunc(t.Columns, func(a, b model.Column) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortFunc(t.Indexes, func(a, b model.Index) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortFunc(t.Uniques, func(a, b model.Unique) int {
			return cmp.Or(slices.Compare(a.Columns, b.Columns), cmp.Compare(a.Name, b.Name))
		})
		slices.SortFunc(t.ForeignKeys, func(a, b model.ForeignKey) int {
			return cmp.Or(slices.Compare(a.Columns, b.Columns), cmp.Compare(a.RefTable, b.RefTable), cmp.Compare(a.Name, b.Name))
		})
		slices.SortFunc(t.Checks, func(a, b model.Check) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Expr, b.Expr))
		})
		slices.SortFunc(t.Options, func(a, b model.TableOption) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortFunc(t.Excludes, func(a, b model.Exclude) int { return cmp.Compare(a.Name, b.Name) })
	}
	slices.SortFunc(s.Extensions, func(a, b model.Extension) int { return cmp.Compare(a.Name, b.Name) })
	return s
}

// simRenameColumn renames a column as a database does: everywhere the
// table's keys, indexes and constraints name it, in the expressions that
// mention it, and in foreign keys that reference it. Each slice edited is
// copied first, as the schema's tables may share them with ops.
func simRenameColumn(s *model.Schema, t *simTable, from, to string) {
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(from) + `\b`)
	re := func(e string) string { return word.ReplaceAllString(e, to) }
	ren := func(list []string) []string {
		list = slices.Clone(list)
		for i := range list {
			if list[i] == from {
				list[i] = to
			}
		}
		return list
	}
	t.Columns = slices.Clone(t.Columns)
	for i := range t.Columns {
		if t.Columns[i].Name == from {
			t.Columns[i].Name = to
		}
		t.Columns[i].Generated.Expr = re(t.Columns[i].Generated.Expr)
	}
	t.PrimaryKey.Columns = ren(t.PrimaryKey.Columns)
	t.Indexes = slices.Clone(t.Indexes)
	for i := range t.Indexes {
		ix := &t.Indexes[i]
		ix.Parts = slices.Clone(ix.Parts)
		for k := range ix.Parts {
			if ix.Parts[k].Column == from {
				ix.Parts[k].Column = to
			}
			ix.Parts[k].Expr = re(ix.Parts[k].Expr)
		}
		ix.Include = ren(ix.Include)
		ix.Where = re(ix.Where)
	}
	t.Uniques = slices.Clone(t.Uniques)
	for i := range t.Uniques {
		t.Uniques[i].Columns = ren(t.Uniques[i].Columns)
	}
	t.Checks = slices.Clone(t.Checks)
	for i := range t.Checks {
		t.Checks[i].Expr = re(t.Checks[i].Expr)
	}
	t.ForeignKeys = slices.Clone(t.ForeignKeys)
	for i := range t.ForeignKeys {
		t.ForeignKeys[i].Columns = ren(t.ForeignKeys[i].Columns)
	}
	for i := range s.Tables {
		u := &s.Tables[i]
		for k := range u.ForeignKeys {
			if rs, rn := refOf(u, u.ForeignKeys[k]); rs == t.Schema && rn == t.Name {
				u.ForeignKeys = slices.Clone(u.ForeignKeys)
				u.ForeignKeys[k].RefColumns = ren(u.ForeignKeys[k].RefColumns)
			}
		}
	}
}
