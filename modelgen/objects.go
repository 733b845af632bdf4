package modelgen

import (
	"cmp"
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// objects writes the table's indexes, unique constraints, checks,
// exclusion constraints and foreign keys as table options, each sorted by name.
func (tg *tableGen) objects() []string {
	t := tg.t
	var out []string
	for _, ix := range sortedBy(t.Indexes, func(ix model.Index) string { return ix.Name }) {
		if fkIndex(t, ix) {
			continue
		}
		if o, ok := tg.index(ix); ok {
			out = append(out, o)
		}
	}
	for _, u := range sortedBy(t.Uniques, func(u model.Unique) string { return u.Name }) {
		if o, ok := tg.unique(u); ok {
			out = append(out, o)
		}
	}
	checkNames := newNamer()
	for _, ck := range t.Checks {
		checkNames.used[ck.Name] = true
	}
	for _, ck := range sortedBy(t.Checks, func(c model.Check) string { return c.Name }) {
		if tg.columnCheck(ck) {
			continue // written on its column's field (column_check=)
		}
		if o, ok := tg.check(ck, checkNames); ok {
			out = append(out, o)
		}
	}
	for _, x := range sortedBy(t.Excludes, func(x model.Exclude) string { return x.Name }) {
		if o, ok := tg.exclude(x); ok {
			out = append(out, o)
		}
	}
	for _, fk := range sortedBy(t.ForeignKeys, func(fk model.ForeignKey) string { return fk.Name + "\x00" + strings.Join(fk.Columns, ",") }) {
		if o, ok := tg.foreignKey(fk); ok {
			out = append(out, o)
		}
	}
	return out
}

// fkIndex reports whether ix is the index a database made for a foreign
// key (InnoDB names it after the constraint): the key's columns, same
// name. The foreign key's tag makes it again, and the tag grammar refuses
// two objects of one name.
func fkIndex(t model.Table, ix model.Index) bool {
	for _, fk := range t.ForeignKeys {
		if fk.Name != ix.Name || ix.Unique || ix.Where != "" || len(ix.Parts) != len(fk.Columns) {
			continue
		}
		same := true
		for i, p := range ix.Parts {
			if p.Column != fk.Columns[i] || p.Length != 0 || p.Desc {
				same = false
			}
		}
		if same {
			return true
		}
	}
	return false
}

// sortedBy returns a copy of list sorted by key.
func sortedBy[T any](list []T, key func(T) string) []T {
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
	return out
}

// index writes index=NAME(parts) [where (PRED)] [using METHOD]
// [include (cols)], or uindex= for a unique index.
func (tg *tableGen) index(ix model.Index) (string, bool) {
	ixName, ok := colRef(ix.Name)
	if !ok || strings.ContainsAny(ix.Name, "()") {
		tg.warn("", "index %q: its name cannot be written in a db tag (plain or double-quoted); the index is not written", ix.Name)
		return "", false
	}
	parts := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		var s string
		switch {
		case p.Column != "" && p.Length > 0:
			if !model.IsPlainIdent(p.Column) {
				tg.warn("", "index %s: prefix length on column %q, which is not a plain identifier; the index is not written", ix.Name, p.Column)
				return "", false
			}
			s = p.Column + "(" + itoa(p.Length) + ")"
		case p.Column != "":
			r, ok := colRef(p.Column)
			if !ok {
				tg.warn("", "index %s: column %q cannot be written in a db tag; the index is not written", ix.Name, p.Column)
				return "", false
			}
			s = r
		default:
			s = wrapped(p.Expr)
		}
		if p.Collation != "" {
			c := p.Collation
			if !strings.Contains(c, `"`) {
				c = `"` + c + `"`
			}
			s += " collate " + c
		}
		if p.Opclass != "" {
			s += " " + p.Opclass
		}
		if p.Desc {
			s += " DESC"
		}
		if p.Nulls != model.NullsDefault {
			s += " " + strings.ToLower(p.Nulls.String())
		}
		parts = append(parts, s)
	}
	spec := ixName + "(" + strings.Join(parts, ", ") + ")"
	if ix.Where != "" {
		spec += " where " + wrapped(ix.Where)
	}
	if ix.Method != "" {
		if !model.IsPlainIdent(ix.Method) {
			tg.warn("", "index %s: method %q cannot be written in a db tag; the index is not written", ix.Name, ix.Method)
			return "", false
		}
		spec += " using " + ix.Method
	}
	if len(ix.Include) > 0 {
		cols, ok := colList(ix.Include)
		if !ok {
			tg.warn("", "index %s: an INCLUDE column cannot be written in a db tag; the index is not written", ix.Name)
			return "", false
		}
		spec += " include (" + cols + ")"
	}
	if ix.NullsNotDistinct {
		spec += " nulls not distinct"
	}
	if ix.StorageParams != "" {
		spec += " with (" + ix.StorageParams + ")"
	}
	if ix.Comment != "" {
		spec += " comment " + quoteSQL(ix.Comment)
	}
	if ix.Invisible {
		spec += " invisible"
	}
	if !safeValue(spec) {
		tg.warn("", "index %s cannot be written in a db tag (unbalanced quotes or parentheses); the index is not written", ix.Name)
		return "", false
	}
	key := "index"
	if ix.Unique {
		key = "uindex"
	}
	return key + "=" + spec, true
}

