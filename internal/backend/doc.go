// Package backend maps a dialect name ("sqlite", "postgres", "mysql" and
// their aliases) to the [dialect.Dialect] that writes its DDL and the
// [introspect.Inspector] that reads its catalog.
//
// It is the one place that imports every concrete dialect and inspector
// package, so that the CLI, the benchmarks and the tests can pick one by
// the name an Env or a URL gives. The runtime (package migrate) does not
// import it: an application gives migrate.Env.Backend the one dialect it
// links, and the retort command fills it from here. It imports no database
// driver.
package backend
