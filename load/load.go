package load

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
	"github.com/retortdb/retort/model"
)

// Options configures [Models]; the zero value works.
type Options struct {
	// Positions, when set, gives each [TagError] the source position of the
	// field (or type) at fault; see [SourcePositions].
	Positions PositionFunc
	// Family is the tag family of models whose fields carry no db, gorm or
	// bun tag at all (an untagged GORM model: its conventions differ from
	// db's); the zero value is [model.FamilyDB]. Tagged models are detected per
	// struct whatever this says.
	Family model.Family
	// GORM are the GORM settings GORM models are read with: the driver
	// whose column types they get, the naming strategy and the driver
	// settings a team's gorm.Config holds.
	GORM GORMOptions
	// Validate, when set, checks the loaded schema against what the target
	// database can run (autogen passes the target dialect's checks: values
	// its DDL grammar accepts, features its server supports); each
	// [Problem] becomes a [*TagError] on the field at fault, wrapping
	// [ErrTarget].
	Validate Validator
	// Bun are the bun settings bun models are read with: the dialect
	// whose column types they get.
	Bun BunOptions
}

// Models reads the target schema from tagged Go structs. Each model is a
// struct value or a pointer to one (models.User{}, &models.User{}); tables
// come out in the order of models. The tag grammar is in the package
// documentation.
//
// Models reports every problem it finds, not just the first: the error is an
// errors.Join of [*TagError] values, each wrapping one of the package's
// sentinels ([ErrUnknownOption], [ErrBadTag], [ErrNoType], ...). On error
// the returned Schema is empty.
func Models(models []any, opts Options) (model.Schema, error) {
	return newLoader(opts).read(models)
}

// newLoader starts one read.
func newLoader(opts Options) *loader {
	return &loader{opts: opts, enumIdx: map[string]int{}}
}

// read loads models (see [Models]).
func (l *loader) read(models []any) (model.Schema, error) {
	var s model.Schema
	var loaded []*modelLoader
	owner := map[[2]string]string{}
	for _, m := range models {
		t, ok := l.loadModel(m)
		if t != nil {
			loaded = append(loaded, t)
		}
		if !ok {
			continue
		}
		key := [2]string{t.table.Schema, t.table.Name}
		if other, dup := owner[key]; dup {
			t.typeErr(fmt.Errorf("%w %q: %s maps to it too", ErrDuplicateTable, t.table.QualifiedName(), other))
			continue
		}
		owner[key] = t.typeName
		s.Tables = append(s.Tables, t.table)
	}
	l.resolveRelations(&s)
	l.resolveBunRelations(&s)
	l.addJoinTables(&s)
	l.finishGORMTypes(&s)
	l.resolveEnums(&s)
	s.Extensions = extensions(loaded)
	for _, ml := range loaded {
		ml.checkReferences(&s)
	}
	l.validate(s, loaded)
	if len(l.errs) > 0 {
		return model.Schema{}, errors.Join(l.errs...)
	}
	s.Enums = l.enums
	return s, nil
}

// loader is the state of one Models call.
type loader struct {
	opts  Options
	errs  []error
	warns []Warning
	// enums are the declared enums in declaration order; enumIdx finds
	// them by name as written, enumFrom says where each was declared.
	enums    []model.Enum
	enumIdx  map[string]int
	enumFrom []string
	// enumRefs are columns naming an enum without values (enum=NAME).
	enumRefs []enumRef
	// fam holds GORM and bun relations and struct facts (family.go).
	fam *familyState
	// gormTables are the GORM models' tables and the join tables, in
	// order, whose column types are finished once relations are resolved.
	gormTables []gormTable
	// skips are the columns fields mark skip_autogenerate (skip.go).
	skips []Skip
}

// enumRef is a column that uses an enum declared elsewhere.
type enumRef struct {
	m     *modelLoader
	ref   fieldRef
	table [2]string
	col   string
	name  string
}

// fieldRef is one struct field and where it sits in the model.
type fieldRef struct {
	// path is the field's Go name, dotted through embedded structs
	// ("Timestamps.CreatedAt").
	path string
	// owner is the struct type that declares the field.
	owner reflect.Type
	sf    reflect.StructField
}

