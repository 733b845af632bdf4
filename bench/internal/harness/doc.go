// Package harness is what the benchmarks and bench/cmd/benchrun share:
// a fresh database per dialect ([Open]), the generated schema created in
// it through retort's own diff and dialect ([Create]), autogenerate run in
// process through package autogen, stage by stage and whole ([Pipeline]), the catalog queries recorded and replayed
// alone ([Recorder], [Replay]: the floor), peak heap sampling
// ([PeakHeap]), and the retort binary driven in a temporary module the way
// a user runs it ([BuildRetort], [Module]).
//
// # What it may import
//
// Anything in retort (bench sits outside the import arrows); database
// drivers only through internal/dburl.
package harness
