// Package backend maps a dialect name ("sqlite", "postgres", "mysql" and
// their aliases) to the [dialect.Dialect] that writes its DDL and the
// [introspect.Inspector] that reads its catalog.
//
// It is the one place that imports every concrete dialect and inspector
// package, so that the runner (package migrate) and the CLI can pick one by
// the name an Env or a URL gives. It imports no database driver.
package backend