// modelLoader is the state of one model: its fields and the table built
// from them.
type modelLoader struct {
	l        *loader
	typ      reflect.Type
	typeName string
	table    model.Table
	failed   bool

	pkCols   []string
	pkRefs   []fieldRef
	autoCols []autoCol
	colRef   map[string]fieldRef
	groups   map[string]*group
	order    []*group
	fks      []named[model.ForeignKey]
	checks   []named[model.Check]
	tspec    tableSpec
	// gorm holds a GORM model's column type facts (nil for other families).
	gorm *gormModel
	// pkConflict and pkDesc are the key's pk_onconflict= and pk_desc.
	pkConflict model.ConflictAction
	pkDesc     []string
}

// autoCol records a column's explicit auto-increment choice.
type autoCol struct {
	ref     fieldRef
	col     string
	on, off bool
}

// named is an index or constraint with the field that declared it.
type named[T any] struct {
	v   T
	ref fieldRef
}

// group is an index or unique constraint built from field tags; fields
// that give the same NAME share one.
type group struct {
	name   string
	unique bool // a unique constraint (else an index)
	bare   bool // from a bare "index"/"unique": one column, never shared
	cols   []string
	ref    fieldRef
	where  string
	method string
	// conflict is a unique constraint's unique_onconflict=.
	conflict model.ConflictAction
}

// tabler is implemented by models that name their table.
type tabler interface{ TableName() string }

// loadModel builds one model's table; ok is false when the model could not
// be read at all.
func (l *loader) loadModel(m any) (*modelLoader, bool) {
	v := reflect.ValueOf(m)
	if !v.IsValid() {
		l.errs = append(l.errs, &TagError{Type: "<nil>", Err: fmt.Errorf("%w: got nil; pass a struct value such as models.User{}", ErrNotStruct)})
		return nil, false
	}
	t := v.Type()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		l.errs = append(l.errs, &TagError{Type: v.Type().String(), Err: fmt.Errorf("%w: got %s; pass a struct value such as models.User{}", ErrNotStruct, v.Type().Kind())})
		return nil, false
	}
	ml := &modelLoader{l: l, typ: t, typeName: t.String(), colRef: map[string]fieldRef{}, groups: map[string]*group{}}
	if ml.loadFamily(v) {
		return ml, !ml.failed
	}
	var fields, blanks []fieldRef
	ml.collect(t, "", []reflect.Type{t}, &fields, &blanks)
	ml.parseTableOptions(blanks)
	ml.nameTable(v)
	// Size the column list and the name index once, not by growth.
	ml.table.Columns = make([]model.Column, 0, len(fields))
	ml.colRef = make(map[string]fieldRef, len(fields))
	for _, f := range fields {
		ml.addField(f)
	}
	ml.finish()
	if len(ml.table.Columns) == 0 && !ml.failed {
		ml.typeErr(fmt.Errorf("%w: %s has no exported fields that map to columns", ErrNoColumns, ml.typeName))
	}
	return ml, !ml.failed
}

// collect lists t's column fields and blank (table option) fields in
// field order, flattening embedded structs in place.
func (ml *modelLoader) collect(t reflect.Type, prefix string, stack []reflect.Type, fields, blanks *[]fieldRef) {
	for i := range t.NumField() {
		sf := t.Field(i)
		ref := fieldRef{path: prefix + sf.Name, owner: t, sf: sf}
		tag, _ := sf.Tag.Lookup(tagKey)
		if sf.Name == "_" {
			if t := strings.TrimSpace(tag); t != "" && t != "-" {
				*blanks = append(*blanks, ref)
			}
			continue
		}
		if sf.Anonymous {
			et := sf.Type
			for et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct && !isColumnStruct(et) {
				switch {
				case tag == "-":
				case strings.TrimSpace(tag) != "":
					ml.fieldErr(ref, fmt.Errorf("%w: an embedded struct's fields are columns of this table; its db tag may only be \"-\"", ErrBadTag))
				case slices.Contains(stack, et):
					// A cycle through embedded pointers; each struct is flattened once.
				default:
					ml.collect(et, prefix+sf.Name+".", append(stack, et), fields, blanks)
				}
				continue
			}
		}
		if !sf.IsExported() && strings.TrimSpace(tag) != "" && tag != "-" {
			ml.fieldErr(ref, fmt.Errorf("%w: the loader cannot read it, so it would be no column; export it (%s) or tag it db:\"-\"", ErrUnexportedField, exportedName(sf.Name)))
			continue
		}
		if !sf.IsExported() || tag == "-" {
			continue
		}
		*fields = append(*fields, ref)
	}
}

