package load

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/retortdb/retort/model"
)

// joinSide is one side of a many2many join table: the model's key
// fields, the join table's columns for them, and the belongs-to name
// GORM gives that side.
type joinSide struct {
	info   *typeInfo
	fields []string // Go field names of the referenced columns
	refs   []string // the referenced columns
	cols   []string // the join table's columns
	rel    string   // the join table's relation name (fk_<join>_<rel>)
}

// addJoinTables adds the join table of every many2many relation, as
// GORM's AutoMigrate creates it:
//
//   - named by many2many:, with the naming strategy's prefix (a name not
//     all lower case is made a table name, plural snake_case);
//   - a column per key field of the owner (or foreignKey: fields), named
//     <Owner type><Field> (or joinForeignKey:), then one per key field of
//     the target (or references:), <Target type><Field> (or
//     joinReferences:); when a target column would repeat an owner's (a
//     self-referential relation) it is <singular of the relation
//     field><Field>; each takes its key field's type and tag (less column,
//     autoIncrement, index, unique and uniqueIndex);
//   - every column is part of the primary key;
//   - a foreign key per side, fk_<join table>_<owner type> and
//     fk_<join table>_<target type> (the relation field's name when the
//     two types are one), with the relation's constraint: actions.
//
// A join table named like a model is not added: the model describes it.
// When two relations name one join table (both sides of a many2many), the
// one read last wins, as in AutoMigrate.
func (l *loader) addJoinTables(s *model.Schema) {
	if l.fam == nil {
		return
	}
	o := l.opts.GORM
	joins := map[[2]string]int{} // join tables added, by schema and name: index in s.Tables
	for i := range l.fam.rels {
		r := &l.fam.rels[i]
		if r.ml.failed || r.many2many == "" {
			continue
		}
		own := l.fam.byType[r.ml.typ]
		tgt := l.describeType(r.target)
		if own == nil || tgt == nil {
			continue
		}
		if !tgt.loaded {
			r.ml.fieldErr(r.ref, fmt.Errorf("%w: %s (many2many %s); list it among the models (AutoMigrate would create its table)", ErrNotAModel, r.target, r.ref.sf.Name))
			continue
		}
		name := o.joinTableName(r.many2many)
		key := [2]string{own.schema, name}
		prev, isJoin := joins[key]
		if _, exists := s.Table(own.schema, name); exists && !isJoin {
			continue
		}
		ownSide, err := joinKeys(own, r.foreignKey, "foreignKey")
		if err != nil {
			r.ml.fieldErr(r.ref, err)
			continue
		}
		tgtSide, err := joinKeys(tgt, r.references, "references")
		if err != nil {
			r.ml.fieldErr(r.ref, err)
			continue
		}
		jfk, jref := splitNames(r.joinForeignKey), splitNames(r.joinReferences)
		var goNames []string
		for k, f := range ownSide.fields {
			n := titleFirst(own.name) + f
			if k < len(jfk) {
				n = titleFirst(jfk[k])
			}
			goNames = append(goNames, n)
		}
		ownNames := slices.Clone(goNames)
		var refNames []string
		for k, f := range tgtSide.fields {
			n := titleFirst(tgt.name) + f
			if slices.Contains(ownNames, n) {
				if r.ref.sf.Name != tgt.name {
					n = Singular(r.ref.sf.Name) + f
				} else {
					n += "Reference"
				}
			}
			if k < len(jref) {
				n = titleFirst(jref[k])
			}
			refNames = append(refNames, n)
		}
		t := model.Table{Schema: own.schema, Name: name}
		gm := &gormModel{byCol: map[string]*gormCol{}}
		add := func(goName string, from *typeInfo, refCol string) (string, bool) {
			col := gormDBName(goName)
			if _, dup := gm.byCol[col]; dup {
				return col, false
			}
			src := from.gormCols[refCol]
			c := model.Column{Name: col, Nullable: true}
			gc := &gormCol{col: col}
			if src != nil {
				gc.gt = src.gt
				gc.ref = src.ref
				gc.jsonShape = src.jsonShape
				g := joinFieldTag(src.ref)
				gc.gt.pk, gc.gt.autoInc, gc.gt.indexed = true, false, false
				gc.gt.hasDefault = g.has("DEFAULT")
				c.Nullable = !g.truthy("NOT NULL")
				if g.has("DEFAULT") {
					c.Default, _ = gormDefault(g.val("DEFAULT"), gc.gt)
				}
				c.Comment = g.val("COMMENT")
			}
			if o.Driver == GORMNoDriver {
				c.Nullable = false
			}
			t.Columns = append(t.Columns, c)
			gm.cols = append(gm.cols, gc)
			gm.byCol[col] = gc
			t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, col)
			return col, true
		}
		for k, n := range ownNames {
			col, _ := add(n, own, ownSide.refs[k])
			ownSide.cols = append(ownSide.cols, col)
		}
		for k, n := range refNames {
			col, _ := add(n, tgt, tgtSide.refs[k])
			tgtSide.cols = append(tgtSide.cols, col)
		}
		if o.Driver == GORMNoDriver {
			t.PrimaryKey.Name = model.PrimaryKeyName(name)
		}
		ownSide.rel, tgtSide.rel = own.name, tgt.name
		if own.name == tgt.name {
			tgtSide.rel = r.ref.sf.Name
		}
		if !o.DisableForeignKeyConstraintWhenMigrating && !r.noConstraint {
			for _, side := range []joinSide{ownSide, tgtSide} {
				t.ForeignKeys = append(t.ForeignKeys, model.ForeignKey{
					Name:    gormName(o.identMax(), "fk", name, gormDBName(side.rel)),
					Columns: side.cols, RefSchema: side.info.schema, RefTable: side.info.table, RefColumns: side.refs,
					OnDelete: r.onDelete, OnUpdate: r.onUpdate,
				})
			}
			slices.SortStableFunc(t.ForeignKeys, func(a, b model.ForeignKey) int { return strings.Compare(a.Name, b.Name) })
		}
		if isJoin {
			// Both sides declare the join table: AutoMigrate creates the
			// one of the model it reads last.
			s.Tables[prev] = t
			gi := slices.IndexFunc(l.gormTables, func(g gormTable) bool { return g.schema == t.Schema && g.name == t.Name })
			l.gormTables[gi].gm = gm
			continue
		}
		joins[key] = len(s.Tables)
		s.Tables = append(s.Tables, t)
		l.gormTables = append(l.gormTables, gormTable{t.Schema, t.Name, gm})
	}
}

// joinKeys returns the key fields of one side of a join table: the
// fields tag names (Go field or column names), else the primary key.
func joinKeys(t *typeInfo, tag, what string) (joinSide, error) {
	side := joinSide{info: t}
	if tag == "" {
		side.fields = slices.Clone(t.pkFields)
		side.refs = slices.Clone(t.pkCols)
		if len(side.refs) == 0 {
			return side, fmt.Errorf("%w: many2many: %s has no primary key to reference", ErrUnknownColumn, t.name)
		}
		return side, nil
	}
	for _, n := range splitNames(tag) {
		col, ok := t.fieldCol[n]
		field := n
		if !ok {
			for f, c := range t.fieldCol {
				if c == n && !strings.Contains(f, ".") {
					col, field, ok = c, f, true
					break
				}
			}
		}
		if !ok {
			return side, fmt.Errorf("%w: %s:%s names no field of %s%s", ErrUnknownColumn, what, n, t.name, suggestField(t, n))
		}
		side.fields = append(side.fields, field)
		side.refs = append(side.refs, col)
	}
	return side, nil
}

// joinFieldTag is a key field's gorm tag as GORM copies it to a join
// table's field: without column, autoIncrement, index, unique and
// uniqueIndex.
func joinFieldTag(f fieldRef) gormTag {
	g := gormTag{set: map[string]gormSetting{}}
	for _, s := range parseGORMTag(f.sf.Tag.Get("gorm")) {
		key, ok := gormKnown(s.key)
		if !ok {
			continue
		}
		switch key {
		case "COLUMN", "AUTOINCREMENT", "INDEX", "UNIQUE", "UNIQUEINDEX":
			continue
		}
		s.key = key
		g.set[key] = s
	}
	return g
}

