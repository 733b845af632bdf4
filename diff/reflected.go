package diff

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

// ReflectedDefaults returns a CompareServerDefault for comparing two
// reflected schemas (retort diff between two databases) on dialect d:
// when d's catalog writes each default one way ([dialect.CatalogDefaults]),
// the defaults are compared as the catalog writes them, so now() against
// CURRENT_TIMESTAMP is a change, as it is a difference the catalog keeps.
// For other dialects it returns nil (NormalizeDefault on both sides).
// Models compared with a database keep the normalised comparison: a
// model's default=now() matches a column the catalog writes as
// CURRENT_TIMESTAMP, as Alembic's compare_server_default finds them equal.
func ReflectedDefaults(d dialect.Dialect) func(ctx CompareContext, inspected, metadata model.Column, inspectedDefault, metadataDefault string) (changed, decided bool) {
	if c, ok := d.(dialect.CatalogDefaults); !ok || !c.CatalogDefaults() {
		return nil
	}
	return func(_ CompareContext, _, _ model.Column, a, b string) (bool, bool) {
		return strings.TrimSpace(a) != strings.TrimSpace(b), true
	}
}
