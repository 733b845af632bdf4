package load

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/model"
)

// gormField is one field of a GORM model with its parsed tag.
type gormField struct {
	famField
	tag gormTag
	col string
	pk  bool
	gt  gormType
	// rel: the field has no data type: a relation, not a column.
	rel bool
}

// gormModel is what a GORM model keeps for its column types, which are
// finished once every model and relation is read (a foreign key takes
// its referenced key's GORM type).
type gormModel struct {
	cols  []*gormCol
	byCol map[string]*gormCol
}

// gormCol is one GORM column's type facts.
type gormCol struct {
	ref fieldRef
	col string
	gt  gormType
	// jsonShape: a []byte type named JSON (gorm.io/datatypes' JSON read
	// without a driver).
	jsonShape bool
}

// gormRelation is a relation field of a GORM model (a struct, pointer to
// struct or slice of them); it becomes a foreign key (or, with many2many:,
// a join table) once every model is read (see resolveRelations).
type gormRelation struct {
	ml     *modelLoader
	ref    fieldRef
	target reflect.Type
	many   bool
	// foreignKey and references are the tag values, "" for GORM's default.
	foreignKey, references string
	// many2many names the join table; joinForeignKey and joinReferences
	// are its tag settings.
	many2many, joinForeignKey, joinReferences string
	// name is constraint:'s NAME, "" for GORM's fk_<table>_<field>.
	name               string
	onDelete, onUpdate model.ReferenceAction
	noConstraint       bool
}

// gormIndex gathers the fields that name one index.
type gormIndex struct {
	spec  gormIndexSpec
	ref   fieldRef
	parts []gormIndexPart
}

// gormIndexPart is one field's part of an index and its priority.
type gormIndexPart struct {
	part     model.IndexPart
	priority int
}

// loadGORM reads a model written with gorm tags, by GORM's conventions
// (see the package documentation).
func (ml *modelLoader) loadGORM(v reflect.Value) {
	o := ml.l.opts.GORM
	ml.gorm = &gormModel{byCol: map[string]*gormCol{}}
	var fields []famField
	var blanks []fieldRef
	ml.collectGORM(ml.typ, "", "", false, []reflect.Type{ml.typ}, &fields, &blanks)
	ml.parseTableOptions(blanks)
	if ml.tspec.name == "" {
		ml.tspec.name = o.tableName(ml.typ.Name())
	}
	ml.nameTable(v)

	gfs := ml.readGORMFields(fields)
	ml.gormKeys(gfs)
	info := &typeInfo{name: ml.typ.Name(), fieldCol: map[string]string{}, gormCols: ml.gorm.byCol}
	var indexes []*gormIndex
	byName := map[string]*gormIndex{}
	for _, gf := range gfs {
		col, isCol, ok := ml.gormColumn(gf)
		if !ok || !isCol {
			continue
		}
		if !ml.checkDBNextTo(gf.ref, model.FamilyGORM, col.Name) {
			continue
		}
		ml.colRef[col.Name] = gf.ref
		ml.table.Columns = append(ml.table.Columns, col)
		if _, seen := info.fieldCol[gf.ref.sf.Name]; !seen {
			info.fieldCol[gf.ref.sf.Name] = col.Name
		}
		info.fieldCol[gf.ref.path] = col.Name
		if gf.pk {
			info.pkFields = append(info.pkFields, gf.ref.sf.Name)
			info.pkCols = append(info.pkCols, col.Name)
		}
		ignored := func(msg string) { ml.warn(gf.ref, msg) }
		for _, s := range gf.tag.indexes {
			spec, err := parseGORMIndex(s, ignored)
			if err != nil {
				ml.fieldErr(gf.ref, err)
				continue
			}
			if spec.name == "" {
				sub := gf.ref.sf.Name
				if spec.composite != "" {
					sub = spec.composite
				}
				spec.name = gormName(o.identMax(), "idx", ml.table.Name, gormDBName(sub))
			}
			gi, ok := byName[spec.name]
			if !ok {
				gi = &gormIndex{spec: spec, ref: gf.ref}
				byName[spec.name] = gi
				indexes = append(indexes, gi)
			} else {
				gi.spec.unique = gi.spec.unique || spec.unique
				if gi.spec.method == "" {
					gi.spec.method, gi.spec.typed = spec.method, spec.typed
				}
				gi.spec.where = cmp.Or(gi.spec.where, spec.where)
			}
			part := model.IndexPart{Column: col.Name, Desc: spec.desc, Length: spec.length}
			if spec.expr != "" {
				part = model.IndexPart{Expr: spec.expr, Desc: spec.desc}
			}
			gi.parts = append(gi.parts, gormIndexPart{part, spec.priority})
		}
	}
	for _, gi := range indexes {
		slices.SortStableFunc(gi.parts, func(a, b gormIndexPart) int { return cmp.Compare(a.priority, b.priority) })
		// GORM's CREATE TABLE leaves type: out, its CREATE INDEX (an index
		// added to an existing table) writes it: which one made the
		// database's index is not known here.
		ix := model.Index{Name: gi.spec.name, Unique: gi.spec.unique, Where: gi.spec.where, Method: gi.spec.method,
			MethodWrittenUnknown: gi.spec.typed}
		for _, p := range gi.parts {
			ix.Parts = append(ix.Parts, p.part)
		}
		ml.tspec.indexes = append(ml.tspec.indexes, named[model.Index]{ix, gi.ref})
	}
	ml.register(info)
	ml.l.gormTables = append(ml.l.gormTables, gormTable{ml.table.Schema, ml.table.Name, ml.gorm})
}

