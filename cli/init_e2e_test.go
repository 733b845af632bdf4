package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// runRetort runs bin in dir with extra environment and returns its
// combined output and exit code.
func runRetort(t *testing.T, bin, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), 0
}

// TestInitIsAllOrNothing pins issue 17: a retort whose checkout moved
// cannot find it, and with no published module to fetch, init
// fails naming RETORT_SOURCE_DIR and leaves nothing written (no env.go, no
// migrations directory, go.mod as it was); with RETORT_SOURCE_DIR it
// succeeds. A failing go mod tidy is undone the same way.
func TestInitIsAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort")
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses POSIX paths")
	}
	t.Parallel()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := movedCheckoutBinary(t, root)
	offline := []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}
	untouched := func(t *testing.T, m *userModule, goMod string) {
		t.Helper()
		if got, _ := os.ReadFile(filepath.Join(m.dir, "go.mod")); string(got) != goMod {
			t.Errorf("go.mod changed:\n%s", got)
		}
		for _, p := range []string{"migrations", "go.sum"} {
			if _, err := os.Stat(filepath.Join(m.dir, p)); err == nil {
				t.Errorf("%s was left behind", p)
			}
		}
	}

	t.Run("no checkout, nothing to fetch", func(t *testing.T) {
		t.Parallel()
		m := newUserModule(t, "sqlite://app.db")
		m.copyModels("step1")
		goMod, _ := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		out, code := runRetort(t, bin, m.dir, offline, "init")
		if code != 2 {
			t.Fatalf("init: exit %d, want 2:\n%s", code, out)
		}
		wantContains(t, out, "RETORT_SOURCE_DIR=/path/to/retort retort init", "Nothing was written")
		untouched(t, m, string(goMod))

		out, code = runRetort(t, bin, m.dir, append(offline, "RETORT_SOURCE_DIR="+root), "init")
		if code != 0 {
			t.Fatalf("init with RETORT_SOURCE_DIR: exit %d:\n%s", code, out)
		}
		wantContains(t, out, "replaced by the checkout at "+root, "Wrote migrations/env.go", "models.Team, models.User")
		got, _ := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		wantContains(t, string(got), "replace github.com/retortdb/retort => "+root)
	})

	t.Run("bad RETORT_SOURCE_DIR", func(t *testing.T) {
		t.Parallel()
		m := newUserModule(t, "sqlite://app.db")
		m.copyModels("step1")
		goMod, _ := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		out, code := runRetort(t, bin, m.dir, append(offline, "RETORT_SOURCE_DIR="+m.dir), "init")
		if code != 2 {
			t.Fatalf("init: exit %d, want 2:\n%s", code, out)
		}
		wantContains(t, out, "RETORT_SOURCE_DIR="+m.dir+" is not a retort checkout")
		untouched(t, m, string(goMod))
	})

	t.Run("go mod tidy fails", func(t *testing.T) {
		t.Parallel()
		m := newUserModule(t, "sqlite://app.db")
		m.write("internal/store/store.go", "package store\n\nimport _ \"example.com/nowhere/pkg\"\n\n// Item is a model.\ntype Item struct {\n\tID int64 `db:\"id,pk\"`\n}\n")
		goMod, _ := os.ReadFile(filepath.Join(m.dir, "go.mod"))
		out, code := runRetort(t, bin, m.dir, append(offline, "RETORT_SOURCE_DIR="+root), "init")
		if code != 2 {
			t.Fatalf("init: exit %d, want 2:\n%s", code, out)
		}
		// The models package was found without --models, then tidy failed.
		wantContains(t, out, "Models: the tagged structs of internal/store", "go mod tidy", "Nothing was written")
		untouched(t, m, string(goMod))
	})
}

// movedCheckoutBinary builds retort in a copy of the checkout at root and
// removes the copy, as when a checkout is moved or deleted after the build
// (a -trimpath build cannot find its checkout either, but rebuilds every
// dependency). Only the copy's own packages are compiled.
func movedCheckoutBinary(t *testing.T, root string) string {
	t.Helper()
	copyDir := filepath.Join(t.TempDir(), "retort-checkout")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bench" || name == "examples") {
				return filepath.SkipDir
			}
			return nil
		}
		if !(strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) && name != "go.mod" && name != "go.sum" {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(copyDir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "retort")
	build := exec.Command("go", "build", "-o", bin, "./cmd/retort")
	build.Dir = copyDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build in a copy of the checkout: %v\n%s", err, out)
	}
	if err := os.RemoveAll(copyDir); err != nil {
		t.Fatal(err)
	}
	return bin
}
