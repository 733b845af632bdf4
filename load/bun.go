package load

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
	"github.com/retortdb/retort/model"
)

// bunOptions are the bun column tag options retort reads; the first
// element of a tag is the column name unless it holds a ":".
var bunOptions = []string{
	"pk", "autoincrement", "notnull", "nullzero", "unique", "default", "type",
	"rel", "join", "m2m", "polymorphic", "on_delete", "on_update", "skipupdate", "scanonly", "soft_delete",
	"alt", "json_use_number", "msgpack", "embed", "extend", "inherit", "identity", "array",
	"join_on",
}

// bunAliases are other libraries' spellings of bun options.
var bunAliases = map[string]string{
	"primarykey": "pk", "primary_key": "pk", "auto_increment": "autoincrement",
	"not_null": "notnull", "not null": "notnull", "uniqueindex": "unique", "size": "type",
}

// bunTableOptions are the options of bun.BaseModel's tag.
var bunTableOptions = []string{"table", "alias", "select", "view"}

// loadBun reads a model written with bun tags, by bun's conventions (see
// the package documentation).
func (ml *modelLoader) loadBun(v reflect.Value) {
	var fields []famField
	var blanks []fieldRef
	ml.collectBun(ml.typ, "", "", true, []reflect.Type{ml.typ}, &fields, &blanks)
	ml.parseTableOptions(blanks)
	if ml.tspec.name == "" {
		ml.tspec.name = pluralSnake(ml.typ.Name())
	}
	ml.nameTable(v)
	info := &typeInfo{name: ml.typ.Name(), fieldCol: map[string]string{}}
	for _, ff := range fields {
		col, isCol, ok := ml.bunColumn(ff)
		if !ok || !isCol {
			continue
		}
		if !ml.checkDBNextTo(ff.ref, model.FamilyBun, col.Name) {
			continue
		}
		if prev, dup := ml.colRef[col.Name]; dup {
			ml.fieldErr(ff.ref, fmt.Errorf("%w %q: field %s maps to it too", ErrDuplicateColumn, col.Name, prev.path))
			continue
		}
		ml.colRef[col.Name] = ff.ref
		ml.table.Columns = append(ml.table.Columns, col)
		info.fieldCol[ff.ref.path] = col.Name
	}
	ml.register(info)
}

