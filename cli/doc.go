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
// # Help and flag mistakes
//
// `retort help CMD` and `retort CMD --help` are answered in the first
// process, inside a project or not: every command parses its flags before
// doing anything else, so running it with --help stops at its flag set,
// which the help lists. A command that runs in the driver has its flags
// checked the same way before the driver is built, so a mistyped flag is
// reported at once as "unknown flag --dry-run; did you mean --sql?".
//
// # Exit codes
//
// 0 success; 1 drift (check) or a refused unsafe action; 2 usage or runtime error.
//
// cli may import every retort package and the database drivers.
package cli
