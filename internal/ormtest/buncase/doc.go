// Package buncase holds the bun ground truth retort is tested against:
// one small model set per bun feature ([Cases]), each with one edit, and
// [Run], which for each case lets real bun's
// NewCreateTable().Model(m).WithForeignKeys() create a fresh database,
// has retort read the same models (load.Read with the matching
// load.BunOptions) and compare them with the reflected database (no op
// expected), applies the edit through retort's compare and the runner's
// apply (no op expected after), and compares the edited models with a
// database bun created from them (no op expected).
//
// It lives in the nested module github.com/retortdb/retort/internal/ormtest
// so that retort's own module never requires bun. The package bunrun runs
// the cases on SQLite, PostgreSQL and MySQL/MariaDB through
// internal/testdb.
package buncase

// Cases returns every case, in a stable order.
func Cases() []Case {
	var all []Case
	for _, group := range [][]Case{columnCases(), keyCases(), relationCases()} {
		all = append(all, group...)
	}
	return all
}
