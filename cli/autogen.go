package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrate"
)

// envDatabase opens the database for the Env's commands and checks it is of
// the Env's dialect.
func (a *app) envDatabase(ctx context.Context, flagURL string, mode openMode) (*database, error) {
	u, err := a.databaseURL(flagURL)
	if err != nil {
		return nil, usagef("%v", err)
	}
	d, err := openDatabase(ctx, u, mode)
	if err != nil {
		return nil, err
	}
	if a.env.Dialect != "" && !sameDialect(a.env.Dialect, d.be.Name) {
		d.Close()
		return nil, fmt.Errorf("env.go says Dialect %q but the database URL is %s; point --url/RETORT_DATABASE_URL at a %s database or change env.go", a.env.Dialect, d.be.Name, a.env.Dialect)
	}
	return d, nil
}

// sameDialect reports whether two spellings name one dialect
// ("postgresql" and "postgres").
func sameDialect(a, b string) bool {
	na, oka := dialect.ParseName(a)
	nb, okb := dialect.ParseName(b)
	return oka && okb && na == nb
}

// packageDirs returns the directories of packages: those inside the
// user's module from its root (no subprocess), the others from go list.
func (a *app) packageDirs(ctx context.Context, pkgs []string) ([]string, error) {
	dirs := make([]string, len(pkgs))
	var ask []string
	for i, p := range pkgs {
		if dir, ok := a.moduleDir(p); ok {
			dirs[i] = dir
		} else {
			ask = append(ask, p)
		}
	}
	if len(ask) == 0 {
		return dirs, nil
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"list", "-f", "{{.ImportPath}} {{.Dir}}"}, ask...)...)
	if a.driver != nil {
		cmd.Dir = a.driver.Root
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go list: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	found := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if path, dir, ok := strings.Cut(line, " "); ok {
			found[path] = dir
		}
	}
	for i, p := range pkgs {
		if dirs[i] == "" {
			if dirs[i] = found[p]; dirs[i] == "" {
				return nil, fmt.Errorf("go list: no directory for %s", p)
			}
		}
	}
	return dirs, nil
}

// moduleDir maps an import path inside the user's module to its directory.
func (a *app) moduleDir(pkg string) (string, bool) {
	if a.driver == nil {
		return "", false
	}
	module := strings.TrimSuffix(strings.TrimSuffix(a.driver.ImportPath, a.driver.Dir), "/")
	if a.driver.Dir == "." {
		module = a.driver.ImportPath
	}
	rest, ok := strings.CutPrefix(pkg, module+"/")
	if !ok || module == "" {
		return "", false
	}
	dir := filepath.Join(a.driver.Root, filepath.FromSlash(rest))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", false
	}
	return dir, true
}

// unlistedModels names tagged structs in the model packages that env.go's
// Models does not list.
func (a *app) unlistedModels(ctx context.Context) []string {
	return autogen.Unlisted(ctx, a.env, a.autogenOptions(false))
}

// autogenOptions are the options of the autogen calls: model errors name
// file:line through the module's package directories.
func (a *app) autogenOptions(dataAware bool) autogen.Options {
	return autogen.Options{PackageDirs: a.packageDirs, DataAware: dataAware}
}

// graph loads the Env's revision graph; no revisions yet is an empty graph
// (nil). Revision files whose names do not match their ids, and graph
// errors, are reported with the files named.
func (a *app) graph() (*migrate.Graph, error) {
	var files []revisionFile
	shown := ""
	if a.driver != nil {
		shown = a.driver.Dir
		var err error
		if files, err = revisionFiles(filepath.Join(a.driver.Root, a.driver.Dir)); err != nil {
			return nil, err
		}
		naming, err := autogen.Naming(a.env)
		if err != nil {
			return nil, err
		}
		if err := checkRevisionFiles(shown, files, naming.Template); err != nil {
			return nil, err
		}
	}
	g, err := a.env.Graph()
	if err != nil {
		if isNoRevisions(err) {
			return nil, nil
		}
		return nil, nameFiles(err, shown, files)
	}
	return g, nil
}