// unique writes unique=NAME(cols).
func (tg *tableGen) unique(u model.Unique) (string, bool) {
	cols, ok := colList(u.Columns)
	if !ok {
		tg.warn("", "unique constraint %s: a column cannot be written in a db tag; the constraint is not written", u.Name)
		return "", false
	}
	name := u.Name
	if name != "" && !model.IsPlainIdent(name) {
		tg.warn("", "unique constraint %q: its name is not a plain identifier; written with a generated name", name)
		name = ""
	}
	spec := name + "(" + cols + ")"
	if u.NullsNotDistinct {
		spec += " nulls not distinct"
	}
	spec += deferrableClause(u.Deferrable, u.InitiallyDeferred)
	if u.Comment != "" {
		spec += " comment " + quoteSQL(u.Comment)
	}
	if u.OnConflict != model.ConflictDefault {
		spec += " on conflict " + strings.ToLower(u.OnConflict.String())
	}
	if !safeValue(spec) {
		tg.warn("", "unique constraint %s cannot be written in a db tag; the constraint is not written", u.Name)
		return "", false
	}
	return "unique=" + spec, true
}

// columnCheck reports whether ck is a column-level check that the
// column's field writes as column_check=EXPR: one named after a column of
// the table, as MariaDB names them (another name cannot be written that
// way, so such a check is written as a table constraint).
func (tg *tableGen) columnCheck(ck model.Check) bool {
	if ck.Column == "" || ck.Name != ck.Column || ck.NoInherit || ck.Comment != "" {
		return false
	}
	_, ok := tg.t.Column(ck.Column)
	return ok
}

// check writes check=NAME(EXPR); an unnamed check gets a free
// ck_<table>_<n> name (checks without a name match by expression).
func (tg *tableGen) check(ck model.Check, names *namer) (string, bool) {
	name := ck.Name
	if name == "" || !model.IsPlainIdent(name) {
		if name != "" {
			tg.warn("", "check %q: its name is not a plain identifier; written with a generated name", name)
		}
		name = names.take(model.Truncate("ck_" + tg.t.Name))
		if !model.IsPlainIdent(name) {
			name = names.take("ck")
		}
	}
	if ck.Column != "" {
		tg.warn("", "check %s is column-level (in the definition of %s), which a db tag writes only for a check named after its column; written as a table constraint", name, ck.Column)
	}
	o := name + wrapped(ck.Expr)
	if ck.NoInherit {
		o += " no inherit"
	}
	if ck.NotValid {
		o += " not valid"
	}
	if ck.Comment != "" {
		o += " comment " + quoteSQL(ck.Comment)
	}
	if !safeValue(o) {
		tg.warn("", "check %s (%s) cannot be written in a db tag (unbalanced quotes or parentheses); not written", name, ck.Expr)
		return "", false
	}
	return "check=" + o, true
}

// foreignKey writes fk=NAME(cols) references [schema.]table(cols)
// [ondelete ACTION] [onupdate ACTION] [deferrable [initially deferred]].
func (tg *tableGen) foreignKey(fk model.ForeignKey) (string, bool) {
	cols, ok1 := colList(fk.Columns)
	refs, ok2 := colList(fk.RefColumns)
	target := fk.RefTable
	if fk.RefSchema != "" {
		target = fk.RefSchema + "." + target
	}
	if !ok1 || !ok2 || !model.IsPlainIdent(fk.RefTable) || (fk.RefSchema != "" && !model.IsPlainIdent(fk.RefSchema)) {
		tg.warn("", "foreign key %s (%s) references %s(%s): a name is not a plain identifier, which the db tag grammar needs; not written",
			fk.Name, strings.Join(fk.Columns, ", "), target, strings.Join(fk.RefColumns, ", "))
		return "", false
	}
	name := fk.Name
	if name != "" && !model.IsPlainIdent(name) {
		tg.warn("", "foreign key %q: its name is not a plain identifier; written with a generated name", name)
		name = ""
	}
	spec := name + "(" + cols + ") references " + target + "(" + refs + ")"
	if fk.OnDelete != model.NoAction {
		spec += " ondelete " + strings.ToLower(fk.OnDelete.String())
	}
	if fk.OnUpdate != model.NoAction {
		spec += " onupdate " + strings.ToLower(fk.OnUpdate.String())
	}
	spec += deferrableClause(fk.Deferrable, fk.InitiallyDeferred)
	if fk.MatchFull {
		spec += " match full"
	}
	if fk.NotValid {
		spec += " not valid"
	}
	if fk.Comment != "" {
		spec += " comment " + quoteSQL(fk.Comment)
	}
	return "fk=" + spec, true
}

// deferrableClause writes " deferrable [initially deferred]", or "".
func deferrableClause(deferrable, deferred bool) string {
	switch {
	case deferred:
		return " deferrable initially deferred"
	case deferrable:
		return " deferrable"
	}
	return ""
}
