// Package cli is the retort command line, importable so that the small
// driver program retort compiles inside a user's module can run the same
// commands with the user's migrations package linked in.
//
// # Two processes
//
// [Run] is what cmd/retort calls. Commands that need no user code (init,
// inspect, diff) run there. Commands that need the user's revisions and
// models (revision, upgrade, downgrade, current, history, heads, branches,
// show, merge, stamp, check) are handed to a driver: retort writes
// .retort/driver/main.go in the user's module, importing the migrations
// package, and runs it with `go run` (the go build cache makes repeat runs
// quick). The driver calls [Driver], which runs the same dispatcher with
// the user's [migrate.Env].
//
// # Exit codes
//
// 0 success; 1 drift (check) or a refused unsafe action; 2 usage or runtime error.
//
// cli may import every retort package and the database drivers.
package cli
