package cli

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/migrate"
)

// driverMemoryLimit is the driver's soft memory limit when GOMEMLIMIT is unset.
const driverMemoryLimit = 128 << 20

// Driver is the entry point of the program retort compiles inside a user's
// module: it runs the command line in args with the user's Env linked in,
// and returns the exit code. Interrupts cancel the running command.
func Driver(env *migrate.Env, info DriverInfo, args []string) int {
	// A soft limit keeps a short-lived run on a big schema small, trading a
	// little GC time; GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(driverMemoryLimit)
	}
	useBackend(env)
	// An interrupt or termination (retort passes its own on) cancels the
	// command, which stops at its next statement; a second one stops the
	// driver at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, env: env, driver: &info, getenv: os.Getenv}
	return a.main(ctx, args)
}

// useBackend sets env.Backend from env.Dialect when env.go leaves it unset:
// the command links every dialect. An unknown name is left for the
// command that needs it to report.
func useBackend(env *migrate.Env) {
	if env == nil || env.Backend.Dialect != nil {
		return
	}
	if be, err := backend.Lookup(env.Dialect); err == nil {
		env.Backend = migrate.Backend{Dialect: be.Dialect, Inspector: be.Inspector}
	}
}
