// Command corpora runs retort's convergence check (package
// internal/converge) on schema pairs written by other projects, read at run
// time from checkouts that are never committed here:
//
//   - pg-schema-diff (PostgreSQL): stripe/pg-schema-diff's acceptance
//     cases, internal/migration_acceptance_tests/*_cases_test.go; each
//     case literal's oldSchemaDDL and newSchemaDDL (a missing one is the
//     empty schema). Cases that need roles are skipped.
//   - vitess (MariaDB): vitess's go/vt/schemadiff/*_test.go; every test
//     literal with from/to (or fromQueries/toQueries) string literals,
//     loaded with foreign-key checks off (SET FOREIGN_KEY_CHECKS = 0, as a
//     dump is loaded), since vitess orders tables with foreign keys
//     itself.
//   - atlas (all three): ariga/atlas's internal/integration/testdata
//     txtar scripts; two consecutive distinct states a script checks with
//     cmpshow (MariaDB's SHOW CREATE TABLE, SQLite's schema text; the
//     maria107 variant of a file is preferred), or two consecutive
//     `--to file://*.sql` schema files. PostgreSQL's cmpshow files are
//     psql tables, not SQL, and HCL states are not read, so most of
//     Atlas's scripts yield no pair.
//
// The pairs are read from Go source with go/ast (string literals, + of
// them, and names assigned once in the file); a pair with a side the
// runner cannot evaluate is skipped and counted. Pairs with the same
// scripts are run once.
//
// # What a pair checks
//
// Each pair runs in the corpus's direction (from→to) on two fresh
// databases: both scripts are loaded with the server's own client (a pair
// whose from or to script the server rejects is skipped, with the
// server's error as reason), then [converge.Check] runs exactly as the
// in-repo suite does: independent dumps, `retort diff --sql`, the SQL
// applied with the client, dumps compared, diff run again. Two scripts
// whose dumps are equal are checked as an equal pair (retort must say so
// and print no SQL).
//
// # Running it
//
// Fetch the three repositories, copy their files out of git (git archive
// HEAD | tar -x -C DIR) and give each root:
//
//	export RETORT_TEST_POSTGRES_URL='postgres://postgres@127.0.0.1:5432/test?sslmode=disable'
//	export RETORT_TEST_MYSQL_URL='mysql://root@127.0.0.1:3306/test'
//	go run ./bench/corpora -pg-schema-diff /tmp/pgsd -vitess /tmp/vitess -atlas /tmp/atlas
//	go run ./bench/corpora -atlas /tmp/atlas -list                 # the pairs and skip reasons
//	go run ./bench/corpora -vitess /tmp/vitess -run 'TestCreateTableDiff/added-key$' -v
//	go run ./bench/corpora -vitess /tmp/vitess -run ID -show       # print one pair's scripts
//
// -run selects pairs by id (a regular expression), -modeled keeps only
// the pairs whose scripts create no object retort does not model, -limit
// caps the applicable pairs per corpus and dialect, -j sets how many run
// at once (default 2), -v prints each failure's detail.
//
// # What it prints
//
// One FAIL line per failing pair: its id, file, converge stage and a
// category (the first differing dump line's upper-case words, or the
// server's error with names masked). Then a table per corpus and dialect
// and per dialect: pairs, run (applicable pairs), converged, named-order
// (the dumps differ only in an order retort diff named as not compared —
// column, index or check order — checked by running converge.Check again
// with those kinds listed, on A as the first check left it), false-equal,
// apply-failed, not-converged, other failures (diff-error,
// not-idempotent, false-difference, ...), skipped, and the score
// (converged / run; a named-order pair is not counted as converged);
// then the same per dialect for MODELED pairs only, whose scripts create
// no object retort does not model (views, functions, triggers, policies,
// standalone sequences, partitions, named schemas, domains, events,
// grants: found by pattern in the scripts); then the failure categories
// and skip reasons per dialect, most common first. bench/corpora/SCORES.md
// keeps the scores of recorded runs.
package main
