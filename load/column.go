package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
	"github.com/retortdb/retort/model"
)

// optKind says whether an option takes a value.
type optKind int

// Option kinds.
const (
	optFlag   optKind = iota // pk
	optValue                 // type=SQL
	optEither                // unique or unique=NAME
)

// optSpec describes one known option: its kind and how to write it.
type optSpec struct {
	key   string
	kind  optKind
	usage string
}

// columnOptions are the options of a field's tag, in documentation order
// (which is also the order suggestions are tried in).
var columnOptions = []optSpec{
	{"pk", optFlag, "pk"},
	{"autoincrement", optFlag, "autoincrement"},
	{"noautoincrement", optFlag, "noautoincrement"},
	{"type", optValue, "type=SQL"},
	{"size", optValue, "size=N"},
	{"null", optFlag, "null"},
	{"notnull", optFlag, "notnull"},
	{"default", optValue, "default=EXPR"},
	{"unique", optEither, "unique or unique=NAME"},
	{"index", optEither, "index or index=NAME"},
	{"index_where", optValue, "index_where=PREDICATE"},
	{"index_method", optValue, "index_method=METHOD"},
	{"fk", optValue, "fk=table.column"},
	{"ondelete", optValue, "ondelete=ACTION"},
	{"onupdate", optValue, "onupdate=ACTION or onupdate=EXPR"},
	{"check", optValue, "check=EXPR"},
	{"column_check", optValue, "column_check=EXPR"},
	{"comment", optValue, "comment='text'"},
	{"unsigned", optFlag, "unsigned"},
	{"charset", optValue, "charset=NAME"},
	{"collate", optValue, "collate=NAME"},
	{"identity", optEither, "identity or identity=always"},
	{"sequence", optValue, "sequence=(START WITH n INCREMENT BY n ...)"},
	{"storage", optValue, "storage=plain|external|extended|main"},
	{"compression", optValue, "compression=pglz|lz4"},
	{"generated", optValue, "generated=EXPR"},
	{"stored", optFlag, "stored"},
	{"invisible", optFlag, "invisible"},
	{"notnull_onconflict", optValue, "notnull_onconflict=rollback|abort|fail|ignore|replace"},
	{"pk_onconflict", optValue, "pk_onconflict=rollback|abort|fail|ignore|replace"},
	{"pk_desc", optFlag, "pk_desc"},
	{"unique_onconflict", optValue, "unique_onconflict=rollback|abort|fail|ignore|replace"},
	{"enum", optValue, "enum=NAME(value, ...)"},
	{"renamed_from", optValue, "renamed_from=OLD"},
	{skipAutogenerate, optFlag, skipAutogenerate},
}

// optionAliases maps spellings from other libraries to ours, for
// suggestions that edit distance would not find.
var optionAliases = map[string]string{
	"primary_key":    "pk",
	"primarykey":     "pk",
	"primary":        "pk",
	"auto_increment": "autoincrement",
	"autoinc":        "autoincrement",
	"not_null":       "notnull",
	"not null":       "notnull",
	"nullable":       "null",
	"foreignkey":     "fk",
	"foreign_key":    "fk",
	"references":     "fk",
	"collation":      "collate",
	"uniqueindex":    "uindex",
	"unique_index":   "uindex",
	"tablename":      "table",
	"table_name":     "table",
}

// conflicts are pairs of column options that cannot be used together.
var conflicts = [][2]string{
	{"null", "notnull"},
	{"autoincrement", "noautoincrement"},
	{"identity", "autoincrement"},
	{"type", "size"},
	{"type", "enum"},
	{"generated", "default"},
}

// findOption returns the spec of key among specs.
func findOption(specs []optSpec, key string) (optSpec, bool) {
	i := slices.IndexFunc(specs, func(s optSpec) bool { return s.key == key })
	if i < 0 {
		return optSpec{}, false
	}
	return specs[i], true
}

