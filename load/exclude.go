package load

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/model"
)

// parseExcludeSpec reads exclude=NAME(DEF) [comment 'text'], where DEF is
// an exclusion constraint's definition after EXCLUDE: USING METHOD
// (element WITH operator, ...) and any WHERE and DEFERRABLE clauses.
func parseExcludeSpec(v string) (model.Exclude, error) {
	name, def, rest, ok := parseCall(v)
	def = strings.TrimSpace(def)
	if !ok || !model.IsPlainIdent(name) || def == "" {
		return model.Exclude{}, fmt.Errorf("want exclude=NAME(USING METHOD (element WITH operator, ...))")
	}
	if !strings.HasPrefix(strings.ToUpper(def), "USING ") && !strings.HasPrefix(def, "(") {
		return model.Exclude{}, fmt.Errorf("the definition %q does not start with USING METHOD or (: write what follows EXCLUDE, e.g. exclude=%s(USING gist (area WITH &&))", def, name)
	}
	e, err := parseExtras(rest, "comment", "comment '...'")
	if err != nil {
		return model.Exclude{}, err
	}
	return model.Exclude{Name: name, Def: def, Comment: e.comment}, nil
}
