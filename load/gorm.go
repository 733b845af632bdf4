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
}

// gormRelation is a relation field of a GORM model (a struct, pointer to
// struct or slice of them); it becomes a foreign key once every model is
// read (see resolveRelations).
type gormRelation struct {
	ml     *modelLoader
	ref    fieldRef
	target reflect.Type
	many   bool
	// foreignKey and references are the tag values, "" for GORM's default.
	foreignKey, references string
	onDelete, onUpdate     model.ReferenceAction
	noConstraint           bool
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
	var fields []famField
	var blanks []fieldRef
	ml.collectGORM(ml.typ, "", "", false, []reflect.Type{ml.typ}, &fields, &blanks)
	ml.parseTableOptions(blanks)
	if ml.tspec.name == "" {
		ml.tspec.name = pluralSnake(ml.typ.Name())
	}
	ml.nameTable(v)

	var gfs []*gormField
	anyPK := false
	for _, ff := range fields {
		report := func(err error) { ml.fieldErr(ff.ref, err) }
		g, ok := readGORMTag(ff.ref.sf.Tag.Get("gorm"), report)
		if !ok {
			continue
		}
		if ff.inModel && ff.ref.sf.Name == "DeletedAt" && !g.has("INDEX") {
			if _, tagged := ff.ref.sf.Tag.Lookup("gorm"); !tagged {
				s := gormSetting{key: "INDEX"}
				g.set["INDEX"], g.indexes = s, append(g.indexes, s)
			}
		}
		gf := &gormField{famField: ff, tag: g, pk: g.has("PRIMARYKEY")}
		gf.col = ff.prefix + model.SnakeCase(ff.ref.sf.Name)
		if c := strings.TrimSpace(g.val("COLUMN")); g.has("COLUMN") && c != "" {
			gf.col = ff.prefix + c
		}
		anyPK = anyPK || gf.pk
		gfs = append(gfs, gf)
	}
	info := &typeInfo{name: ml.typ.Name(), fieldCol: map[string]string{}}
	var indexes []*gormIndex
	byName := map[string]*gormIndex{}
	for _, gf := range gfs {
		if !anyPK && gf.col == "id" && !ml.isGORMRelation(gf) {
			gf.pk = true
		}
		col, isCol, ok := ml.gormColumn(gf)
		if !ok || !isCol {
			continue
		}
		if !ml.checkDBNextTo(gf.ref, model.FamilyGORM, col.Name) {
			continue
		}
		if prev, dup := ml.colRef[col.Name]; dup {
			ml.fieldErr(gf.ref, fmt.Errorf("%w %q: field %s maps to it too", ErrDuplicateColumn, col.Name, prev.path))
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
		}
		for _, s := range gf.tag.indexes {
			spec, err := parseGORMIndex(s)
			if err != nil {
				ml.fieldErr(gf.ref, err)
				continue
			}
			if spec.name == "" {
				spec.name = model.Truncate("idx_" + ml.table.Name + "_" + model.SnakeCase(gf.ref.sf.Name))
			}
			gi, ok := byName[spec.name]
			if !ok {
				gi = &gormIndex{spec: spec, ref: gf.ref}
				byName[spec.name] = gi
				indexes = append(indexes, gi)
			} else {
				gi.spec.unique = gi.spec.unique || spec.unique
				gi.spec.method = cmp.Or(gi.spec.method, spec.method)
				gi.spec.where = cmp.Or(gi.spec.where, spec.where)
			}
			gi.parts = append(gi.parts, gormIndexPart{model.IndexPart{Column: col.Name, Desc: spec.desc, Length: spec.length}, spec.priority})
		}
	}
	for _, gi := range indexes {
		slices.SortStableFunc(gi.parts, func(a, b gormIndexPart) int { return cmp.Compare(a.priority, b.priority) })
		ix := model.Index{Name: gi.spec.name, Unique: gi.spec.unique, Where: gi.spec.where, Method: gi.spec.method}
		for _, p := range gi.parts {
			ix.Parts = append(ix.Parts, p.part)
		}
		ml.tspec.indexes = append(ml.tspec.indexes, named[model.Index]{ix, gi.ref})
	}
	ml.register(info)
}