// unknownOption explains an unknown key: a suggestion, or a note that the
// key belongs to the other kind of tag (table vs column).
func unknownOption(key string, specs, other []optSpec, otherHint func(key string) string) error {
	if _, ok := findOption(other, key); ok {
		return fmt.Errorf("%w %q; %s", ErrUnknownOption, key, otherHint(key))
	}
	if alias, ok := optionAliases[key]; ok {
		if _, ok := findOption(specs, alias); ok {
			return fmt.Errorf("%w %q; did you mean %q?", ErrUnknownOption, key, alias)
		}
	}
	keys := make([]string, len(specs))
	for i, s := range specs {
		keys[i] = s.key
	}
	if s, ok := suggest.Closest(key, keys); ok {
		return fmt.Errorf("%w %q; did you mean %q?", ErrUnknownOption, key, s)
	}
	return fmt.Errorf("%w %q", ErrUnknownOption, key)
}

// checkOptions validates keys, values and repeats; it returns the options
// by key and whether all were valid. repeatable keys may occur many times
// (only in table tags); they are returned in tag order in list.
func checkOptions(opts []option, specs, other []optSpec, otherHint func(string) string, repeatable []string, report func(error)) (set map[string]option, list []option, ok bool) {
	set = map[string]option{}
	ok = true
	for _, o := range opts {
		spec, known := findOption(specs, o.key)
		if !known {
			report(unknownOption(o.key, specs, other, otherHint))
			ok = false
			continue
		}
		switch {
		case spec.kind == optFlag && o.hasValue:
			report(fmt.Errorf("%w: %s takes no value; write %s", ErrBadTag, o, spec.usage))
			ok = false
			continue
		case spec.kind == optValue && o.value == "":
			report(fmt.Errorf("%w: %s needs a value: %s", ErrBadTag, o.key, spec.usage))
			ok = false
			continue
		case spec.kind == optEither && o.hasValue && o.value == "":
			report(fmt.Errorf("%w: %s= needs a value: %s", ErrBadTag, o.key, spec.usage))
			ok = false
			continue
		}
		if slices.Contains(repeatable, o.key) {
			list = append(list, o)
			continue
		}
		if _, dup := set[o.key]; dup {
			report(fmt.Errorf("%w: %s given twice", ErrBadTag, o.key))
			ok = false
			continue
		}
		set[o.key] = o
	}
	return set, list, ok
}

// tableOptionHint explains where a table option goes.
func tableOptionHint(key string) string {
	return fmt.Sprintf("it is a table option: put it on a blank field, _ struct{} `db:\",%s=...\"`", key)
}

