package dialect

// CompareContext is what a comparer hook knows about where it is asked:
// the table whose column is compared and the dialect. It is the context
// package diff gives its CompareType, CompareServerDefault and Comparator
// hooks (diff.CompareContext is this type), declared here so that
// migrate.Env can type its DBComparators without importing diff.
type CompareContext struct {
	// Schema and Table name the table whose column is compared ("" schema:
	// the default one). Both are empty for comparator plug-ins.
	Schema, Table string
	// Dialect is the dialect compared for; use it to normalise SQL
	// (NormalizeType, NormalizeDefault).
	Dialect Dialect
}
