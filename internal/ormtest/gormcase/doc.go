// Package gormcase holds the GORM ground truth retort is tested against:
// one small model set per GORM feature ([Cases]), each with one edit, and
// [Run], which for each case lets real GORM's AutoMigrate create a fresh
// database, has retort read the same models (load.Read with the matching
// load.GORMOptions) and compare them with the reflected database (no op
// expected), applies the edit through retort's compare and the runner's
// apply (no op expected after), and compares the edited models with a
// database GORM created from them (no op expected).
//
// It lives in the nested module github.com/retortdb/retort/internal/ormtest
// so that retort's own module never requires GORM. The packages gormsqlite
// (github.com/glebarez/sqlite, pure Go) and gormserver (PostgreSQL and
// MySQL/MariaDB through internal/testdb) run the cases; they are two test
// binaries because glebarez's driver and modernc.org/sqlite (which
// internal/testdb links) both register the database/sql driver "sqlite".
package gormcase

// Cases returns every case, in a stable order.
func Cases() []Case {
	var all []Case
	for _, group := range [][]Case{columnCases(), keyCases(), indexCases(), relationCases(), typeCases(), settingCases()} {
		all = append(all, group...)
	}
	return all
}