// nameTable sets the table's name: TableName() on the value or pointer
// receiver, else table=, else the snake_case type name. A TableName()
// result "schema.name" also sets the schema when schema= is not given.
func (ml *modelLoader) nameTable(v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v = reflect.New(ml.typ).Elem()
			break
		}
		v = v.Elem()
	}
	name := ""
	if tb, ok := v.Interface().(tabler); ok {
		name = tb.TableName()
	} else {
		pv := reflect.New(ml.typ)
		pv.Elem().Set(v)
		if tb, ok := pv.Interface().(tabler); ok {
			name = tb.TableName()
		}
	}
	if name != "" {
		if sch, n, ok := strings.Cut(name, "."); ok && ml.tspec.schema == "" {
			ml.tspec.schema, name = sch, n
		}
	}
	if name == "" {
		name = ml.tspec.name
	}
	if name == "" {
		base := ml.typ.Name()
		if i := strings.IndexByte(base, '['); i >= 0 {
			base = base[:i]
		}
		if base == "" {
			ml.typeErr(fmt.Errorf("%w: an anonymous struct needs a table name: add _ struct{} `db:\",table=NAME\"`", ErrBadTag))
			return
		}
		name = model.SnakeCase(base)
	}
	ml.table.Name = name
	ml.table.Schema = ml.tspec.schema
	ml.table.Comment = ml.tspec.comment
	ml.table.Options = ml.tspec.options
}

// addField turns one field into a column and its keys and constraints.
func (ml *modelLoader) addField(f fieldRef) {
	tag := f.sf.Tag.Get(tagKey)
	name, opts, err := parseTag(tag)
	if err != nil {
		ml.fieldErr(f, err)
		return
	}
	if strings.Contains(name, "=") {
		ml.fieldErr(f, fmt.Errorf("%w: column name %q looks like an option; start the tag with a comma: db:\",%s\"", ErrBadTag, name, strings.TrimPrefix(tag, ",")))
		return
	}
	if name == "" {
		name = model.SnakeCase(f.sf.Name)
	}
	if prev, dup := ml.colRef[name]; dup {
		ml.fieldErr(f, fmt.Errorf("%w %q: field %s maps to it too", ErrDuplicateColumn, name, prev.path))
		return
	}
	ml.colRef[name] = f
	if ml.skipped(f, name, opts) {
		return
	}
	col, ok := ml.column(f, name, opts)
	if ok {
		ml.table.Columns = append(ml.table.Columns, col)
	}
}

// finish assembles the primary key, auto-increment, table-level objects,
// checks names and sorts everything by name.
func (ml *modelLoader) finish() {
	t := &ml.table
	if len(ml.pkCols) > 0 {
		t.PrimaryKey = model.PrimaryKey{Name: model.PrimaryKeyName(t.Name), Columns: ml.pkCols,
			Deferrable: ml.tspec.pkTiming != "", InitiallyDeferred: ml.tspec.pkTiming == "deferred",
			OnConflict: ml.pkConflict, Desc: ml.pkDesc, Comment: ml.tspec.pkComment}
		if ml.gorm != nil && ml.l.opts.GORM.Driver != GORMNoDriver {
			// GORM writes PRIMARY KEY (...) without a name: the database names it.
			t.PrimaryKey.Name = ""
		}
	}
	if len(ml.pkCols) == 0 && ml.tspec.pkComment != "" {
		ml.fieldErr(ml.tspec.pkCommentRef, fmt.Errorf("%w: pk_comment= needs a primary key (a pk field)", ErrBadTag))
	}
	ml.applyAutoIncrement()
	ml.addTableObjects()

	for _, g := range ml.order {
		if g.unique {
			t.Uniques = append(t.Uniques, model.Unique{Name: g.name, Columns: g.cols, OnConflict: g.conflict})
			continue
		}
		ix := model.Index{Name: g.name, Where: g.where, Method: g.method}
		for _, c := range g.cols {
			ix.Parts = append(ix.Parts, model.IndexPart{Column: c})
		}
		t.Indexes = append(t.Indexes, ix)
	}
	for _, fk := range ml.fks {
		t.ForeignKeys = append(t.ForeignKeys, fk.v)
	}
	for _, ck := range ml.checks {
		t.Checks = append(t.Checks, ck.v)
	}
	ml.checkNames()
	byName := func(a, b string) int { return cmp.Compare(a, b) }
	slices.SortStableFunc(t.Indexes, func(a, b model.Index) int { return byName(a.Name, b.Name) })
	slices.SortStableFunc(t.Uniques, func(a, b model.Unique) int { return byName(a.Name, b.Name) })
	slices.SortStableFunc(t.ForeignKeys, func(a, b model.ForeignKey) int { return byName(a.Name, b.Name) })
	slices.SortStableFunc(t.Checks, func(a, b model.Check) int { return byName(a.Name, b.Name) })
}

