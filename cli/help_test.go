package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/cli"
)

// runInProcess runs the command line in this process (no driver is built:
// help and flag mistakes are answered before that).
func runInProcess(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestHelpEveryCommand pins issue 17: `retort help CMD` and `retort CMD
// --help` work outside a project, print the same text, and list every
// flag with one line and examples.
func TestHelpEveryCommand(t *testing.T) {
	t.Chdir(t.TempDir()) // no go.mod anywhere above
	flags := map[string][]string{
		"init":      {"--dir DIR", "--dialect DIALECT", "--models DIR"},
		"revision":  {"-m, --message MESSAGE", "--autogenerate", "--data-aware", "--splice", "--head REV", "--branch-label LABEL", "--depends-on REV", "--rev-id ID", "--url URL", "--dir DIR"},
		"upgrade":   {"-j N", "--one-transaction", "--sql", "-q, --quiet", "--allow-data-loss", "--url URL", "--schema SCHEMA"},
		"downgrade": {"-j N", "--sql", "--allow-data-loss"},
		"current":   {"-v, --verbose", "--url URL"},
		"history":   {"-r, --rev-range RANGE", "-v, --verbose"},
		"heads":     {"-v, --verbose"},
		"branches":  {"-v, --verbose"},
		"show":      {"--dir DIR"},
		"merge":     {"-m, --message MESSAGE", "--rev-id ID", "--branch-label LABEL"},
		"stamp":     {"--purge", "--url URL"},
		"check":     {"--format FORMAT", "--data-aware", "--migrations", "--dev-url URL"},
		"diff":      {"--from URL", "--to URL", "--sql", "--schema SCHEMA"},
		"inspect":   {"--format FORMAT", "--url URL", "--schema SCHEMA"},
	}
	for name, want := range flags {
		code, help, errs := runInProcess(t, "help", name)
		if code != 0 || errs != "" {
			t.Errorf("retort help %s: exit %d, stderr %q", name, code, errs)
			continue
		}
		for _, w := range append([]string{"retort " + name + ": ", "usage: retort " + name, "\nflags:\n", "\nexamples:\n  retort " + name}, want...) {
			if !strings.Contains(help, w) {
				t.Errorf("retort help %s lacks %q:\n%s", name, w, help)
			}
		}
		for _, l := range strings.Split(help, "\n") {
			if len(l) > 80 {
				t.Errorf("retort help %s: line longer than 80 columns: %q", name, l)
			}
		}
		code, again, _ := runInProcess(t, name, "--help")
		if code != 0 || again != help {
			t.Errorf("retort %s --help (exit %d) differs from retort help %s:\n%s", name, code, name, again)
		}
	}
}

// TestFlagMistakes pins issue 17: an unknown flag is named with two dashes
// and the nearest flag suggested, before any driver is built (here:
// outside a project, where building one would fail).
func TestFlagMistakes(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"upgrade", "head", "--dry-run"}, "retort upgrade: unknown flag --dry-run; did you mean --sql?"},
		{[]string{"check", "--fromat", "json"}, "retort check: unknown flag --fromat; did you mean --format?"},
		{[]string{"revision", "--autogen", "-m", "x"}, "retort revision: unknown flag --autogen; did you mean --autogenerate?"},
		{[]string{"stamp", "head", "-purge"}, ""},
		{[]string{"history", "-r"}, "retort history: flag -r needs a value"},
		{[]string{"upgrade", "head", "-j", "x"}, "for -j: parse error"},
		{[]string{"inspect", "--frmat", "json"}, "unknown flag --frmat; did you mean --format?"},
	} {
		code, _, errs := runInProcess(t, tc.args...)
		if tc.want == "" {
			// A valid single-dash spelling passes the check and goes on
			// to need a project.
			if strings.Contains(errs, "unknown flag") {
				t.Errorf("retort %s: %s", strings.Join(tc.args, " "), errs)
			}
			continue
		}
		if code != 2 || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "retort help "+tc.args[0]) {
			t.Errorf("retort %s: exit %d, stderr:\n%s\nwant %q and a pointer to retort help", strings.Join(tc.args, " "), code, errs, tc.want)
		}
	}
	code, _, errs := runInProcess(t, "help", "revison")
	if code != 2 || !strings.Contains(errs, `unknown command "revison"; did you mean "revision"?`) {
		t.Errorf("retort help revison: exit %d\n%s", code, errs)
	}
}
