// Package gomodtest builds throwaway Go modules that use this checkout of
// retort, for tests that compile what retort generates (revision files,
// env.go examples) and run it.
package gomodtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Module is a Go module in a temporary directory whose go.mod requires
// retort, replaced by this checkout, with the checkout's go.sum.
type Module struct {
	t    testing.TB
	path string
	// Dir is the module root.
	Dir string
}

// Root returns the directory of this retort checkout.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(filepath.Dir(file)))
}

// New creates the module with the given module path. It skips the test
// when there is no go command.
func New(t testing.TB, path string) *Module {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("gomodtest: no go command")
	}
	m := &Module{t: t, path: path, Dir: t.TempDir()}
	root := Root()
	m.Write("go.mod", "module "+path+"\n\ngo 1.24\n\nrequire github.com/retortdb/retort v0.0.0-00010101000000-000000000000\n\nreplace github.com/retortdb/retort => "+root+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatalf("gomodtest: %v", err)
	}
	m.Write("go.sum", string(sum))
	return m
}

// Write writes a file of the module, making its directories.
func (m *Module) Write(name, content string) {
	m.t.Helper()
	p := filepath.Join(m.Dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		m.t.Fatalf("gomodtest: %v", err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		m.t.Fatalf("gomodtest: %v", err)
	}
}

// Go runs the go command in the module (GOWORK=off, -mod=mod so go.mod may
// gain what the module imports) and returns its standard output; the error
// carries its standard error.
func (m *Module) Go(args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = m.Dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes(), nil
}
