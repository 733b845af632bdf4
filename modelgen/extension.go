package modelgen

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/model"
)

// extensionOptions are the extension=NAME options that declare the
// schema's extensions, by name. The first table's struct carries them
// (an extension is the database's, not a table's); the schema an
// extension was installed into and its version are not written (neither
// is compared). A name extension= cannot spell (only letters, digits,
// _ and -) is left out; autogenerate leaves such an extension alone.
func extensionOptions(s model.Schema) []string {
	var out []string
	for _, e := range s.Extensions {
		if e.Name != "" && strings.Trim(e.Name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == "" {
			out = append(out, "extension="+e.Name)
		}
	}
	slices.SortFunc(out, strings.Compare)
	return slices.Compact(out)
}
