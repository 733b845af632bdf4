// Command benchrun measures retort on generated schemas of N tables per
// dialect and prints one table: reflect, the catalog floor, compare,
// render, the whole `retort revision --autogenerate` (with and without the
// driver's go build), catalog queries and peak memory. It writes the
// figures to bench/out/results.json. Run it through bench/run, which
// documents the flags; bench/README.md explains each column.
package main
