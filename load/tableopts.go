package load

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
	"github.com/retortdb/retort/model"
)

// tableOptions are the options of a blank field's tag (_ struct{}
// `db:",..."`), in documentation order.
var tableOptions = []optSpec{
	{"table", optValue, "table=NAME"},
	{"schema", optValue, "schema=NAME"},
	{"index", optValue, "index=NAME(col, ...)"},
	{"uindex", optValue, "uindex=NAME(col, ...)"},
	{"unique", optValue, "unique=NAME(col, ...)"},
	{"check", optValue, "check=NAME(EXPR)"},
	{"exclude", optValue, "exclude=NAME(USING METHOD (element WITH operator, ...) ...)"},
	{"extension", optValue, "extension=NAME"},
	{"fk", optValue, "fk=NAME(col, ...) references table(col, ...)"},
	{"comment", optValue, "comment='text'"},
	{"option", optValue, "option=NAME=VALUE"},
	{"renamed_from", optValue, "renamed_from=OLD"},
	{"pk_timing", optValue, "pk_timing=deferrable or pk_timing=deferred"},
	{"pk_comment", optValue, "pk_comment='text'"},
}

// repeatableTableOptions may be given many times.
var repeatableTableOptions = []string{"index", "uindex", "unique", "check", "exclude", "extension", "fk", "option"}

// columnOptionHint explains where a column option goes.
func columnOptionHint(string) string {
	return "it is a column option: put it on a field's db tag"
}

// tableSpec is what a model's blank fields say about its table.
type tableSpec struct {
	name, schema, comment string
	// renamedFrom is the table's previous name (renamed_from=).
	renamedFrom string
	// pkTiming is pk_timing=: "", "deferrable" or "deferred".
	pkTiming string
	// pkComment is pk_comment=, the primary key's comment.
	pkComment string
	// pkCommentRef is the field that gives pk_comment=.
	pkCommentRef fieldRef
	options      []model.TableOption
	// indexes hold index= and uindex= (Unique set); an empty name is
	// generated once the table has a name.
	indexes []named[model.Index]
	uniques []named[model.Unique]
	checks  []named[model.Check]
	// excludes are exclusion constraints (exclude=).
	excludes []named[model.Exclude]
	// extensions are the extensions the schema needs (extension=).
	extensions []named[model.Extension]
	// fks are composite foreign keys; an empty name is generated.
	fks []named[model.ForeignKey]
}

// parseTableOptions reads the tags of the model's blank fields.
func (ml *modelLoader) parseTableOptions(blanks []fieldRef) {
	ts := &ml.tspec
	for _, f := range blanks {
		report := func(err error) { ml.fieldErr(f, err) }
		name, opts, err := parseTag(f.sf.Tag.Get(tagKey))
		if err != nil {
			report(err)
			continue
		}
		if name != "" {
			report(fmt.Errorf("%w: the table options field takes no name; start its tag with a comma: db:\",table=%s\"", ErrBadTag, name))
			continue
		}
		set, list, _ := checkOptions(opts, tableOptions, columnOptions, columnOptionHint, repeatableTableOptions, report)
		single := func(key string, dst *string, conv func(string) string) {
			o, ok := set[key]
			if !ok {
				return
			}
			if *dst != "" {
				report(fmt.Errorf("%w: %s given twice", ErrBadTag, key))
				return
			}
			*dst = conv(o.value)
		}
		same := func(s string) string { return s }
		single("table", &ts.name, same)
		single("schema", &ts.schema, same)
		single("comment", &ts.comment, unquoteSQL)
		single("renamed_from", &ts.renamedFrom, same)
		if _, ok := set["pk_comment"]; ok {
			single("pk_comment", &ts.pkComment, unquoteSQL)
			ts.pkCommentRef = f
		}
		single("pk_timing", &ts.pkTiming, func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) })
		switch ts.pkTiming {
		case "", "deferrable", "deferred":
		case "deferrable initially deferred", "initially deferred":
			ts.pkTiming = "deferred"
		default:
			report(fmt.Errorf("%w: pk_timing=%s: want deferrable or deferred", ErrBadTag, ts.pkTiming))
			ts.pkTiming = ""
		}
		for _, o := range list {
			if err := ts.add(o); err != nil {
				report(err)
				continue
			}
			ts.setRef(o.key, f)
		}
	}
	slices.SortStableFunc(ts.options, func(a, b model.TableOption) int { return cmp.Compare(a.Name, b.Name) })
	ml.table.RenamedFrom = ts.renamedFrom
}

