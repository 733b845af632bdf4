package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/introspect"
	"github.com/retortdb/retort/load"
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
	s, err := load.Models(a.env.Models, load.Options{Family: a.env.ModelFamily})
	if err == nil {
		return s, nil
	}
	if pos, perr := a.modelPositions(ctx); perr == nil {
		if _, err2 := load.Models(a.env.Models, load.Options{Positions: pos, Family: a.env.ModelFamily}); err2 != nil {
			err = err2
		}
	}
	return model.Schema{}, fmt.Errorf("models:\n%w", err)
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

func (a *app) modelPositions(ctx context.Context) (load.PositionFunc, error) {
	dirs, err := a.packageDirs(ctx, load.PackagePaths(a.env.Models))
	if err != nil {
		return nil, err
	}
	return load.SourcePositions(dirs...)
}

// unlistedModels names tagged structs in the model packages that env.go's
// Models does not list.
func (a *app) unlistedModels(ctx context.Context) []string {
	pkgs := load.PackagePaths(a.env.Models)
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
		pkg, err := load.Discover(dir)
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

// compareModels returns the upgrade ops that bring the database to the
// models, with env.go's comparer options: tables IncludeName refuses are
// never read, the schemas of IncludeSchemas and of the models are reflected
// too, and DBComparators read the database through d. It also returns the
// reflected schema, for the safety analysis of the ops.
func (a *app) compareModels(ctx context.Context, d *database) ([]ops.Op, *model.Schema, error) {
	// Load the models while the database is reflected: they are
	// independent until the schemas the models name are read.
	type loaded struct {
		s   model.Schema
		err error
	}
	ch := make(chan loaded, 1)
	go func() {
		s, err := a.loadTarget(ctx)
		ch <- loaded{s, err}
	}()
	opts := a.env.Compare
	opts.Comparators = slices.Clone(opts.Comparators)
	for _, c := range a.env.DBComparators {
		opts.Comparators = append(opts.Comparators, func(cc diff.CompareContext, current, target model.Schema) ([]ops.Op, error) {
			return c(ctx, d.db, cc, current, target)
		})
	}
	skip := a.env.RunnerTables()
	current, rerr := d.inspectWith(ctx, introspect.Options{Schema: a.env.Schema, IncludeTable: func(n string) bool {
		return !slices.Contains(skip, n) && opts.IncludesTable("", n)
	}})
	l := <-ch
	if l.err != nil {
		return nil, nil, l.err
	}
	if rerr != nil {
		return nil, nil, rerr
	}
	if err := a.reflectOtherSchemas(ctx, d, opts, l.s, &current); err != nil {
		return nil, nil, err
	}
	list, err := diff.Compare(current, l.s, d.be.Dialect, opts)
	return list, &current, err
}

// reflectOtherSchemas adds to current the tables and enums of each schema
// other than the Env's that the options include or the models name,
// qualified with their schema.
func (a *app) reflectOtherSchemas(ctx context.Context, d *database, opts diff.Options, target model.Schema, current *model.Schema) error {
	schemas := slices.Clone(opts.IncludeSchemas)
	for _, t := range target.Tables {
		schemas = append(schemas, t.Schema)
	}
	for _, e := range target.Enums {
		schemas = append(schemas, e.Schema)
	}
	slices.Sort(schemas)
	for _, s := range slices.Compact(schemas) {
		if s == "" || s == a.env.Schema || !opts.IncludesSchema(s) {
			continue
		}
		sc, err := d.inspectWith(ctx, introspect.Options{Schema: s, IncludeTable: func(n string) bool { return opts.IncludesTable(s, n) }})
		if err != nil {
			return err
		}
		model.QualifySchema(&sc, s)
		current.Tables = append(current.Tables, sc.Tables...)
		current.Enums = append(current.Enums, sc.Enums...)
	}
	return nil
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
