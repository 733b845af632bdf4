//go:build !unix

package cli

import (
	"os"
	"os/exec"
)

// ownProcess does nothing where there are no process groups.
func ownProcess(*exec.Cmd) {}

// signalDriver kills the driver: other systems cannot deliver an interrupt
// to another process.
func signalDriver(p *os.Process, _ os.Signal) { p.Kill() }
