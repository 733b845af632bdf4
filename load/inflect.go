package load

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/model"
)

// inflection is one pluralization rule: a pattern and its replacement.
type inflection struct {
	re      *regexp.Regexp
	replace string
}

// uncountables are words whose plural is themselves; they match only the
// whole name, as in github.com/jinzhu/inflection.
var uncountables = []string{"equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police"}

// irregulars are singular/plural pairs matched at the end of the name
// ("sales_person" → "sales_people").
var irregulars = [][2]string{
	{"person", "people"},
	{"man", "men"},
	{"child", "children"},
	{"sex", "sexes"},
	{"move", "moves"},
	{"mombie", "mombies"},
}

// pluralRules are github.com/jinzhu/inflection's plural rules in its
// declaration order; the last matching rule wins.
var pluralRules = [][2]string{
	{"([a-z])$", "${1}s"},
	{"s$", "s"},
	{"^(ax|test)is$", "${1}es"},
	{"(octop|vir)us$", "${1}i"},
	{"(octop|vir)i$", "${1}i"},
	{"(alias|status|campus)$", "${1}es"},
	{"(bu)s$", "${1}ses"},
	{"(buffal|tomat)o$", "${1}oes"},
	{"([ti])um$", "${1}a"},
	{"([ti])a$", "${1}a"},
	{"sis$", "ses"},
	{"(?:([^f])fe|([lr])f)$", "${1}${2}ves"},
	{"(hive)$", "${1}s"},
	{"([^aeiouy]|qu)y$", "${1}ies"},
	{"(x|ch|ss|sh)$", "${1}es"},
	{"(matr|vert|ind)(?:ix|ex)$", "${1}ices"},
	{"^(m|l)ouse$", "${1}ice"},
	{"^(m|l)ice$", "${1}ice"},
	{"^(ox)$", "${1}en"},
	{"^(oxen)$", "${1}"},
	{"(quiz)$", "${1}zes"},
	{"(drive)$", "${1}s"},
}

// pluralInflections is the compiled rule list in the order it is tried.
var pluralInflections = compilePlural()

func compilePlural() []inflection {
	var list []inflection
	for _, u := range uncountables {
		list = append(list, inflection{regexp.MustCompile("^(?i)(" + u + ")$"), "${1}"})
	}
	for _, p := range irregulars {
		list = append(list, inflection{regexp.MustCompile("(?i)" + p[0] + "$"), p[1]})
	}
	for i := len(pluralRules) - 1; i >= 0; i-- {
		list = append(list, inflection{regexp.MustCompile("(?i)" + pluralRules[i][0]), pluralRules[i][1]})
	}
	return list
}

// Plural returns the English plural of a snake_case name the way GORM and
// bun name tables (both use github.com/jinzhu/inflection on the whole
// snake_case name): "user" → "users", "category" → "categories",
// "order_item" → "order_items", "person" → "people", "address" →
// "addresses", "status" → "statuses", "sheep" → "sheep". The rules, in the
// order they are tried:
//
//   - the uncountable words equipment, information, rice, money, species,
//     series, fish, sheep, jeans and police, as the whole name, stay as they are;
//   - the irregular endings person → people, man → men, child → children,
//     sex → sexes, move → moves;
//   - the regular rules, the last listed in inflection first: quiz → quizzes,
//     ox → oxen, mouse → mice, matrix/vertex/index → -ices, x/ch/ss/sh → +es,
//     consonant+y → -ies, hive → hives, f/fe → -ves, -sis → -ses,
//     -tum/-ium → -a, buffalo/tomato → +es, bus → buses,
//     alias/status/campus → +es, octopus/virus → -i, axis/testis → -es,
//     a word ending in s stays, any other letter takes s.
func Plural(name string) string {
	if name == "" {
		return name
	}
	for _, inf := range pluralInflections {
		if inf.re.MatchString(name) {
			return inf.re.ReplaceAllString(name, inf.replace)
		}
	}
	return name
}

// pluralSnake is the default GORM and bun table name of a Go type name.
func pluralSnake(typeName string) string {
	if i := strings.IndexByte(typeName, '['); i >= 0 {
		typeName = typeName[:i]
	}
	return Plural(model.SnakeCase(typeName))
}