// column builds one column from a field and its tag options, recording the
// column's keys, indexes and constraints in ml.
func (ml *modelLoader) column(f fieldRef, name string, opts []option) (model.Column, bool) {
	report := func(err error) { ml.fieldErr(f, err) }
	set, _, ok := checkOptions(opts, columnOptions, tableOptions, tableOptionHint, nil, report)
	if !ok {
		return model.Column{}, false
	}
	has := func(k string) bool { _, ok := set[k]; return ok }
	val := func(k string) string { return set[k].value }
	for _, c := range conflicts {
		if has(c[0]) && has(c[1]) {
			report(fmt.Errorf("%w: %s and %s", ErrConflictingOptions, set[c[0]], set[c[1]]))
			ok = false
		}
	}
	if !ok {
		return model.Column{}, false
	}

	table := ml.table.Name
	col := model.Column{Name: name, Nullable: goNullable(f.sf.Type)}
	switch {
	case has("type"):
		col.Type = model.Type{SQL: val("type")}
	case has("enum"):
		t, err := ml.enumType(f, name, val("enum"))
		if err != nil {
			report(err)
			return model.Column{}, false
		}
		col.Type = t
	default:
		t, err := goType(f.sf.Type)
		if err != nil {
			report(err)
			return model.Column{}, false
		}
		col.Type = t
	}
	if has("size") {
		n, err := strconv.Atoi(val("size"))
		switch {
		case err != nil || n <= 0:
			report(fmt.Errorf("%w: size=%s: want a positive number of characters", ErrBadTag, val("size")))
			ok = false
		case col.Type.Logical != model.LogicalString || col.Type.Enum != "":
			report(fmt.Errorf("%w: size= applies to string fields; for %s write type=SQL", ErrBadTag, f.sf.Type))
			ok = false
		default:
			col.Type.Size = n
		}
	}
	if has("unsigned") {
		col.Type.Unsigned = true
	}
	if has("null") {
		col.Nullable = true
	}
	if has("notnull") {
		col.Nullable = false
	}
	if has("pk") {
		// A key column is NOT NULL unless tagged null too: SQLite keeps a
		// key column's NOT NULL as declared (INTEGER PRIMARY KEY without
		// it); other databases make key columns NOT NULL either way.
		col.Nullable = has("null")
		ml.pkCols = append(ml.pkCols, name)
		ml.pkRefs = append(ml.pkRefs, f)
	}
	if has("autoincrement") || has("noautoincrement") {
		ml.autoCols = append(ml.autoCols, autoCol{ref: f, col: name, on: has("autoincrement"), off: has("noautoincrement")})
	}
	col.Default = val("default")
	col.Comment = unquoteSQL(val("comment"))
	col.Charset = val("charset")
	col.Collation = val("collate")
	col.RenamedFrom = val("renamed_from")
	if has("identity") {
		id, err := parseIdentity(set["identity"])
		if err != nil {
			report(err)
			ok = false
		} else if !isIntegerType(col.Type) {
			report(fmt.Errorf("%w: identity needs an integer column, not %s", ErrBadTag, col.Type))
			ok = false
		}
		col.Identity = id
	}
	col.Invisible = has("invisible")
	col.Storage = strings.ToLower(val("storage"))
	col.Compression = strings.ToLower(val("compression"))
	if has("sequence") {
		col.Sequence = stripParens(val("sequence"))
	}
	if has("generated") {
		col.Generated = model.Generated{Expr: stripParens(val("generated")), Stored: has("stored")}
	} else if has("stored") {
		report(fmt.Errorf("%w: stored needs generated=EXPR", ErrBadTag))
		ok = false
	}
	if has("check") {
		ml.checks = append(ml.checks, named[model.Check]{model.Check{Name: model.CheckName(table, name), Expr: stripParens(val("check"))}, f})
	}
	if has("column_check") {
		// A column-level CHECK, named after its column as MariaDB names it.
		ml.checks = append(ml.checks, named[model.Check]{model.Check{Name: name, Expr: stripParens(val("column_check")), Column: name}, f})
	}
	if !ml.keys(f, name, set, &col, report) {
		ok = false
	}
	if !ml.conflicts(name, set, &col, report) {
		ok = false
	}
	return col, ok
}

// keys records a column's unique, index and foreign key options, and its
// onupdate= expression.
func (ml *modelLoader) keys(f fieldRef, name string, set map[string]option, col *model.Column, report func(error)) bool {
	ok := true
	table := ml.table.Name
	if o, has := set["unique"]; has {
		if !ml.addGroup(f, name, o, true, "", "", report) {
			ok = false
		}
	}
	where, method := set["index_where"].value, strings.ToLower(set["index_method"].value)
	if o, has := set["index"]; has {
		if !ml.addGroup(f, name, o, false, stripParens(where), method, report) {
			ok = false
		}
	} else if where != "" || method != "" {
		report(fmt.Errorf("%w: index_where= and index_method= need index or index=NAME", ErrBadTag))
		ok = false
	}

	fkOpt, hasFK := set["fk"]
	var fk model.ForeignKey
	if hasFK {
		parts := strings.Split(fkOpt.value, ".")
		if (len(parts) != 2 && len(parts) != 3) || slices.Contains(parts, "") {
			report(fmt.Errorf("%w: fk=%s: want fk=table.column or fk=schema.table.column", ErrBadTag, fkOpt.value))
			return false
		}
		if len(parts) == 3 {
			fk.RefSchema = parts[0]
		}
		fk.RefTable, fk.RefColumns = parts[len(parts)-2], []string{parts[len(parts)-1]}
		fk.Columns = []string{name}
		fk.Name = model.ForeignKeyName(table, fk.Columns, fk.RefTable)
	}
	for _, k := range []string{"ondelete", "onupdate"} {
		o, has := set[k]
		if !has {
			continue
		}
		act, isAction := model.ParseReferenceAction(o.value)
		switch {
		case k == "onupdate" && !isAction:
			col.OnUpdate = o.value
		case !isAction:
			report(fmt.Errorf("%w: %s: want cascade, restrict, set null, set default or no action", ErrBadTag, o))
			ok = false
		case !hasFK:
			report(fmt.Errorf("%w: %s needs fk=table.column", ErrBadTag, o))
			ok = false
		case k == "ondelete":
			fk.OnDelete = act
		default:
			fk.OnUpdate = act
		}
	}
	if hasFK {
		ml.fks = append(ml.fks, named[model.ForeignKey]{fk, f})
	}
	return ok
}

