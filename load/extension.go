package load

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// validExtensionName reports whether name can be an extension's name:
// letters, digits, _ and - (uuid-ossp), not empty.
func validExtensionName(name string) bool {
	return name != "" && strings.IndexFunc(name, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) < 0
}

// extensions returns the extensions the models declare (extension=), each
// once, by name.
func extensions(loaded []*modelLoader) []model.Extension {
	var out []model.Extension
	for _, ml := range loaded {
		for _, e := range ml.tspec.extensions {
			if !slices.ContainsFunc(out, func(x model.Extension) bool { return x.Name == e.v.Name }) {
				out = append(out, e.v)
			}
		}
	}
	slices.SortFunc(out, func(a, b model.Extension) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// extensionRef returns the model and field that declared the extension
// name first.
func extensionRef(loaded []*modelLoader, name string) (*modelLoader, fieldRef, bool) {
	for _, ml := range loaded {
		for _, e := range ml.tspec.extensions {
			if e.v.Name == name {
				return ml, e.ref, true
			}
		}
	}
	return nil, fieldRef{}, false
}