// applyAutoIncrement marks a single-column integer primary key
// auto-increment unless it opted out (noautoincrement, a default, identity
// or a generated expression), and validates explicit autoincrement tags.
func (ml *modelLoader) applyAutoIncrement() {
	if ml.gorm != nil {
		return // GORM's own rules set AutoIncrement (gormKeys)
	}
	cols := ml.table.Columns
	idx := func(name string) int {
		return slices.IndexFunc(cols, func(c model.Column) bool { return c.Name == name })
	}
	explicit := map[string]autoCol{}
	for _, a := range ml.autoCols {
		explicit[a.col] = a
		if !a.on {
			continue
		}
		i := idx(a.col)
		if i < 0 {
			continue
		}
		if !isIntegerType(cols[i].Type) {
			ml.fieldErr(a.ref, fmt.Errorf("%w: autoincrement needs an integer column, not %s", ErrBadTag, cols[i].Type))
			continue
		}
		cols[i].AutoIncrement = true
	}
	if len(ml.pkCols) != 1 {
		return
	}
	i := idx(ml.pkCols[0])
	if i < 0 {
		return
	}
	c := &cols[i]
	if a, ok := explicit[c.Name]; ok && a.off {
		return
	}
	if isIntegerType(c.Type) && c.Default == "" && c.Identity == model.IdentityNone && c.Generated.Expr == "" {
		c.AutoIncrement = true
	}
}

// checkNames reports two indexes or constraints of the table with one name.
func (ml *modelLoader) checkNames() {
	t := &ml.table
	seen := map[string]bool{}
	if t.PrimaryKey.Name != "" {
		seen[t.PrimaryKey.Name] = true
	}
	report := func(name string, ref fieldRef) {
		if seen[name] {
			ml.fieldErr(ref, fmt.Errorf("%w %q in table %s", ErrDuplicateName, name, t.QualifiedName()))
		}
		seen[name] = true
	}
	for _, g := range ml.order {
		report(g.name, g.ref)
	}
	for _, ix := range ml.tspec.indexes {
		report(ix.v.Name, ix.ref)
	}
	for _, u := range ml.tspec.uniques {
		report(u.v.Name, u.ref)
	}
	for _, fk := range ml.fks {
		report(fk.v.Name, fk.ref)
	}
	for _, ck := range ml.checks {
		report(ck.v.Name, ck.ref)
	}
	for _, ck := range ml.tspec.checks {
		report(ck.v.Name, ck.ref)
	}
}

// resolveEnums fills in the values of columns that name an enum declared
// on another field (enum=NAME), and reports names never declared.
func (l *loader) resolveEnums(s *model.Schema) {
	for _, r := range l.enumRefs {
		i, ok := l.enumIdx[r.name]
		if !ok {
			r.m.fieldErr(r.ref, fmt.Errorf("%w: enum %q is not declared; write enum=%s(value, ...) on one field", ErrBadTag, r.name, r.name))
			continue
		}
		for ti := range s.Tables {
			t := &s.Tables[ti]
			if t.Schema != r.table[0] || t.Name != r.table[1] {
				continue
			}
			for ci := range t.Columns {
				if t.Columns[ci].Name == r.col {
					t.Columns[ci].Type.EnumValues = slices.Clone(l.enums[i].Values)
				}
			}
		}
	}
}

