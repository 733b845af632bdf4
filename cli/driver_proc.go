package cli

import (
	"context"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
)

// runOwned runs the driver process cmd as retort's own work: it is started
// in a process group of its own (so that a terminal's Ctrl-C reaches it
// once, through retort), an interrupt or termination retort receives is
// passed on to it, so is a cancelled ctx (as an interrupt), and on Linux
// the kernel kills it when retort dies, even by kill -9 (see
// driver_proc_linux.go). retort waits for it to exit and returns its error.
func runOwned(ctx context.Context, cmd *exec.Cmd) error {
	ownProcess(cmd)
	// Linux sends the parent-death signal when the thread that started the
	// child exits: keep this goroutine on its thread until the child is done.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	forwarded := false
	ctxDone := ctx.Done()
	for {
		select {
		case err := <-done:
			return err
		case s := <-sigs:
			forwarded = true
			signalDriver(cmd.Process, s)
		case <-ctxDone:
			ctxDone = nil
			if !forwarded {
				forwarded = true
				signalDriver(cmd.Process, os.Interrupt)
			}
		}
	}
}
