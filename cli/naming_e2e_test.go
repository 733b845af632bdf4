package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCLIFileTemplate: env.go's FileTemplate and TimeZone name and date
// the files `revision` writes; the commands find the revisions by them.
func TestCLIFileTemplate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds retort and a driver program")
	}
	m := newUserModule(t, "sqlite://"+filepath.Join(t.TempDir(), "app.db"))
	m.copyModels("step1")
	m.run(0, "init", "--dialect", "sqlite", "--models", "./models")
	p := filepath.Join(m.dir, "migrations", "env.go")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\tDialect: ", "\tFileTemplate: \"{year}{month}{day}_{rev}_{slug}\",\n\tTimeZone: \"America/New_York\",\n\tDialect: ", 1)
	if edited == string(src) {
		t.Fatalf("env.go has no Dialect line:\n%s", src)
	}
	m.write("migrations/env.go", edited)
	m.run(0, "revision", "--autogenerate", "-m", "initial")
	m.run(0, "revision", "-m", "by hand")
	entries, err := os.ReadDir(filepath.Join(m.dir, "migrations"))
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^[0-9]{8}_[0-9a-f]{12}_(initial|by_hand)\.go$`)
	var revs []string
	for _, e := range entries {
		if e.Name() == "env.go" {
			continue
		}
		revs = append(revs, e.Name())
		if !name.MatchString(e.Name()) {
			t.Errorf("file %q does not follow the template", e.Name())
		}
		data, err := os.ReadFile(filepath.Join(m.dir, "migrations", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`// Create Date: [0-9-]+ [0-9:]+ -0[45]:00 America/New_York\n`).Match(data) {
			t.Errorf("%s: the header is not dated in America/New_York:\n%s", e.Name(), data)
		}
	}
	if len(revs) != 2 {
		t.Fatalf("revision files: %v", revs)
	}
	m.run(0, "upgrade", "head")
	wantContains(t, m.run(0, "history", "--verbose"), "Path: ", "_by_hand.go")
}
