package dialect

// CatalogDefaults is implemented by a dialect whose catalog writes every
// column default back in one spelling of its own (PostgreSQL's
// pg_get_expr): two defaults the catalog writes differently are different
// defaults it keeps (a dump shows them apart), though they may mean the
// same value (now() and CURRENT_TIMESTAMP). Comparing two reflected
// schemas, such a dialect's defaults are compared as the catalog writes
// them; comparing models with a database, NormalizeDefault still applies,
// as a model may spell a default either way.
type CatalogDefaults interface {
	// CatalogDefaults reports whether reflected defaults are compared as
	// written.
	CatalogDefaults() bool
}
