package cli

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/model"
	"github.com/retortdb/retort/ops"
)

// envDatabase opens the database for the Env's commands and checks it is of
// the Env's dialect.
func (a *app) envDatabase(ctx context.Context, flagURL string) (*database, error) {
	u, err := a.databaseURL(flagURL)
	if err != nil {
		return nil, usagef("%v", err)
	}
	d, err := openDatabase(ctx, u)
	if err != nil {
		return nil, err
	}
	if a.env.Dialect != "" && !sameDialect(a.env.Dialect, d.be.Name) {
		d.Close()
		return nil, fmt.Errorf("env.go says Dialect %q but the database URL is %s; point --url/RETORT_DATABASE_URL at a %s database or change env.go", a.env.Dialect, d.be.Name, a.env.Dialect)
	}
	return d, nil
}

func sameDialect(envName, beName string) bool {
	switch strings.ToLower(envName) {
	case "postgresql", "pg":
		envName = "postgres"
	case "mariadb":
		envName = "mysql"
	case "sqlite3":
		envName = "sqlite"
	}
	return strings.EqualFold(envName, beName)
}

// loadTarget loads the Env's models. When they have errors it loads them
// again with source positions, so each message names file:line.
func (a *app) loadTarget(ctx context.Context) (model.Schema, error) {
	s, err := model.Load(a.env.Models, model.LoadOptions{})
	if err == nil {
		return s, nil
	}
	if pos, perr := a.modelPositions(ctx); perr == nil {
		if _, err2 := model.Load(a.env.Models, model.LoadOptions{Positions: pos}); err2 != nil {
			err = err2
		}
	}
	return model.Schema{}, fmt.Errorf("models:\n%w", err)
}

// packageDirs asks the go tool where packages live.
func (a *app) packageDirs(ctx context.Context, pkgs []string) ([]string, error) {
	if len(pkgs) == 0 {
		return nil, nil
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"list", "-f", "{{.Dir}}"}, pkgs...)...)
	if a.driver != nil {
		cmd.Dir = a.driver.Root
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go list: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	return strings.Fields(out.String()), nil
}

func (a *app) modelPositions(ctx context.Context) (model.PositionFunc, error) {
	dirs, err := a.packageDirs(ctx, model.PackagePaths(a.env.Models))
	if err != nil {
		return nil, err
	}
	return model.SourcePositions(dirs...)
}

// unlistedModels names tagged structs in the model packages that env.go's
// Models does not list.
func (a *app) unlistedModels(ctx context.Context) []string {
	pkgs := model.PackagePaths(a.env.Models)
	dirs, err := a.packageDirs(ctx, pkgs)
	if err != nil || len(dirs) != len(pkgs) {
		return nil
	}
	listed := map[string]bool{}
	for _, m := range a.env.Models {
		t := reflect.TypeOf(m)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t != nil {
			listed[t.PkgPath()+"."+t.Name()] = true
		}
	}
	var missing []string
	for i, dir := range dirs {
		pkg, err := discoverModels(dir)
		if err != nil {
			continue
		}
		for _, name := range pkg.Models {
			if !listed[pkgs[i]+"."+name] {
				missing = append(missing, pkg.Name+"."+name)
			}
		}
	}
	return missing
}

// compareModels returns the upgrade ops that bring the database to the models.
func (a *app) compareModels(ctx context.Context, d *database) ([]ops.Op, error) {
	target, err := a.loadTarget(ctx)
	if err != nil {
		return nil, err
	}
	current, err := d.inspect(ctx, a.env.Schema, a.env.RunnerTables())
	if err != nil {
		return nil, err
	}
	return diff.Compare(current, target, d.be.Dialect, a.env.Compare)
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
		if err := checkRevisionFiles(shown, files); err != nil {
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
