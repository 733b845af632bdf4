// Package faults is the fault-injection suite of the runtime: its tests
// kill -9 the process applying migrations at every op boundary and in the
// middle of a long statement on every dialect, then run `upgrade head`
// again and compare the server's own schema dump (internal/converge) and
// the rows with a run that was never interrupted; start eight first
// deploys at once, ten times on each server, and require every process to
// exit 0; feed the runner contradictory and unknown version tables; and
// kill the retort command to prove that its driver program stops too.
//
// The processes that migrate are the test binary itself, started again
// with FAULTS_CHILD set (see child_test.go); the retort command is built
// once per test run. The package holds no code outside its tests.
package faults