// addGroup adds a column to the index or unique constraint named by o
// (index=NAME), or creates a one-column one for a bare option.
func (ml *modelLoader) addGroup(f fieldRef, col string, o option, unique bool, where, method string, report func(error)) bool {
	name, bare := o.value, !o.hasValue
	if bare {
		if unique {
			name = model.UniqueName(ml.table.Name, col)
		} else {
			name = model.IndexName(ml.table.Name, col)
		}
	}
	g, exists := ml.groups[name]
	if !exists {
		g = &group{name: name, unique: unique, bare: bare, ref: f, where: where, method: method}
		ml.groups[name] = g
		ml.order = append(ml.order, g)
		g.cols = append(g.cols, col)
		return true
	}
	switch {
	case bare || g.bare || g.unique != unique:
		report(fmt.Errorf("%w %q in table %s (also from field %s)", ErrDuplicateName, name, ml.table.QualifiedName(), g.ref.path))
		return false
	case where != "" && g.where != "" && where != g.where,
		method != "" && g.method != "" && method != g.method:
		report(fmt.Errorf("%w: index %q gets different index_where/index_method from fields %s and %s", ErrConflictingOptions, name, g.ref.path, f.path))
		return false
	}
	if where != "" {
		g.where = where
	}
	if method != "" {
		g.method = method
	}
	g.cols = append(g.cols, col)
	return true
}

// enumType reads enum=NAME(v1, v2, ...) [comment 'text'] or enum=NAME (an
// enum declared on another field).
func (ml *modelLoader) enumType(f fieldRef, col, spec string) (model.Type, error) {
	name, args, rest, hasValues := parseCall(spec)
	if !validEnumName(name) {
		return model.Type{}, fmt.Errorf("%w: enum=%s: want enum=NAME(value, ...)", ErrBadTag, spec)
	}
	var comment string
	if hasValues && rest != "" {
		e, err := parseExtras(rest, "comment", "comment '...'")
		if err != nil {
			return model.Type{}, fmt.Errorf("%w: enum=%s: want enum=NAME(value, ...) [comment 'text']: %v", ErrBadTag, spec, err)
		}
		comment = e.comment
	}
	if !hasValues {
		ml.l.enumRefs = append(ml.l.enumRefs, enumRef{m: ml, ref: f, table: [2]string{ml.table.Schema, ml.table.Name}, col: col, name: name})
		return model.Type{Enum: name}, nil
	}
	var values []string
	for _, v := range splitList(args) {
		v = unquoteSQL(v)
		if v == "" {
			return model.Type{}, fmt.Errorf("%w: enum=%s: empty value", ErrBadTag, spec)
		}
		if slices.Contains(values, v) {
			return model.Type{}, fmt.Errorf("%w: enum=%s: value %q twice", ErrBadTag, spec, v)
		}
		values = append(values, v)
	}
	if len(values) == 0 {
		return model.Type{}, fmt.Errorf("%w: enum=%s: no values", ErrBadTag, spec)
	}
	ml.declareEnum(f, name, values, comment)
	return model.Type{Enum: name, EnumValues: values}, nil
}

// validEnumName accepts NAME or schema.NAME.
func validEnumName(name string) bool {
	sch, n, qualified := strings.Cut(name, ".")
	if qualified {
		return model.IsPlainIdent(sch) && model.IsPlainIdent(n)
	}
	return model.IsPlainIdent(name)
}

// parseIdentity reads identity, identity=always or identity=by default.
func parseIdentity(o option) (model.Identity, error) {
	v := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("_", " ").Replace(o.value)), " "))
	switch v {
	case "", "by default", "bydefault", "default":
		return model.IdentityByDefault, nil
	case "always":
		return model.IdentityAlways, nil
	}
	return model.IdentityNone, fmt.Errorf("%w: %s: want identity, identity=always or identity=by_default", ErrBadTag, o)
}