// register records what relations need to know of the model's type.
func (ml *modelLoader) register(info *typeInfo) {
	info.table, info.schema, info.loaded = ml.table.Name, ml.table.Schema, true
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

// isGORMRelation reports whether a field is a relation rather than a
// column: a struct (or pointer to one, or slice of them) that is not a
// value type, without type: or serializer:.
func (ml *modelLoader) isGORMRelation(gf *gormField) bool {
	_, _, ok := gormRelationTarget(gf.ref.sf.Type, gf.tag)
	return ok
}

// gormRelationTarget returns the struct type a relation field points to;
// a struct with a GormDataType() method is a value, not a relation.
func gormRelationTarget(t reflect.Type, g gormTag) (reflect.Type, bool, bool) {
	if g.has("TYPE") || g.has("SERIALIZER") {
		return nil, false, false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if _, ok := gormDataType(t); ok {
		return nil, false, false
	}
	many := false
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		many = true
		t = t.Elem()
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	if t.Kind() != reflect.Struct || isColumnStruct(t) || isDeletedAt(t) {
		return nil, false, false
	}
	if _, ok := gormDataType(t); ok {
		return nil, false, false
	}
	return t, many, true
}

// gormColumn builds a GORM field's column, or records the field as a
// relation (isCol false).
func (ml *modelLoader) gormColumn(gf *gormField) (col model.Column, isCol, ok bool) {
	f, g := gf.ref, gf.tag
	report := func(err error) { ml.fieldErr(f, err) }
	if target, many, rel := gormRelationTarget(f.sf.Type, g); rel {
		r := gormRelation{ml: ml, ref: f, target: target, many: many,
			foreignKey: strings.TrimSpace(g.val("FOREIGNKEY")), references: strings.TrimSpace(g.val("REFERENCES"))}
		if g.has("CONSTRAINT") {
			if err := r.parseConstraint(g.val("CONSTRAINT")); err != nil {
				report(err)
				return model.Column{}, false, false
			}
		}
		ml.l.famState().rels = append(ml.l.famState().rels, r)
		return model.Column{}, false, true
	}
	col = model.Column{Name: gf.col, Nullable: !gf.pk && !g.has("NOT NULL")}
	t, err := gormGoType(f.sf.Type, g)
	if err != nil {
		report(err)
		return model.Column{}, false, false
	}
	col.Type = t
	ok = true
	if g.has("SIZE") {
		if err := gormSize(&col.Type, g.val("SIZE"), f.sf.Type); err != nil {
			report(err)
			ok = false
		}
	}
	if g.has("PRECISION") && col.Type.SQL == "" && (col.Type.Logical == model.LogicalDouble || col.Type.Logical == model.LogicalReal) {
		p, s := strings.TrimSpace(g.val("PRECISION")), strings.TrimSpace(g.val("SCALE"))
		if _, err := strconv.Atoi(p); err != nil {
			report(fmt.Errorf("%w: precision:%s: want a number", ErrBadTag, p))
			ok = false
		} else if s != "" {
			col.Type = model.Type{SQL: "numeric(" + p + "," + s + ")"}
		} else {
			col.Type = model.Type{SQL: "numeric(" + p + ")"}
		}
	}
	if gf.pk {
		ml.pkCols = append(ml.pkCols, col.Name)
		ml.pkRefs = append(ml.pkRefs, f)
	}
	if g.has("AUTOINCREMENT") {
		off := strings.EqualFold(strings.TrimSpace(g.val("AUTOINCREMENT")), "false")
		ml.autoCols = append(ml.autoCols, autoCol{ref: f, col: col.Name, on: !off, off: off})
	}
	if g.has("DEFAULT") {
		col.Default = gormDefault(g.val("DEFAULT"), f.sf.Type)
	}
	if g.has("COMMENT") {
		col.Comment = strings.Trim(unquoteSQL(strings.TrimSpace(g.val("COMMENT"))), `"`)
	}
	if g.has("UNIQUE") {
		ml.tspec.uniques = append(ml.tspec.uniques, named[model.Unique]{model.Unique{Name: model.Truncate("uni_" + ml.table.Name + "_" + col.Name), Columns: []string{col.Name}}, f})
	}
	for _, s := range g.checks {
		ml.checks = append(ml.checks, named[model.Check]{gormCheck(ml.table.Name, col.Name, s.value), f})
	}
	return col, true, ok
}

// gormGoType is a GORM field's column type: type: verbatim; serializer:
// text (GORM stores serialized values as text); gorm.DeletedAt (or its
// shape) a timestamp; a GormDataType() method's kind; a named []byte type called JSON (gorm.io/datatypes'
// JSON) json; otherwise the Go type's kind as for db tags.
func gormGoType(t reflect.Type, g gormTag) (model.Type, error) {
	if g.has("TYPE") {
		sql := strings.TrimSpace(g.val("TYPE"))
		if sql == "" {
			return model.Type{}, fmt.Errorf("%w: type: needs an SQL type", ErrBadTag)
		}
		return model.Type{SQL: sql}, nil
	}
	if g.has("SERIALIZER") {
		// GORM stores serialized values as text (longtext on MySQL); text
		// holds them on every dialect where varchar(255) might not.
		return model.Type{SQL: "text"}, nil
	}
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if isDeletedAt(base) {
		return model.Type{Logical: model.LogicalTimestamp}, nil
	}
	if dt, ok := gormDataType(base); ok {
		return dt, nil
	}
	if base.Name() == "JSON" && base.Kind() == reflect.Slice && base.Elem().Kind() == reflect.Uint8 {
		return model.Type{Logical: model.LogicalJSON}, nil
	}
	typ, err := goType(t)
	if err != nil {
		return model.Type{}, fmt.Errorf("%w %s: add serializer:json, or type: with an SQL type, or skip the field with gorm:\"-\"", ErrNoType, t)
	}
	return typ, nil
}

// gormDataTyper is GORM's GormDataTypeInterface: a custom type that names
// its data type (gorm.io/datatypes' JSON says "json", Date "date").
type gormDataTyper interface{ GormDataType() string }

// gormDataType reads a type's GormDataType(): GORM's own kinds (bool,
// int, uint, float, string, time, bytes) and json map to logical kinds;
// any other name (date, uuid, geometry) is the SQL type.
func gormDataType(t reflect.Type) (typ model.Type, ok bool) {
	if !reflect.PointerTo(t).Implements(reflect.TypeFor[gormDataTyper]()) {
		return model.Type{}, false
	}
	defer func() {
		if recover() != nil {
			typ, ok = model.Type{}, false
		}
	}()
	name := strings.TrimSpace(reflect.New(t).Interface().(gormDataTyper).GormDataType())
	switch strings.ToLower(name) {
	case "":
		return model.Type{}, false
	case "bool":
		return model.Type{Logical: model.LogicalBool}, true
	case "int":
		return model.Type{Logical: model.LogicalBigInt}, true
	case "uint":
		return model.Type{Logical: model.LogicalBigInt, Unsigned: true}, true
	case "float":
		return model.Type{Logical: model.LogicalDouble}, true
	case "string":
		return model.Type{Logical: model.LogicalString}, true
	case "time":
		return model.Type{Logical: model.LogicalTimestamp}, true
	case "bytes":
		return model.Type{Logical: model.LogicalBytes}, true
	case "json":
		return model.Type{Logical: model.LogicalJSON}, true
	}
	return model.Type{SQL: name}, true
}

// gormSize applies size:N: a string's or []byte's length, an integer's
// width in bits (8 and 16: smallint, 32: int, 64: bigint).
func gormSize(t *model.Type, v string, goT reflect.Type) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return fmt.Errorf("%w: size:%s: want a positive number", ErrBadTag, v)
	}
	if t.SQL != "" {
		return nil // type: wins, as in GORM
	}
	switch t.Logical {
	case model.LogicalString, model.LogicalBytes:
		t.Size = n
	case model.LogicalSmallInt, model.LogicalInt, model.LogicalBigInt:
		switch {
		case n <= 16:
			t.Logical = model.LogicalSmallInt
		case n <= 32:
			t.Logical = model.LogicalInt
		default:
			t.Logical = model.LogicalBigInt
		}
	case model.LogicalReal, model.LogicalDouble:
		if n <= 32 {
			t.Logical = model.LogicalReal
		} else {
			t.Logical = model.LogicalDouble
		}
	default:
		return fmt.Errorf("%w: size: applies to strings, []byte, integers and floats; for %s write type:", ErrBadTag, goT)
	}
	return nil
}

