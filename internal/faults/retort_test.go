package faults

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// retortBinary builds cmd/retort once per test run.
func retortBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if binDir, buildErr = os.MkdirTemp("", "faults-retort-"); buildErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "retort"), "../../cmd/retort").CombinedOutput()
		if err != nil {
			buildErr = &buildFailure{string(out), err}
		}
	})
	if buildErr != nil {
		t.Fatalf("build retort: %v", buildErr)
	}
	return filepath.Join(binDir, "retort")
}

type buildFailure struct {
	out string
	err error
}

func (b *buildFailure) Error() string { return b.err.Error() + "\n" + b.out }

// project is a new Go module whose migrations package `retort init` wrote,
// run against one database.
type project struct {
	t   *testing.T
	bin string
	dir string
	url string
}

// userModule makes a module in a temporary directory and runs retort init
// in it with the dialect of url.
func userModule(t *testing.T, url string) *project {
	t.Helper()
	p := &project{t: t, bin: retortBinary(t), dir: t.TempDir(), url: url}
	p.write("go.mod", "module example.com/shop\n\ngo 1.24\n")
	dialect, _, _ := strings.Cut(url, ":")
	p.must("init", "--dialect", dialect)
	return p
}

func (p *project) write(name, content string) {
	p.t.Helper()
	path := filepath.Join(p.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// command is retort with args in the module, on its database.
func (p *project) command(args ...string) *exec.Cmd {
	c := exec.Command(p.bin, args...)
	c.Dir = p.dir
	c.Env = append(os.Environ(), "RETORT_DATABASE_URL="+p.url)
	return c
}

// run runs retort and returns its output and exit code.
func (p *project) run(args ...string) (string, int) {
	p.t.Helper()
	out, err := p.command(args...).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	} else if err != nil {
		p.t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	return string(out), 0
}

// must runs retort, which must exit 0.
func (p *project) must(args ...string) string {
	p.t.Helper()
	out, code := p.run(args...)
	if code != 0 {
		p.t.Fatalf("retort %s: exit %d:\n%s", strings.Join(args, " "), code, out)
	}
	return out
}