// readGORMFields reads each field's tag and GORM type, and keeps one field
// per column as GORM does: of two fields with one column name, the one
// with the shorter path through embedded structs (the first on a tie).
func (ml *modelLoader) readGORMFields(fields []famField) []*gormField {
	var gfs []*gormField
	byCol := map[string]int{}
	for _, ff := range fields {
		report := func(err error) { ml.fieldErr(ff.ref, err) }
		ignored := func(msg string) { ml.warn(ff.ref, msg) }
		g, ok := readGORMTag(ff.ref.sf.Tag.Get("gorm"), report, ignored)
		if !ok {
			continue
		}
		if ff.inModel && ff.ref.sf.Name == "DeletedAt" && !g.has("INDEX") {
			if _, tagged := ff.ref.sf.Tag.Lookup("gorm"); !tagged {
				s := gormSetting{key: "INDEX"}
				g.set["INDEX"], g.indexes = s, append(g.indexes, s)
			}
		}
		gf := &gormField{famField: ff, tag: g, pk: g.truthy("PRIMARYKEY")}
		gf.gt = newGORMType(ff.ref.sf.Type, g)
		gf.gt.pk = gf.pk
		if gf.gt.kind == "" {
			gf.rel = true
			gfs = append(gfs, gf)
			continue
		}
		gf.col = ff.prefix + gormDBName(ff.ref.sf.Name)
		if c := g.val("COLUMN"); g.has("COLUMN") && c != "" {
			gf.col = ff.prefix + c
		}
		if i, dup := byCol[gf.col]; dup {
			prev := gfs[i]
			if depth(gf.ref.path) < depth(prev.ref.path) {
				ml.warn(prev.ref, fmt.Sprintf("column %q is also field %s's; GORM uses %s (the shorter path), and so does retort", gf.col, gf.ref.path, gf.ref.path))
				gfs[i] = gf
			} else {
				ml.warn(gf.ref, fmt.Sprintf("column %q is also field %s's; GORM uses %s (the shorter path, or the first), and so does retort", gf.col, prev.ref.path, prev.ref.path))
			}
			continue
		}
		byCol[gf.col] = len(gfs)
		gfs = append(gfs, gf)
	}
	return gfs
}

// depth is the number of embedded structs a field path goes through.
func depth(path string) int { return strings.Count(path, ".") }

// gormKeys applies GORM's primary key and auto-increment rules: the key is
// the primaryKey fields, else the field whose column (or Go name) is id;
// the prioritized key field (the id field when it is a key, else the only
// key field, else the first tagged autoIncrement) auto-increments when its
// GORM type is an integer and it has no autoIncrement setting; any field
// tagged autoIncrement auto-increments.
func (ml *modelLoader) gormKeys(gfs []*gormField) {
	var pks []*gormField
	var byID, byIDName *gormField
	for _, gf := range gfs {
		if gf.rel {
			continue
		}
		if gf.pk {
			pks = append(pks, gf)
		}
		if gf.col == "id" && byID == nil {
			byID = gf
		}
		if (gf.col == "ID" || gf.ref.sf.Name == "ID") && byIDName == nil {
			byIDName = gf
		}
	}
	prio := cmp.Or(byID, byIDName)
	switch {
	case prio != nil && prio.pk:
	case prio != nil && len(pks) == 0:
		prio.pk, prio.gt.pk = true, true
	default:
		prio = nil
		if len(pks) == 1 {
			prio = pks[0]
		}
		for _, gf := range pks {
			if prio == nil && gf.tag.truthy("AUTOINCREMENT") {
				prio = gf
			}
		}
	}
	for _, gf := range gfs {
		gf.gt.autoInc = gf.tag.truthy("AUTOINCREMENT")
	}
	if prio != nil && (prio.gt.gormKind == gormInt || prio.gt.gormKind == gormUint) && !prio.tag.has("AUTOINCREMENT") {
		prio.gt.autoInc, prio.gt.hasDefault = true, true
	}
}

// register records what relations need to know of the model's type.
func (ml *modelLoader) register(info *typeInfo) {
	info.table, info.schema, info.loaded, info.typ = ml.table.Name, ml.table.Schema, true, ml.typ
	st := ml.l.famState()
	if _, dup := st.byType[ml.typ]; !dup {
		st.byType[ml.typ] = info
	}
}

// collectGORM lists a GORM model's fields in order, flattening anonymous
// embedded structs and fields tagged embedded (with embeddedPrefix:).
// Unexported fields and fields tagged "-", "-:all" or "-:migration" are
// skipped, as GORM skips them.
func (ml *modelLoader) collectGORM(t reflect.Type, path, prefix string, inModel bool, stack []reflect.Type, fields *[]famField, blanks *[]fieldRef) {
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Name == "_" {
			blankTableOptions(t, sf, path, blanks)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		ref := fieldRef{path: path + sf.Name, owner: t, sf: sf}
		g := gormTag{set: map[string]gormSetting{}}
		for _, s := range parseGORMTag(sf.Tag.Get("gorm")) {
			if k, ok := gormKnown(s.key); ok {
				g.set[k] = s
			}
		}
		if g.skipped() {
			continue
		}
		et := sf.Type
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		if (sf.Anonymous || g.has("EMBEDDED")) && et.Kind() == reflect.Struct && !isColumnStruct(et) && !isDeletedAt(et) {
			if slices.Contains(stack, et) {
				continue
			}
			p := prefix
			if g.has("EMBEDDEDPREFIX") {
				p += g.val("EMBEDDEDPREFIX")
			}
			ml.collectGORM(et, ref.path+".", p, inModel || (sf.Anonymous && isGORMModel(et)), append(stack, et), fields, blanks)
			continue
		}
		*fields = append(*fields, famField{ref: ref, prefix: prefix, inModel: inModel})
	}
}

// gormRelationTarget returns the struct type a relation field points to
// (a struct, a pointer to one, or a slice or array of them) and whether it
// is a slice; ok is false for any other type GORM has no data type for.
func gormRelationTarget(t reflect.Type) (target reflect.Type, many, ok bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		many = true
		t = t.Elem()
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	if t.Kind() != reflect.Struct {
		return nil, false, false
	}
	return t, many, true
}

