//go:build unix && !linux

package cli

import "syscall"

// setDeathSignal does nothing: only Linux has a parent-death signal. There,
// retort passes its interrupts on, but a kill -9 of retort leaves the
// driver to finish alone.
func setDeathSignal(*syscall.SysProcAttr) {}