// splitNames splits a comma-separated tag value, trimming each name.
func splitNames(v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	var out []string
	for _, n := range strings.Split(v, ",") {
		out = append(out, strings.TrimSpace(n))
	}
	return out
}

// titleFirst upper-cases the first letter, as GORM title-cases a type
// name for a join table's field names.
func titleFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// singularRules are github.com/jinzhu/inflection's singular rules in its
// declaration order; the last matching rule wins.
var singularRules = [][2]string{
	{"s$", ""},
	{"(ss)$", "${1}"},
	{"(n)ews$", "${1}ews"},
	{"([ti])a$", "${1}um"},
	{"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$", "${1}sis"},
	{"(^analy)(sis|ses)$", "${1}sis"},
	{"([^f])ves$", "${1}fe"},
	{"(hive)s$", "${1}"},
	{"(tive)s$", "${1}"},
	{"([lr])ves$", "${1}f"},
	{"([^aeiouy]|qu)ies$", "${1}y"},
	{"(s)eries$", "${1}eries"},
	{"(m)ovies$", "${1}ovie"},
	{"(c)ookies$", "${1}ookie"},
	{"(x|ch|ss|sh)es$", "${1}"},
	{"^(m|l)ice$", "${1}ouse"},
	{"(bus)(es)?$", "${1}"},
	{"(o)es$", "${1}"},
	{"(shoe)s$", "${1}"},
	{"(cris|test)(is|es)$", "${1}is"},
	{"^(a)x[ie]s$", "${1}xis"},
	{"(octop|vir)(us|i)$", "${1}us"},
	{"(alias|status|campus)(es)?$", "${1}"},
	{"^(ox)en", "${1}"},
	{"(vert|ind)ices$", "${1}ex"},
	{"(matr)ices$", "${1}ix"},
	{"(quiz)zes$", "${1}"},
	{"(database)s$", "${1}"},
}

// singularInflections are the uncountables, the irregulars (in upper,
// title and lower case) and the rules (last-declared first; each as an
// upper-case word, as written, and case-insensitively), tried in order.
var singularInflections = func() []inflection {
	var list []inflection
	for _, u := range uncountables {
		list = append(list, inflection{regexp.MustCompile("^(?i)(" + u + ")$"), "${1}"})
	}
	for _, p := range irregulars {
		sing, plur := p[0], p[1]
		list = append(list,
			inflection{regexp.MustCompile(strings.ToUpper(plur) + "$"), strings.ToUpper(sing)},
			inflection{regexp.MustCompile(titleFirst(plur) + "$"), titleFirst(sing)},
			inflection{regexp.MustCompile(plur + "$"), sing})
	}
	for i := len(singularRules) - 1; i >= 0; i-- {
		find, repl := singularRules[i][0], singularRules[i][1]
		list = append(list,
			inflection{regexp.MustCompile(strings.ToUpper(find)), strings.ToUpper(repl)},
			inflection{regexp.MustCompile(find), repl},
			inflection{regexp.MustCompile("(?i)" + find), repl})
	}
	return list
}()

// Singular returns the English singular of a word as
// github.com/jinzhu/inflection gives it (GORM names a self-referential
// many2many's second join column with it): "Friends" → "Friend",
// "Children" → "Child", "Categories" → "Category", "Statuses" → "Status".
func Singular(word string) string {
	if word == "" {
		return word
	}
	for _, inf := range singularInflections {
		if inf.re.MatchString(word) {
			return inf.re.ReplaceAllString(word, inf.replace)
		}
	}
	return word
}