// collectBun lists a bun model's fields, reading bun.BaseModel's table
// options and flattening anonymous embedded structs and embed:PREFIX
// fields. As in bun, the BaseModel of an embedded struct names the table
// only when the struct is embedded with extend (own is false otherwise),
// and extend alone gives the table the embedded type's name.
func (ml *modelLoader) collectBun(t reflect.Type, path, prefix string, own bool, stack []reflect.Type, fields *[]famField, blanks *[]fieldRef) {
	for i := range t.NumField() {
		sf := t.Field(i)
		ref := fieldRef{path: path + sf.Name, owner: t, sf: sf}
		if sf.Name == "_" {
			blankTableOptions(t, sf, path, blanks)
			continue
		}
		tag := sf.Tag.Get("bun")
		if isBunBaseModel(sf) {
			if own {
				ml.bunTableTag(ref, tag)
			}
			continue
		}
		if tag == "-" || !sf.IsExported() && !sf.Anonymous {
			continue
		}
		_, opts, err := parseBunTag(tag)
		if err != nil {
			ml.fieldErr(ref, err)
			continue
		}
		et := sf.Type
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		embed, hasEmbed := bunOpt(opts, "embed")
		if (sf.Anonymous || hasEmbed) && et.Kind() == reflect.Struct && !isColumnStruct(et) {
			_, extend := bunOpt(opts, "extend")
			if _, inherit := bunOpt(opts, "inherit"); inherit {
				extend = true
			}
			extend = extend && sf.Anonymous
			if extend {
				ml.tspec.schema, ml.tspec.name = "", pluralSnake(et.Name())
			}
			if !slices.Contains(stack, et) {
				ml.collectBun(et, ref.path+".", prefix+embed.value, extend, append(stack, et), fields, blanks)
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		*fields = append(*fields, famField{ref: ref, prefix: prefix})
	}
}

// bunTableTag reads bun.BaseModel's tag: table:[schema.]NAME, alias:,
// select: and view: (the last three do not change the schema).
func (ml *modelLoader) bunTableTag(f fieldRef, tag string) {
	name, opts, err := parseBunTag(tag)
	if err != nil {
		ml.fieldErr(f, err)
		return
	}
	if name != "" {
		ml.bunTableName(name)
	}
	for _, o := range opts {
		if !slices.Contains(bunTableOptions, o.key) {
			ml.fieldErr(f, bunUnknown(o, bunTableOptions))
			continue
		}
		if o.key == "table" {
			ml.bunTableName(o.value)
		}
	}
}

// bunTableName sets the table from [schema.]NAME.
func (ml *modelLoader) bunTableName(v string) {
	n := unquoteSQL(v)
	ml.tspec.schema = ""
	if sch, t, ok := strings.Cut(n, "."); ok {
		ml.tspec.schema, n = sch, t
	}
	ml.tspec.name = n
}

// parseBunTag splits a bun tag: the column name (the first element when
// it holds no ":"), then options key or key:value, separated by commas
// outside quotes and parentheses. Keys are lower-cased; values are kept as
// written.
func parseBunTag(tag string) (string, []option, error) {
	if strings.TrimSpace(tag) == "" {
		return "", nil, nil
	}
	parts, err := splitOptions(tag)
	if err != nil {
		return "", nil, err
	}
	name := ""
	if first := strings.TrimSpace(parts[0]); !strings.Contains(first, ":") {
		name, parts = first, parts[1:]
	}
	var opts []option
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		k, v, has := strings.Cut(p, ":")
		opts = append(opts, option{key: strings.ToLower(strings.TrimSpace(k)), value: strings.TrimSpace(v), hasValue: has})
	}
	return name, opts, nil
}

// bunOpt returns the named option.
func bunOpt(opts []option, key string) (option, bool) {
	i := slices.IndexFunc(opts, func(o option) bool { return o.key == key })
	if i < 0 {
		return option{}, false
	}
	return opts[i], true
}

// bunUnknown explains an unknown bun option, with a suggestion.
func bunUnknown(o option, known []string) error {
	if nullHint[o.key] {
		return fmt.Errorf("%w %q; bun columns allow NULL unless tagged notnull or pk", ErrUnknownOption, o.key)
	}
	if a, ok := bunAliases[o.key]; ok && slices.Contains(known, a) {
		return fmt.Errorf("%w %q; did you mean %q?", ErrUnknownOption, o.key, a)
	}
	if s, ok := suggest.Closest(o.key, known); ok {
		return fmt.Errorf("%w %q; did you mean %q?", ErrUnknownOption, o.key, s)
	}
	return fmt.Errorf("%w %q", ErrUnknownOption, o.key)
}

// bunColumn builds a bun field's column; rel:, m2m: and scanonly fields
// are not columns.
func (ml *modelLoader) bunColumn(ff famField) (col model.Column, isCol, ok bool) {
	f := ff.ref
	report := func(err error) { ml.fieldErr(f, err) }
	name, opts, err := parseBunTag(f.sf.Tag.Get("bun"))
	if err != nil {
		report(err)
		return model.Column{}, false, false
	}
	set := map[string]option{}
	ok = true
	for _, o := range opts {
		if !slices.Contains(bunOptions, o.key) {
			report(bunUnknown(o, bunOptions))
			ok = false
			continue
		}
		set[o.key] = o
	}
	if !ok {
		return model.Column{}, false, false
	}
	has := func(k string) bool { _, ok := set[k]; return ok }
	bo := ml.l.opts.Bun
	if has("rel") || has("m2m") || has("scanonly") {
		if has("rel") {
			ml.bunRelation(f, set["rel"].value, opts)
		}
		return model.Column{}, false, true
	}
	if has("array") && bo.Dialect == BunNoDialect {
		//lint:ignore ST1005 the message ends with the option to write, "type:"
		report(fmt.Errorf("%w: bun array needs the bun dialect (PostgreSQL); give the column type with type:", ErrBadTag))
		return model.Column{}, false, false
	}
	if name == "" {
		name = model.SnakeCase(f.sf.Name)
	}
	// pk and autoincrement imply NOT NULL, as bun's CreateTable writes it.
	col = model.Column{Name: ff.prefix + name, Nullable: !has("pk") && !has("notnull") && !has("autoincrement")}
	if has("type") && set["type"].value == "" {
		report(fmt.Errorf("%w: type: needs an SQL type", ErrBadTag))
		return model.Column{}, false, false
	}
	typ, err := bo.bunColumnType(f.sf.Type, set["type"].value, has("array"))
	if err != nil {
		report(err)
		return model.Column{}, false, false
	}
	col.Type = typ
	// identity is GENERATED BY DEFAULT AS IDENTITY on PostgreSQL (an
	// identity column is NOT NULL there); bun's other dialects write
	// nothing for it.
	if has("identity") && (bo.Dialect == BunPostgres || bo.Dialect == BunNoDialect) {
		col.Identity, col.Nullable = model.IdentityByDefault, false
	}
	if has("pk") {
		ml.pkCols = append(ml.pkCols, col.Name)
		ml.pkRefs = append(ml.pkRefs, f)
		if !has("autoincrement") {
			ml.autoCols = append(ml.autoCols, autoCol{ref: f, col: col.Name, off: true})
		}
	}
	if has("autoincrement") {
		ml.autoCols = append(ml.autoCols, autoCol{ref: f, col: col.Name, on: true})
	}
	if o, ok := set["default"]; ok {
		col.Default = o.value
	}
	if o, ok := set["unique"]; ok {
		u := option{key: "unique", value: o.value, hasValue: o.hasValue && o.value != ""}
		if !u.hasValue && bo.Dialect == BunMySQL {
			// bun writes a bare unique unnamed; MySQL names it after
			// the column.
			u.value, u.hasValue = col.Name, true
		}
		if !ml.addGroup(f, col.Name, u, true, "", "", report) {
			return model.Column{}, false, false
		}
	}
	return col, true, true
}

// bunGoType is a bun field's column type: as for db tags, except that
// maps, slices and structs with no type of their own are JSON, as bun
// stores them.
func bunGoType(t reflect.Type) (model.Type, error) {
	typ, err := goType(t)
	if err == nil {
		return typ, nil
	}
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch base.Kind() {
	case reflect.Map, reflect.Slice, reflect.Struct:
		if base.Kind() != reflect.Struct || !isColumnStruct(base) {
			return model.Type{Logical: model.LogicalJSON}, nil
		}
	}
	return model.Type{}, bunNoType(t)
}

// bunNoType says a Go type has no bun column type.
func bunNoType(t reflect.Type) error {
	return fmt.Errorf("%w %s: add type: with an SQL type, or skip the field with bun:\"-\"", ErrNoType, t)
}