// declareEnum records an enum declared by a field; a second declaration
// must list the same values, and may leave out the comment (two comments
// must agree).
func (ml *modelLoader) declareEnum(f fieldRef, name string, values []string, comment string) {
	l := ml.l
	if i, ok := l.enumIdx[name]; ok {
		if !slices.Equal(l.enums[i].Values, values) {
			ml.fieldErr(f, fmt.Errorf("%w: enum %q is (%s) here but (%s) in %s", ErrEnumMismatch, name,
				strings.Join(values, ", "), strings.Join(l.enums[i].Values, ", "), l.enumFrom[i]))
		}
		switch {
		case comment == "" || comment == l.enums[i].Comment:
		case l.enums[i].Comment == "":
			l.enums[i].Comment = comment
		default:
			ml.fieldErr(f, fmt.Errorf("%w: enum %q has comment %q here but %q in %s", ErrEnumMismatch, name,
				comment, l.enums[i].Comment, l.enumFrom[i]))
		}
		return
	}
	e := model.Enum{Name: name, Comment: comment}
	if sch, n, ok := strings.Cut(name, "."); ok {
		e.Schema, e.Name = sch, n
	}
	e.Values = values
	l.enumIdx[name] = len(l.enums)
	l.enums = append(l.enums, e)
	l.enumFrom = append(l.enumFrom, ml.typeName+"."+f.path)
}

// fieldErr records a problem with one field.
func (ml *modelLoader) fieldErr(f fieldRef, err error) {
	ml.failed = true
	ml.l.errs = append(ml.l.errs, &TagError{Type: ml.typeName, Field: f.path, Pos: ml.l.pos(f.owner, f.sf.Name), Err: err})
}

// typeErr records a problem with the model as a whole.
func (ml *modelLoader) typeErr(err error) {
	ml.failed = true
	ml.l.errs = append(ml.l.errs, &TagError{Type: ml.typeName, Pos: ml.l.pos(ml.typ, ""), Err: err})
}

// pos renders a declaration's position, or "" when unknown.
func (l *loader) pos(owner reflect.Type, field string) string {
	if l.opts.Positions == nil {
		return ""
	}
	name := owner.Name()
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	file, line, ok := l.opts.Positions(owner.PkgPath(), name, field)
	if !ok {
		return ""
	}
	return file + ":" + strconv.Itoa(line)
}

// checkReferences reports foreign keys that reference a column missing from
// a referenced table that is itself a model, and foreign keys to a table
// that is not a model but is spelled like one of the same schema (a typo:
// fk=product.id beside a model table products). Other references to tables
// outside the models are not checked: they may exist in the database.
func (ml *modelLoader) checkReferences(s *model.Schema) {
	for _, fk := range ml.fks {
		ref, ok := s.Table(fk.v.RefSchema, fk.v.RefTable)
		if !ok {
			var names []string
			for _, t := range s.Tables {
				if t.Schema == fk.v.RefSchema {
					names = append(names, t.Name)
				}
			}
			if sug, close := suggest.Closest(fk.v.RefTable, names); close {
				ml.fieldErr(fk.ref, fmt.Errorf("%w %q in fk target %s; did you mean %q? (a table outside the models must not be spelled like a model's table)", ErrUnknownTable, fk.v.RefTable, fkTarget(fk.v), sug))
			}
			continue
		}
		for _, c := range fk.v.RefColumns {
			if _, ok := ref.Column(c); ok {
				continue
			}
			names := make([]string, len(ref.Columns))
			for i, rc := range ref.Columns {
				names[i] = rc.Name
			}
			err := fmt.Errorf("%w %q in fk target %s", ErrUnknownColumn, c, fkTarget(fk.v))
			if sug, ok := suggest.Closest(c, names); ok {
				err = fmt.Errorf("%w; did you mean %q?", err, sug)
			}
			ml.fieldErr(fk.ref, err)
		}
	}
}

// exportedName is name with its first letter upper-cased.
func exportedName(name string) string {
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// fkTarget renders a foreign key's target: schema.table(col, ...).
func fkTarget(fk model.ForeignKey) string {
	t := fk.RefTable + "(" + strings.Join(fk.RefColumns, ", ") + ")"
	if fk.RefSchema != "" {
		return fk.RefSchema + "." + t
	}
	return t
}
