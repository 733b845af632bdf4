package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// walkthrough records a newcomer's session, command by command, for a
// golden file: "$ retort ARGS", what it printed (stdout and stderr as one
// stream), and its exit code.
type walkthrough struct {
	t        *testing.T
	m        *userModule
	out      bytes.Buffer
	replacer *strings.Replacer
}

// elapsed matches the durations the runner logs.
var elapsed = regexp.MustCompile(`elapsed=[0-9.]+[µmn]?s`)

// run runs retort in dir (the module when ""), records the session and
// checks the exit code.
func (w *walkthrough) run(dir string, wantCode int, args ...string) string {
	w.t.Helper()
	if dir == "" {
		dir = w.m.dir
	}
	cmd := exec.Command(retort(w.t), args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), "RETORT_DATABASE_URL="+w.m.url)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		w.t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	text := elapsed.ReplaceAllString(w.replacer.Replace(out.String()), "elapsed=T")
	if dir != w.m.dir {
		w.out.WriteString("(outside the module)\n")
	}
	shown := make([]string, len(args))
	for i, a := range args {
		shown[i] = a
		if strings.ContainsAny(a, " \t") {
			shown[i] = strconv.Quote(a)
		}
	}
	w.out.WriteString("$ retort " + strings.Join(shown, " ") + "\n" + text)
	if code != 0 {
		w.out.WriteString("[exit " + string(rune('0'+code)) + "]\n")
	}
	w.out.WriteString("\n")
	if code != wantCode {
		w.t.Fatalf("retort %s: exit %d, want %d; output:\n%s", strings.Join(args, " "), code, wantCode, out.String())
	}
	return out.String()
}

// edit replaces old with new in a file of the module, as the user would,
// and records what was done.
func (w *walkthrough) edit(what, file, old, new string) {
	w.t.Helper()
	p := filepath.Join(w.m.dir, file)
	src, err := os.ReadFile(p)
	if err != nil {
		w.t.Fatal(err)
	}
	out := strings.Replace(string(src), old, new, 1)
	if out == string(src) {
		w.t.Fatalf("%s has no %q to replace", file, old)
	}
	w.m.write(file, out)
	w.out.WriteString("# " + file + ": " + what + "\n\n")
}

// cleanEnv is the environment without retort's own variables, so the
// session does not depend on the machine running it.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "RETORT_") || strings.HasPrefix(kv, "DATABASE_URL=") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// TestNewcomerWalkthrough is the session issue 17 asks for, on SQLite:
// retort built from the checkout, init, four edits of the models with
// autogenerate, upgrade and check, two heads and a merge, help for every
// command (inside and outside a module), and typos. Every message is
// checked against testdata/walkthrough.golden (go test ./cli -run
// Walkthrough -update rewrites it; review the diff like code).
func TestNewcomerWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses POSIX paths")
	}
	t.Parallel()
	m := newUserModule(t, "sqlite://app.db")
	m.copyModels("step1")
	outside := t.TempDir()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	w := &walkthrough{t: t, m: m, replacer: strings.NewReplacer(m.dir, "$APP", root, "$RETORT", outside, "$ELSEWHERE")}

	// Help works anywhere, before anything exists.
	w.run(outside, 0, "help")
	w.run(outside, 0, "revision", "--help")

	// The first run: init finds ./models by itself.
	w.run("", 0, "init")
	w.run("", 0, "revision", "--autogenerate", "-m", "initial", "--rev-id", "aaaa00000001")
	w.run("", 0, "upgrade", "head")
	w.run("", 0, "check")

	// Edit 1: the quickstart's second step, and the new model listed.
	m.copyModels("step2")
	w.out.WriteString("# copy examples/quickstart/step2/models/models.go to models/models.go\n\n")
	w.run("", 1, "check")
	w.edit("list models.Note{} in Models", "migrations/env.go", "\t\tmodels.User{},\n", "\t\tmodels.User{},\n\t\tmodels.Note{},\n")
	w.run("", 1, "check")
	w.run("", 0, "revision", "--autogenerate", "-m", "bio and notes", "--rev-id", "bbbb00000002")
	w.run("", 1, "check")
	w.run("", 0, "show", "bbbb")
	w.run("", 0, "upgrade", "head")
	w.run("", 0, "check")

	// Edit 2: a rename without the hint, then with it.
	w.edit("rename the field Bio to About", "models/models.go", `Bio     *string `+"`"+`db:"bio,type=text"`, `About   *string `+"`"+`db:"about,type=text"`)
	w.run("", 1, "check")
	w.edit("tag it renamed_from=bio", "models/models.go", `db:"about,type=text"`, `db:"about,type=text,renamed_from=bio"`)
	w.run("", 1, "check")
	w.run("", 0, "revision", "--autogenerate", "-m", "bio is about", "--rev-id", "cccc00000003")
	w.run("", 0, "upgrade", "head")

	// Edit 3: a foreign key to a misspelled table.
	w.edit("Note.UserID: fk=users.id becomes fk=user.id", "models/models.go", `fk=users.id,ondelete=cascade`, `fk=user.id,ondelete=cascade`)
	w.run("", 2, "check")
	w.edit("fix it back", "models/models.go", `fk=user.id,ondelete=cascade`, `fk=users.id,ondelete=cascade`)

	// Edit 4: a default SQLite cannot evaluate.
	w.edit("add SeenAt time.Time `db:\"seen_at,default=now()\"` to Note", "models/models.go", "\tBody   string `db:\"body,type=text\"`\n", "\tBody   string `db:\"body,type=text\"`\n\tSeenAt time.Time `db:\"seen_at,default=now()\"`\n")
	w.run("", 2, "check")
	w.edit("default=now() becomes default=CURRENT_TIMESTAMP", "models/models.go", `default=now()`, `default=CURRENT_TIMESTAMP`)
	w.run("", 0, "revision", "--autogenerate", "-m", "seen at", "--rev-id", "dddd00000004")
	w.run("", 0, "upgrade", "head")
	w.run("", 0, "check")

	// Two heads: a branch written beside the last revision.
	w.run("", 0, "revision", "-m", "backfill", "--head", "cccc00000003", "--splice", "--rev-id", "eeee00000005")
	w.run("", 1, "check")
	w.run("", 2, "upgrade", "head")
	w.run("", 0, "merge", "-m", "merge heads", "heads", "--rev-id", "ffff00000006")
	w.run("", 0, "upgrade", "head")
	w.run("", 0, "check")
	w.run("", 0, "history")

	// Typos.
	w.run("", 2, "upgrade", "head", "--dry-run")
	w.run("", 2, "upgarde", "head")
	w.run("", 2, "check", "--fromat", "json")
	w.run("", 2, "revision", "--autogen", "-m", "x")
	w.run("", 2, "current", "--url", "sqlite://ap.db")
	if _, err := os.Stat(filepath.Join(m.dir, "ap.db")); err == nil {
		t.Error("current with a mistyped SQLite path created the file")
	}
	w.run("", 2, "help", "revison")

	// Help for every command, and --help inside the module.
	for _, c := range []string{"init", "revision", "upgrade", "downgrade", "current", "history", "heads", "branches", "show", "merge", "stamp", "check", "diff", "inspect"} {
		w.run("", 0, "help", c)
	}
	w.run("", 0, "upgrade", "--help")

	golden(t, "walkthrough", w.out.String())
}
