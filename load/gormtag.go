package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/retortdb/retort/internal/suggest"
)

// gormSetting is one setting of a gorm tag: KEY:value or a bare KEY.
type gormSetting struct {
	// key is upper-cased and trimmed, as GORM reads it ("NOT NULL").
	key      string
	value    string
	hasValue bool
	// raw is the key as written.
	raw string
}

// parseGORMTag splits a gorm tag the way GORM's schema.ParseTagSetting
// does: settings are separated by ";" (a "\;" does not split), the key is
// what comes before the first ":", the value everything after it. Unlike
// GORM's map, repeated keys are all kept, in tag order.
func parseGORMTag(tag string) []gormSetting {
	parts := strings.Split(tag, ";")
	var out []gormSetting
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		for strings.HasSuffix(p, `\`) && i+1 < len(parts) {
			i++
			p = p[:len(p)-1] + ";" + parts[i]
		}
		k, v, has := strings.Cut(p, ":")
		raw := strings.TrimSpace(k)
		if raw == "" {
			continue
		}
		out = append(out, gormSetting{key: strings.ToUpper(raw), value: v, hasValue: has, raw: raw})
	}
	return out
}

// gormOptions are the gorm tag settings retort reads, spelled as GORM's
// documentation spells them; keys are matched upper-cased.
var gormOptions = []string{
	"column", "type", "serializer", "size", "primaryKey", "unique", "default",
	"precision", "scale", "not null", "autoIncrement", "autoIncrementIncrement",
	"embedded", "embeddedPrefix", "autoCreateTime", "autoUpdateTime", "index",
	"uniqueIndex", "check", "<-", "->", "-", "comment",
	"foreignKey", "references", "constraint", "many2many", "joinForeignKey", "joinReferences",
}

// gormAliases are other spellings GORM accepts for a setting.
var gormAliases = map[string]string{
	"PRIMARY_KEY": "PRIMARYKEY",
	"NOTNULL":     "NOT NULL",
	"JSON":        "SERIALIZER",
}

// gormUnsupported are GORM settings retort knows but cannot turn into a
// schema, with what to do instead.
var gormUnsupported = map[string]string{
	"POLYMORPHIC":      "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICTYPE":  "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICID":    "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICVALUE": "declare the owner columns on the model and skip the relation with gorm:\"-\"",
}

// gormIgnoredHints are settings of older GORM versions that GORM v2
// ignores, with what it reads instead.
var gormIgnoredHints = map[string]string{
	"FOREIGNKEYS":            "foreignKey:",
	"ASSOCIATION_FOREIGNKEY": "references:",
	"ASSOCIATIONFOREIGNKEY":  "references:",
}

// gormKnown maps an upper-cased key (or alias) to its canonical upper key.
func gormKnown(key string) (string, bool) {
	if a, ok := gormAliases[key]; ok {
		return a, true
	}
	for _, o := range gormOptions {
		if strings.ToUpper(o) == key {
			return key, true
		}
	}
	return "", false
}

// nullHint answers an option asking for NULL in a family where columns
// allow NULL unless told otherwise.
var nullHint = map[string]bool{"null": true, "nullable": true}

// gormIgnored explains a setting GORM does not read: GORM ignores it, so
// retort does too, and says so (with a suggestion).
func gormIgnored(s gormSetting) string {
	msg := fmt.Sprintf("gorm setting %q is not one GORM reads: GORM ignores it, and so does retort", s.raw)
	if nullHint[strings.ToLower(s.key)] {
		return msg + "; GORM columns allow NULL unless tagged not null or primaryKey"
	}
	if v, ok := gormIgnoredHints[s.key]; ok {
		return msg + fmt.Sprintf("; GORM v2 reads %s", v)
	}
	upper := make([]string, len(gormOptions))
	for i, o := range gormOptions {
		upper[i] = strings.ToUpper(o)
	}
	if sug, ok := suggest.Closest(s.key, upper); ok && len(s.key) > 1 {
		return msg + fmt.Sprintf("; did you mean %q?", gormOptions[slices.Index(upper, sug)])
	}
	return msg
}

// gormTag is a field's parsed gorm tag: settings by canonical key (the
// last one wins, as in GORM) and the repeatable INDEX and UNIQUEINDEX
// settings in order.
type gormTag struct {
	set     map[string]gormSetting
	indexes []gormSetting
}

// has reports whether the tag holds key.
func (g gormTag) has(key string) bool { _, ok := g.set[key]; return ok }

// val returns key's value.
func (g gormTag) val(key string) string { return g.set[key].value }

// readGORMTag parses a gorm tag. A setting GORM does not read is passed
// to ignored (GORM ignores it; so does retort); one retort cannot read
// (polymorphic) is reported as an error and ok is false.
func readGORMTag(tag string, report func(error), ignored func(string)) (gormTag, bool) {
	g := gormTag{set: map[string]gormSetting{}}
	ok := true
	for _, s := range parseGORMTag(tag) {
		if hint, bad := gormUnsupported[s.key]; bad {
			report(fmt.Errorf("%w: gorm %s is not supported; %s", ErrBadTag, s.raw, hint))
			ok = false
			continue
		}
		key, known := gormKnown(s.key)
		if !known {
			ignored(gormIgnored(s))
			continue
		}
		s.key = key
		switch key {
		case "INDEX", "UNIQUEINDEX":
			g.indexes = append(g.indexes, s)
		}
		g.set[key] = s
	}
	return g, ok
}

// truthy is GORM's utils.CheckTruth for key: present, with no value or a
// value other than "" and "false".
func (g gormTag) truthy(key string) bool {
	s, ok := g.set[key]
	if !ok {
		return false
	}
	if !s.hasValue {
		return true
	}
	return s.value != "" && !strings.EqualFold(s.value, "false")
}

// skipped reports whether the tag leaves the field out of migrations:
// "-", "-:all" or "-:migration".
func (g gormTag) skipped() bool {
	s, ok := g.set["-"]
	if !ok {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(s.value))
	return !s.hasValue || v == "all" || v == "migration"
}

// gormIndexSpec is one index:/uniqueIndex: setting of one field.
type gormIndexSpec struct {
	name      string
	composite string
	unique    bool
	method    string
	// typed: method is type:'s, which GORM writes in CREATE INDEX but
	// leaves out of CREATE TABLE's inline INDEX clause.
	typed    bool
	where    string
	expr     string
	desc     bool
	length   int
	priority int
}

// parseGORMIndex reads "name,sort:desc,type:btree,where:...,priority:N,
// length:N,class:UNIQUE,unique,expression:...,composite:...,comment:...,
// option:..." as GORM's parseFieldIndexes does: the name is everything
// before the first comma, the rest are ","-separated settings; a priority
// or length that is not a number is GORM's default (10, none), and a
// setting GORM does not read is passed to ignored.
func parseGORMIndex(s gormSetting, ignored func(string)) (gormIndexSpec, error) {
	spec := gormIndexSpec{unique: s.key == "UNIQUEINDEX", priority: 10}
	if !s.hasValue {
		return spec, nil
	}
	name, rest, _ := strings.Cut(s.value, ",")
	spec.name = strings.TrimSpace(name)
	what := strings.ToLower(s.key)
	if s.key == "UNIQUEINDEX" {
		what = "uniqueIndex"
	}
	for _, o := range parseGORMTagSep(rest, ",") {
		v := strings.TrimSpace(o.value)
		switch o.key {
		case "UNIQUE":
			spec.unique = true
		case "CLASS":
			switch strings.ToUpper(v) {
			case "UNIQUE":
				spec.unique = true
			case "FULLTEXT", "SPATIAL":
				spec.method = strings.ToUpper(v)
			case "":
			default:
				return spec, fmt.Errorf("%w: %s:%s: class:%s: want UNIQUE, FULLTEXT or SPATIAL", ErrBadTag, what, s.value, o.value)
			}
		case "TYPE":
			spec.method, spec.typed = strings.ToLower(v), v != ""
		case "WHERE":
			spec.where = v
		case "EXPRESSION":
			spec.expr = v
		case "COMPOSITE":
			if v == "" || strings.EqualFold(v, "COMPOSITE") {
				return spec, fmt.Errorf("%w: %s:%s: composite: needs a name", ErrBadTag, what, s.value)
			}
			spec.composite = v
		case "SORT":
			switch strings.ToLower(v) {
			case "desc":
				spec.desc = true
			case "asc", "":
			default:
				return spec, fmt.Errorf("%w: %s:%s: sort:%s: want asc or desc", ErrBadTag, what, s.value, o.value)
			}
		case "PRIORITY":
			if n, err := strconv.Atoi(o.value); err == nil {
				spec.priority = n
			}
		case "LENGTH":
			if n, err := strconv.Atoi(o.value); err == nil && n > 0 {
				spec.length = n
			}
		case "COMMENT", "OPTION", "COLLATE":
			ignored(fmt.Sprintf("%s:%s: index %s is not compared (retort does not model it)", what, s.value, strings.ToLower(o.key)))
		default:
			ignored(fmt.Sprintf("%s:%s: %q is not an index setting GORM reads: GORM ignores it, and so does retort", what, s.value, strings.ToLower(o.key)))
		}
	}
	return spec, nil
}

// parseGORMTagSep is parseGORMTag with another separator (GORM reads an
// index's settings with ",").
func parseGORMTagSep(s, sep string) []gormSetting {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return parseGORMTag(strings.ReplaceAll(s, sep, ";"))
}
