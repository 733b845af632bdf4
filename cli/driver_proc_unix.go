//go:build unix

package cli

import (
	"os"
	"os/exec"
	"syscall"
)

// ownProcess starts cmd in a new process group, with the death signal of
// the platform when it has one.
func ownProcess(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	setDeathSignal(cmd.SysProcAttr)
}

// signalDriver sends sig to the driver's process group.
func signalDriver(p *os.Process, sig os.Signal) {
	s, ok := sig.(syscall.Signal)
	if !ok {
		s = syscall.SIGINT
	}
	if err := syscall.Kill(-p.Pid, s); err != nil {
		p.Signal(s)
	}
}