// add parses one repeatable table option into ts.
func (ts *tableSpec) add(o option) error {
	switch o.key {
	case "index", "uindex":
		ix, err := parseIndexSpec(o.value)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadTag, o, err)
		}
		ix.Unique = o.key == "uindex"
		ts.indexes = append(ts.indexes, named[model.Index]{v: ix})
	case "unique":
		name, args, rest, ok := parseCall(o.value)
		if !ok || (name != "" && !model.IsPlainIdent(name)) {
			return fmt.Errorf("%w: %s: want unique=NAME(col, ...)", ErrBadTag, o)
		}
		e, err := parseExtras(rest, "nulls deferrable comment on", "nulls not distinct, deferrable [initially deferred], comment '...' or on conflict ACTION")
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadTag, o, err)
		}
		u := model.Unique{Name: name, NullsNotDistinct: e.nullsNotDistinct, Deferrable: e.deferrable, InitiallyDeferred: e.deferred, Comment: e.comment,
			OnConflict: e.onConflict}
		for _, c := range splitList(args) {
			col, ok := identName(c)
			if !ok {
				return fmt.Errorf("%w: %s: a unique constraint takes column names, not %q (use uindex= for expressions)", ErrBadTag, o, c)
			}
			u.Columns = append(u.Columns, col)
		}
		if len(u.Columns) == 0 {
			return fmt.Errorf("%w: %s: no columns", ErrBadTag, o)
		}
		ts.uniques = append(ts.uniques, named[model.Unique]{v: u})
	case "check":
		name, args, rest, ok := parseCall(o.value)
		if !ok || !model.IsPlainIdent(name) || strings.TrimSpace(args) == "" {
			return fmt.Errorf("%w: %s: want check=NAME(EXPR)", ErrBadTag, o)
		}
		e, err := parseExtras(rest, "no not comment", "no inherit, not valid or comment '...'")
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadTag, o, err)
		}
		ts.checks = append(ts.checks, named[model.Check]{v: model.Check{Name: name, Expr: strings.TrimSpace(args), NoInherit: e.noInherit, NotValid: e.notValid, Comment: e.comment}})
	case "extension":
		name := strings.TrimSpace(o.value)
		if !validExtensionName(name) {
			return fmt.Errorf("%w: %s: want extension=NAME, e.g. extension=citext", ErrBadTag, o)
		}
		ts.extensions = append(ts.extensions, named[model.Extension]{v: model.Extension{Name: name}})
	case "exclude":
		x, err := parseExcludeSpec(o.value)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadTag, o, err)
		}
		ts.excludes = append(ts.excludes, named[model.Exclude]{v: x})
	case "fk":
		fk, err := parseFKSpec(o.value)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadTag, o, err)
		}
		ts.fks = append(ts.fks, named[model.ForeignKey]{v: fk})
	case "option":
		k, v, ok := strings.Cut(o.value, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return fmt.Errorf("%w: %s: want option=NAME=VALUE, e.g. option=ENGINE=InnoDB", ErrBadTag, o)
		}
		if slices.ContainsFunc(ts.options, func(t model.TableOption) bool { return strings.EqualFold(t.Name, k) }) {
			return fmt.Errorf("%w: option %s given twice", ErrBadTag, k)
		}
		ts.options = append(ts.options, model.TableOption{Name: k, Value: v})
	}
	return nil
}

// setRef records the declaring field on the object add just appended.
func (ts *tableSpec) setRef(key string, f fieldRef) {
	switch key {
	case "index", "uindex":
		ts.indexes[len(ts.indexes)-1].ref = f
	case "unique":
		ts.uniques[len(ts.uniques)-1].ref = f
	case "check":
		ts.checks[len(ts.checks)-1].ref = f
	case "exclude":
		ts.excludes[len(ts.excludes)-1].ref = f
	case "extension":
		ts.extensions[len(ts.extensions)-1].ref = f
	case "fk":
		ts.fks[len(ts.fks)-1].ref = f
	}
}

// addTableObjects names the table-level indexes and constraints, checks
// the columns they list and adds them to the table.
func (ml *modelLoader) addTableObjects() {
	t := &ml.table
	cols := make([]string, 0, len(ml.colRef))
	for _, c := range ml.table.Columns {
		cols = append(cols, c.Name)
	}
	known := func(ref fieldRef, what, col string) bool {
		if _, ok := ml.colRef[col]; ok {
			return true
		}
		err := fmt.Errorf("%w %q in %s", ErrUnknownColumn, col, what)
		if s, ok := suggest.Closest(col, cols); ok {
			err = fmt.Errorf("%w; did you mean %q?", err, s)
		}
		ml.fieldErr(ref, err)
		return false
	}
	for i := range ml.tspec.indexes {
		ix := &ml.tspec.indexes[i]
		what := "index " + orGenerated(ix.v.Name)
		var names []string
		ok := true
		for _, p := range ix.v.Parts {
			if p.Column == "" {
				names = nil
				continue
			}
			names = append(names, p.Column)
			ok = known(ix.ref, what, p.Column) && ok
		}
		for _, c := range ix.v.Include {
			ok = known(ix.ref, what, c) && ok
		}
		if ix.v.Name == "" {
			if len(names) != len(ix.v.Parts) {
				ml.fieldErr(ix.ref, fmt.Errorf("%w: an index with expressions needs a name: index=NAME(...)", ErrBadTag))
				continue
			}
			ix.v.Name = model.IndexName(t.Name, names...)
		}
		if ok {
			t.Indexes = append(t.Indexes, ix.v)
		}
	}
	for i := range ml.tspec.uniques {
		u := &ml.tspec.uniques[i]
		ok := true
		for _, c := range u.v.Columns {
			ok = known(u.ref, "unique "+orGenerated(u.v.Name), c) && ok
		}
		if u.v.Name == "" {
			u.v.Name = model.UniqueName(t.Name, u.v.Columns...)
		}
		if ok {
			t.Uniques = append(t.Uniques, u.v)
		}
	}
	for _, ck := range ml.tspec.checks {
		t.Checks = append(t.Checks, ck.v)
	}
	for _, x := range ml.tspec.excludes {
		t.Excludes = append(t.Excludes, x.v)
	}
	for _, fk := range ml.tspec.fks {
		ok := true
		for _, c := range fk.v.Columns {
			ok = known(fk.ref, "fk "+orGenerated(fk.v.Name), c) && ok
		}
		if fk.v.Name == "" {
			fk.v.Name = model.ForeignKeyName(t.Name, fk.v.Columns, fk.v.RefTable)
		}
		if ok {
			ml.fks = append(ml.fks, fk)
		}
	}
}
