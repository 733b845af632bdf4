package load

import (
	"fmt"
	"slices"
	"strings"
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
	"foreignKey", "references", "constraint",
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
	"MANY2MANY":              "declare the join table as a model with two belongs-to relations",
	"POLYMORPHIC":            "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICTYPE":        "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICID":          "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"POLYMORPHICVALUE":       "declare the owner columns on the model and skip the relation with gorm:\"-\"",
	"JOINFOREIGNKEY":         "declare the join table as a model",
	"JOINREFERENCES":         "declare the join table as a model",
	"FOREIGNKEYS":            "use foreignKey:",
	"ASSOCIATION_FOREIGNKEY": "use references:",
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

// gormUnknown explains an unknown gorm setting, with a suggestion.
func gormUnknown(s gormSetting) error {
	if nullHint[strings.ToLower(s.key)] {
		return fmt.Errorf("%w %q; GORM columns allow NULL unless tagged not null or primaryKey", ErrUnknownOption, s.raw)
	}
	if hint, ok := gormUnsupported[s.key]; ok {
		return fmt.Errorf("%w: gorm %s is not supported; %s", ErrBadTag, s.raw, hint)
	}
	upper := make([]string, len(gormOptions))
	for i, o := range gormOptions {
		upper[i] = strings.ToUpper(o)
	}
	raw := s.raw
	if sug, ok := suggest(s.key, upper); ok && len(s.key) > 1 {
		return fmt.Errorf("%w %q; did you mean %q?", ErrUnknownOption, raw, gormOptions[slices.Index(upper, sug)])
	}
	return fmt.Errorf("%w %q", ErrUnknownOption, raw)
}

// gormTag is a field's parsed gorm tag: settings by canonical key (the
// last one wins, as in GORM) and the repeatable INDEX, UNIQUEINDEX and
// CHECK settings in order.
type gormTag struct {
	set     map[string]gormSetting
	indexes []gormSetting
	checks  []gormSetting
}

// has reports whether the tag holds key.
func (g gormTag) has(key string) bool { _, ok := g.set[key]; return ok }

// val returns key's value.
func (g gormTag) val(key string) string { return g.set[key].value }

// readGORMTag parses and checks a gorm tag; unknown settings are reported.
func readGORMTag(tag string, report func(error)) (gormTag, bool) {
	g := gormTag{set: map[string]gormSetting{}}
	ok := true
	for _, s := range parseGORMTag(tag) {
		key, known := gormKnown(s.key)
		if !known {
			report(gormUnknown(s))
			ok = false
			continue
		}
		s.key = key
		switch key {
		case "INDEX", "UNIQUEINDEX":
			g.indexes = append(g.indexes, s)
		case "CHECK":
			g.checks = append(g.checks, s)
		}
		g.set[key] = s
	}
	return g, ok
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
	name     string
	unique   bool
	method   string
	where    string
	desc     bool
	length   int
	priority int
}

// parseGORMIndex reads "name,sort:desc,type:btree,where:...,priority:N,
// length:N,class:UNIQUE,unique,comment:...,option:..." as GORM's
// parseFieldIndexes does: the name is everything before the first comma,
// the rest are ","-separated settings.
func parseGORMIndex(s gormSetting) (gormIndexSpec, error) {
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
		switch o.key {
		case "UNIQUE":
			spec.unique = true
		case "CLASS":
			switch strings.ToUpper(strings.TrimSpace(o.value)) {
			case "UNIQUE":
				spec.unique = true
			case "":
			default:
				return spec, fmt.Errorf("%w: %s:%s: class:%s is not supported (only UNIQUE)", ErrBadTag, what, s.value, o.value)
			}
		case "TYPE", "USING":
			spec.method = strings.ToLower(strings.TrimSpace(o.value))
		case "WHERE":
			spec.where = strings.TrimSpace(o.value)
		case "SORT":
			switch strings.ToLower(strings.TrimSpace(o.value)) {
			case "desc":
				spec.desc = true
			case "asc", "":
			default:
				return spec, fmt.Errorf("%w: %s:%s: sort:%s: want asc or desc", ErrBadTag, what, s.value, o.value)
			}
		case "PRIORITY", "LENGTH":
			var n int
			if _, err := fmt.Sscanf(strings.TrimSpace(o.value), "%d", &n); err != nil || n < 0 {
				return spec, fmt.Errorf("%w: %s:%s: %s:%s: want a number", ErrBadTag, what, s.value, strings.ToLower(o.key), o.value)
			}
			if o.key == "PRIORITY" {
				spec.priority = n
			} else {
				spec.length = n
			}
		case "COMMENT", "OPTION":
			// Index comments and MySQL index options are not modelled.
		default:
			return spec, fmt.Errorf("%w %q in %s:%s; want sort:, type:, where:, priority:, length:, class:UNIQUE or unique", ErrUnknownOption, strings.ToLower(o.key), what, s.value)
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