// gormColumn builds a GORM field's column, or records the field as a
// relation (isCol false).
func (ml *modelLoader) gormColumn(gf *gormField) (col model.Column, isCol, ok bool) {
	f, g := gf.ref, gf.tag
	o := ml.l.opts.GORM
	report := func(err error) { ml.fieldErr(f, err) }
	if gf.rel {
		target, many, rel := gormRelationTarget(f.sf.Type)
		if !rel {
			report(fmt.Errorf("%w %s: add serializer:json, or type: with an SQL type, or skip the field with gorm:\"-\"", ErrNoType, f.sf.Type))
			return model.Column{}, false, false
		}
		r := gormRelation{ml: ml, ref: f, target: target, many: many,
			foreignKey: strings.TrimSpace(g.val("FOREIGNKEY")), references: strings.TrimSpace(g.val("REFERENCES")),
			many2many: strings.TrimSpace(g.val("MANY2MANY")), joinForeignKey: strings.TrimSpace(g.val("JOINFOREIGNKEY")),
			joinReferences: strings.TrimSpace(g.val("JOINREFERENCES"))}
		if g.has("CONSTRAINT") {
			if err := r.parseConstraint(g.val("CONSTRAINT")); err != nil {
				report(err)
				return model.Column{}, false, false
			}
		}
		ml.l.famState().rels = append(ml.l.famState().rels, r)
		return model.Column{}, false, true
	}
	col = model.Column{Name: gf.col, Nullable: !g.truthy("NOT NULL")}
	if o.Driver == GORMNoDriver {
		col.Nullable = col.Nullable && !gf.pk
	}
	ok = true
	gc := &gormCol{ref: f, col: gf.col, gt: gf.gt}
	base := f.sf.Type
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	gc.jsonShape = base.Name() == "JSON" && base.Kind() == reflect.Slice && base.Elem().Kind() == reflect.Uint8
	if hasGormDBDataType(f.sf.Type) {
		switch sql, asked := ml.askDBDataType(f, gf.col); {
		case asked && sql != "":
			gc.gt.dbType = sql
		case o.DBDataType == nil:
			ml.warn(f, fmt.Sprintf("%s has a GormDBDataType method, which only a program importing GORM can call: retort reads the column as GormDataType() and the Go type say; set env.go's ORM.GORM.DBDataType (README: GormDBDataType from env.go) to ask the method", base))
		}
	}
	if g.has("SIZE") && gc.gt.size < 0 {
		ml.warn(f, fmt.Sprintf("size:%s is not a number: GORM ignores it, and so does retort", g.val("SIZE")))
	}
	ml.gorm.cols = append(ml.gorm.cols, gc)
	ml.gorm.byCol[gf.col] = gc
	col.Type = gc.gt.logical()
	if gf.pk {
		ml.pkCols = append(ml.pkCols, col.Name)
		ml.pkRefs = append(ml.pkRefs, f)
	}
	col.AutoIncrement = gf.gt.autoInc
	if g.has("DEFAULT") {
		def, err := gormDefault(g.val("DEFAULT"), gf.gt)
		if err != nil {
			report(err)
			ok = false
		}
		col.Default = def
	}
	if g.has("COMMENT") {
		col.Comment = g.val("COMMENT")
	}
	if g.truthy("UNIQUE") {
		ml.tspec.uniques = append(ml.tspec.uniques, named[model.Unique]{model.Unique{Name: gormName(o.identMax(), "uni", ml.table.Name, gormDBName(col.Name)), Columns: []string{col.Name}}, f})
	}
	if c := g.val("CHECK"); c != "" {
		ml.checks = append(ml.checks, named[model.Check]{gormCheck(o.identMax(), ml.table.Name, col.Name, c), f})
	}
	return col, true, ok
}

