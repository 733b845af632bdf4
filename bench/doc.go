// Package bench measures retort at scale: reflecting, comparing and
// rendering a generated schema of N tables on each dialect, against the
// floor of running the same catalog queries alone, and the whole
// `retort revision --autogenerate` as a user runs it.
//
// # Layout
//
//   - internal/gen builds the schema of N tables as a [model.Schema] and as
//     the equivalent tagged-struct Go source.
//   - internal/harness creates the live database from that schema, runs
//     autogenerate's stages and the whole revision in process through
//     package autogen (what the command runs), records and replays the
//     catalog queries (the floor), samples peak heap, and drives the retort
//     binary in a temporary module.
//   - cmd/benchrun, started by the run script, prints one table and writes
//     out/results.json.
//   - The Go benchmarks of this package (bench_test.go) measure the same
//     stages with b.Loop; they run only with -bench.
//
// # What it may import
//
// Anything: bench sits outside the pipeline's import arrows.
//
// [model.Schema]: https://pkg.go.dev/github.com/retortdb/retort/model#Schema
package bench
