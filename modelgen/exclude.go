package modelgen

import "github.com/retortdb/retort/model"

// exclude writes exclude=NAME(DEF) [comment 'text'] for an exclusion
// constraint, its definition as the catalog renders it.
func (tg *tableGen) exclude(x model.Exclude) (string, bool) {
	if !model.IsPlainIdent(x.Name) {
		tg.warn("", "exclusion constraint %q: its name is not a plain identifier, which exclude= takes; not written", x.Name)
		return "", false
	}
	o := x.Name + "(" + x.Def + ")"
	if x.Comment != "" {
		o += " comment " + quoteSQL(x.Comment)
	}
	if !safeValue(o) {
		tg.warn("", "exclusion constraint %s (%s) cannot be written in a db tag (unbalanced quotes or parentheses); not written", x.Name, x.Def)
		return "", false
	}
	return "exclude=" + o, true
}