// askDBDataType asks GORMOptions.DBDataType for a field's SQL type.
func (ml *modelLoader) askDBDataType(f fieldRef, col string) (string, bool) {
	hook := ml.l.opts.GORM.DBDataType
	if hook == nil {
		return "", false
	}
	sql, ok := hook(GORMField{Model: ml.typ, Path: f.path, Field: f.sf, Table: ml.table.Name, Column: col})
	return strings.TrimSpace(sql), ok
}

// gormDefault turns default:VALUE into the DEFAULT GORM writes: a
// function call (gen_random_uuid()) is written as it is, null as NULL
// (as GORM writes it), nothing as no default; otherwise the value is parsed by the field's Go
// kind and written as GORM's drivers write it: a bool as true or false,
// an integer in decimal (0x10 is 16), a float in plain decimal, a string
// without its surrounding quotes, quoted again as an SQL string.
func gormDefault(v string, gt gormType) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" || v == "(-)" {
		return "", nil
	}
	if strings.EqualFold(v, "null") {
		// GORM's migrator writes DEFAULT null; SQLite keeps it apart from
		// no default, PostgreSQL and MySQL read it as none.
		return "NULL", nil
	}
	if strings.Contains(v, "(") && strings.Contains(v, ")") {
		return v, nil
	}
	bad := func(err error) (string, error) {
		return "", fmt.Errorf("%w: default:%s: %s (GORM refuses it too)", ErrBadTag, v, err)
	}
	switch gt.goKind {
	case reflect.Bool:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return bad(err)
		}
		return strconv.FormatBool(b), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(v, 0, 64)
		if err != nil {
			return bad(err)
		}
		return strconv.FormatInt(n, 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(v, 0, 64)
		if err != nil {
			return bad(err)
		}
		return strconv.FormatUint(n, 10), nil
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return bad(err)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	case reflect.String:
		return quoteSQL(strings.Trim(strings.Trim(v, "'"), `"`)), nil
	}
	return v, nil
}

// gormCheck reads check:NAME,EXPR or check:EXPR (GORM's rule: a first
// comma-separated part made only of letters, digits, "_" and "-" is a
// name); the generated name is chk_<table>_<column>.
func gormCheck(max int, table, col, v string) model.Check {
	parts := strings.Split(v, ",")
	if len(parts) > 1 && isCheckName(parts[0]) {
		return model.Check{Name: parts[0], Expr: stripParens(strings.TrimSpace(strings.Join(parts[1:], ",")))}
	}
	if parts[0] == "" && len(parts) > 1 {
		v = strings.Join(parts[1:], ",")
	}
	return model.Check{Name: gormName(max, "chk", table, col), Expr: stripParens(strings.TrimSpace(v))}
}

// isCheckName matches GORM's ^[\w-]+$.
func isCheckName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// parseConstraint reads constraint:[NAME,]OnUpdate:CASCADE,OnDelete:SET
// NULL, or constraint:- (no foreign key). NAME is the constraint's name
// when made only of letters, digits, "_" and "-" and followed by a comma,
// as GORM reads it; other settings are ignored, as GORM ignores them.
func (r *gormRelation) parseConstraint(v string) error {
	if strings.TrimSpace(v) == "-" {
		r.noConstraint = true
		return nil
	}
	if i := strings.IndexByte(v, ','); i >= 0 && isCheckName(v[:i]) {
		r.name = v[:i]
	}
	for _, p := range strings.Split(v, ",") {
		k, a, _ := strings.Cut(p, ":")
		var set *model.ReferenceAction
		switch strings.ToUpper(strings.TrimSpace(k)) {
		case "ONDELETE":
			set = &r.onDelete
		case "ONUPDATE":
			set = &r.onUpdate
		default:
			continue
		}
		act, ok := model.ParseReferenceAction(a)
		if !ok || strings.TrimSpace(a) == "" {
			return fmt.Errorf("%w: constraint:%s: bad action %q; want CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION", ErrBadTag, v, strings.TrimSpace(a))
		}
		*set = act
	}
	return nil
}
