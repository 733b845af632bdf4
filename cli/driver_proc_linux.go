package cli

import "syscall"

// setDeathSignal makes the kernel kill the driver when retort dies, however
// it dies (kill -9 included): the driver applies migrations that the
// process a user started owns. Go signals the child itself when retort
// died before the setting took effect.
func setDeathSignal(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }
