package harness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/bench/internal/gen"
	"github.com/retortdb/retort/render"
)

// BuildRetort builds the retort binary of the checkout at root into dir.
func BuildRetort(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "retort")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/retort")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("harness: build retort: %w\n%s", err, out)
	}
	return bin, nil
}

// Module is a user's Go module in a temporary directory: the generated
// models package and a migrations package written by `retort init`.
type Module struct {
	// Dir is the module root.
	Dir string
	// Bin is the retort binary.
	Bin string
	// URL is the database autogenerate compares with.
	URL string
}

// revID is the revision id every autogenerate run writes, so the file can
// be removed and the migrations package (and the driver build) stays as it
// was.
const revID = "benchrev"

// NewModule writes go.mod and the models of spec into dir and runs
// `retort init --dialect D --models ./models` there.
func NewModule(ctx context.Context, bin, dir string, spec gen.Spec, dialectName, url string) (*Module, error) {
	m := &Module{Dir: dir, Bin: bin, URL: url}
	files, err := spec.Models("models")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "models"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/benchapp\n\ngo 1.24\n"), 0o644); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, "models", f.Name), f.Src, 0o644); err != nil {
			return nil, err
		}
	}
	if _, err := m.run(ctx, bin, "init", "--dialect", dialectName, "--models", "./models"); err != nil {
		return nil, err
	}
	return m, nil
}

// Run is one timed command.
type Run struct {
	// Elapsed is the wall time from start to exit.
	Elapsed time.Duration
	// MaxRSS is the process's peak resident set, in bytes.
	MaxRSS int64
	// Output is stdout and stderr.
	Output string
}

// Autogenerate runs `revision --autogenerate` and removes the revision
// file it wrote. With direct it runs the compiled driver program itself
// (.retort/retort-driver), skipping retort's `go build` of it; without,
// it runs retort as a user does.
func (m *Module) Autogenerate(ctx context.Context, direct bool) (Run, error) {
	exe := m.Bin
	if direct {
		exe = filepath.Join(m.Dir, ".retort", "retort-driver")
	}
	r, err := m.run(ctx, exe, "revision", "--autogenerate", "-m", "bench", "--rev-id", revID)
	if rmErr := os.Remove(filepath.Join(m.Dir, "migrations", render.FileName(revID, "bench"))); rmErr != nil && err == nil {
		err = fmt.Errorf("harness: autogenerate wrote no revision file: %w\n%s", rmErr, r.Output)
	}
	return r, err
}

func (m *Module) run(ctx context.Context, exe string, args ...string) (Run, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Dir = m.Dir
	cmd.Env = append(os.Environ(), "RETORT_DATABASE_URL="+m.URL)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Run{}, fmt.Errorf("harness: %s: %w", filepath.Base(exe), err)
	}
	hwm := watchHWM(cmd.Process.Pid)
	err := cmd.Wait()
	r := Run{Elapsed: time.Since(start), Output: out.String(), MaxRSS: hwm()}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return r, fmt.Errorf("harness: %s %s: exit %d\n%s", filepath.Base(exe), strings.Join(args, " "), ee.ExitCode(), r.Output)
		}
		return r, fmt.Errorf("harness: %s: %w", filepath.Base(exe), err)
	}
	return r, nil
}

// watchHWM samples the process's VmHWM (peak resident set) every 2 ms
// until the returned func is called, which returns the last value read.
// The kernel's rusage cannot be used: Go starts children with
// CLONE_VM|CLONE_VFORK, so their ru_maxrss starts at the parent's peak.
func watchHWM(pid int) func() int64 {
	path := "/proc/" + strconv.Itoa(pid) + "/status"
	done := make(chan struct{})
	last := make(chan int64)
	go func() {
		var v int64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if n, ok := readHWM(path); ok && n > v {
				v = n
			}
			select {
			case <-done:
				last <- v
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 { close(done); return <-last }
}

// readHWM reads VmHWM from /proc/PID/status, in bytes.
func readHWM(path string) (int64, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				return 0, false
			}
			kb, err := strconv.ParseInt(f[0], 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}
