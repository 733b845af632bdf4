package ci_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestCheckScript runs check.sh in a new module on every configured
// dialect: it passes on a consistent history and a database brought to
// head, writes the JSON report, and fails (exit 1) once the models change
// without a revision.
func TestCheckScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	if runtime.GOOS == "windows" {
		t.Skip("runs a POSIX shell script")
	}
	bin := filepath.Join(t.TempDir(), "retort")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/retort").CombinedOutput(); err != nil {
		t.Fatalf("build retort: %v\n%s", err, out)
	}
	script, err := filepath.Abs("check.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testdb.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write(t, dir, "go.mod", "module example.com/shop\n\ngo 1.24\n")
			copyModels(t, dir, "step1")
			env := []string{"RETORT=" + bin, "RETORT_DATABASE_URL=" + testdb.Open(t, d).URL}
			if d != "sqlite" {
				env = append(env, "RETORT_DEV_URL="+testdb.ServerURL(t, d))
			}
			// The developer's side: a revision generated against their own database.
			devDB := testdb.Open(t, d)
			run(t, dir, []string{"RETORT_DATABASE_URL=" + devDB.URL}, 0, bin, "init", "--dialect", d, "--models", "./models")
			run(t, dir, []string{"RETORT_DATABASE_URL=" + devDB.URL}, 0, bin, "revision", "--autogenerate", "-m", "initial")

			out := run(t, dir, env, 0, "sh", script)
			for _, w := range []string{"The migrations are consistent.", "No drift"} {
				if !strings.Contains(out, w) {
					t.Errorf("check.sh output lacks %q:\n%s", w, out)
				}
			}
			var report struct {
				InSync bool `json:"in_sync"`
			}
			data, err := os.ReadFile(filepath.Join(dir, "retort-check.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &report); err != nil || !report.InSync {
				t.Errorf("report: in_sync=%v err=%v:\n%s", report.InSync, err, data)
			}

			copyModels(t, dir, "step2")
			out = run(t, dir, env, 1, "sh", script)
			if !strings.Contains(out, "head does not match the models") {
				t.Errorf("check.sh does not report the drift:\n%s", out)
			}
		})
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyModels(t *testing.T, dir, step string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "quickstart", step, "models", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "models/models.go", string(src))
}

// run runs a command in dir with extra environment and checks its exit code.
func run(t *testing.T, dir string, env []string, want int, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	if code != want {
		t.Fatalf("%s %s: exit %d, want %d; output:\n%s", name, strings.Join(args, " "), code, want, out.String())
	}
	return out.String()
}