// gormDefault turns default:VALUE into an SQL expression as GORM does: a
// string field's value is unquoted and quoted again as an SQL string
// (default:active and default:'active' both give 'active'), unless it
// calls a function (gen_random_uuid()); null gives no default; anything
// else is SQL as written (0, true, CURRENT_TIMESTAMP).
func gormDefault(v string, t reflect.Type) string {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "null") || v == "" || v == "(-)" {
		return ""
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	fn := strings.Contains(v, "(") && strings.Contains(v, ")")
	if t.Kind() == reflect.String && !fn {
		v = strings.Trim(strings.Trim(v, "'"), `"`)
		return quoteSQL(v)
	}
	return v
}

// gormCheck reads check:NAME,EXPR or check:EXPR (GORM's rule: a first
// comma-separated part made only of letters, "-" and "_" is a name); the
// generated name is chk_<table>_<column>.
func gormCheck(table, col, v string) model.Check {
	parts := strings.Split(v, ",")
	if len(parts) > 1 && isCheckName(parts[0]) {
		return model.Check{Name: parts[0], Expr: stripParens(strings.TrimSpace(strings.Join(parts[1:], ",")))}
	}
	if parts[0] == "" && len(parts) > 1 {
		v = strings.Join(parts[1:], ",")
	}
	return model.Check{Name: model.Truncate("chk_" + table + "_" + col), Expr: stripParens(strings.TrimSpace(v))}
}

// isCheckName matches GORM's ^[A-Za-z-_]+$.
func isCheckName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// parseConstraint reads constraint:OnUpdate:CASCADE,OnDelete:SET NULL, or
// constraint:- (no foreign key).
func (r *gormRelation) parseConstraint(v string) error {
	if strings.TrimSpace(v) == "-" {
		r.noConstraint = true
		return nil
	}
	for _, p := range strings.Split(v, ",") {
		k, a, _ := strings.Cut(p, ":")
		act, ok := model.ParseReferenceAction(a)
		if !ok || strings.TrimSpace(a) == "" {
			return fmt.Errorf("%w: constraint:%s: bad action %q; want CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION", ErrBadTag, v, strings.TrimSpace(a))
		}
		switch strings.ToUpper(strings.TrimSpace(k)) {
		case "ONDELETE":
			r.onDelete = act
		case "ONUPDATE":
			r.onUpdate = act
		default:
			return fmt.Errorf("%w: constraint:%s: want OnDelete:ACTION or OnUpdate:ACTION, got %q", ErrBadTag, v, strings.TrimSpace(k))
		}
	}
	return nil
}
