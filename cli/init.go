package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/internal/backend"
	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/render"
)

func runInit(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("init")
	dir := fs.String("dir", "migrations", "the migrations package `DIR` to create")
	dialectName := fs.String("dialect", "", "env.go's `DIALECT`: sqlite, postgres or mysql (default: the scheme of $RETORT_DATABASE_URL, else sqlite)")
	modelsDir := fs.String("models", "", "the models package `DIR`, e.g. ./models (default: ./models, or the one package of the module with tagged structs)")
	fromDB := fs.Bool("from-database", false, "write the models package (--models DIR, default ./models) from the tables of the database at --url, and list them in env.go")
	initURL := fs.String("url", "", "with --from-database, the database `URL` (default: $RETORT_DATABASE_URL, else $DATABASE_URL)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *dialectName == "" {
		*dialectName = "sqlite"
		if u, err := a.databaseURL(*initURL); err == nil {
			if i := strings.Index(u, "://"); i > 0 {
				*dialectName = u[:i]
			}
		}
	}
	be, err := backend.Lookup(*dialectName)
	if err != nil {
		return usagef("%v", err)
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	p, err := findProject(wd, *dir)
	if err != nil {
		return err
	}
	migDir := filepath.Join(p.Root, p.Dir)
	envPath := filepath.Join(migDir, "env.go")
	if _, err := os.Stat(envPath); err == nil {
		return fmt.Errorf("%s already exists; edit it, or remove it to start over", rel(wd, envPath))
	}
	var models initModels
	undoModels := func() error { return nil }
	if *fromDB {
		models, undoModels, err = a.modelsFromDatabase(ctx, wd, p, *modelsDir, *initURL, be.Name)
	} else {
		if *initURL != "" {
			return usagef("--url is for --from-database")
		}
		models, err = a.initModels(wd, p, migDir, *modelsDir)
	}
	if err != nil {
		return err
	}
	spec := render.EnvSpec{Package: filepath.Base(migDir), Dialect: be.Name, ModelsImportPath: models.importPath, Models: models.names, Excluded: models.excluded}
	if models.gorm {
		spec.GORMDriver = be.GORMDriver
	}
	if models.bun {
		spec.BunDialect = be.BunDialect
	}
	src, err := render.Env(spec)
	if err != nil {
		return errors.Join(err, undoModels())
	}
	// Write env.go and make go.mod require retort as one step: when any
	// part fails, what was written is removed and go.mod restored.
	undoEnv, err := snapshot(p.Root, migDir)
	if err != nil {
		return errors.Join(err, undoModels())
	}
	undo := func() error { return errors.Join(undoEnv(), undoModels()) }
	if err := a.writeProject(ctx, p.Root, migDir, envPath, src); err != nil {
		if uerr := undo(); uerr != nil {
			return errors.Join(err, fmt.Errorf("undoing init: %w", uerr))
		}
		//lint:ignore ST1005 the CLI prints this sentence as the last line of its message
		return fmt.Errorf("%w\nNothing was written: go.mod and go.sum are as they were, and %s was removed.", err, rel(wd, envPath))
	}
	fmt.Fprintf(a.stdout, "Wrote %s (dialect %s", rel(wd, envPath), be.Name)
	if len(models.qualified) > 0 {
		fmt.Fprintf(a.stdout, "; models: %s", strings.Join(models.qualified, ", "))
	}
	fmt.Fprintln(a.stdout, ")")
	for _, orm := range []struct{ name, path string }{{"GORM", spec.GORMDriver}, {"bun", spec.BunDialect}} {
		if orm.path != "" {
			fmt.Fprintf(a.stdout, "The models use %s: env.go's ORM names %s, so their columns get the types %s writes on %s.\n", orm.name, orm.path, orm.name, be.Name)
		}
	}
	if models.importPath == "" {
		fmt.Fprintf(a.stdout, "No tagged structs found in the module: list your models in %s (Models: []any{models.User{}, ...}), or run init again with --models DIR.\n", rel(wd, envPath))
	}
	fmt.Fprintln(a.stdout, "Next: set RETORT_DATABASE_URL, then `retort revision --autogenerate -m \"initial\"`.")
	return nil
}

// initModels are the models init lists in env.go.
type initModels struct {
	importPath string
	names      []string
	qualified  []string
	// excluded are tagged structs over a table a listed model maps to:
	// env.go's Exclude.
	excluded []string
	// gorm and bun: some model uses that ORM's tags, so env.go names its
	// driver (dialect) for the column types.
	gorm, bun bool
}

// initModels finds the models package: --models, else ./models when it
// holds tagged structs, else the one package of the module that does.
func (a *app) initModels(wd string, p project, migDir, modelsDir string) (initModels, error) {
	explicit := modelsDir != ""
	if !explicit {
		found, err := findModelsDir(wd, p.Root, migDir)
		if err != nil {
			return initModels{}, err
		}
		if found == "" {
			return initModels{}, nil
		}
		modelsDir = found
		fmt.Fprintf(a.stdout, "Models: the tagged structs of %s (pass --models DIR to choose another package).\n", rel(wd, found))
	}
	abs := modelsDir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	r, err := filepath.Rel(p.Root, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return initModels{}, fmt.Errorf("models directory %s is outside the module at %s", abs, p.Root)
	}
	pkg, err := load.Discover(abs)
	if err != nil {
		return initModels{}, err
	}
	if len(pkg.Models) == 0 && len(pkg.Untagged) == 0 {
		return initModels{}, fmt.Errorf("no structs in %s: models are structs whose fields carry db:\"...\" tags (or gorm/bun tags)", rel(wd, abs))
	}
	if len(pkg.Models) == 0 {
		pkg.Models = pkg.Untagged
		fmt.Fprintf(a.stdout, "No db, gorm or bun tags in %s: listing every exported struct. Plain GORM structs? Set ModelFamily: model.FamilyGORM in env.go.\n", rel(wd, abs))
	}
	m := initModels{importPath: strings.TrimSuffix(p.Module+"/"+filepath.ToSlash(r), "/."), names: pkg.Models, gorm: pkg.GORM, bun: pkg.Bun}
	m.names, m.excluded = splitSameTable(a.stdout, pkg)
	for _, n := range m.names {
		m.qualified = append(m.qualified, pkg.Name+"."+n)
	}
	return m, nil
}

// findModelsDir returns ./models when it holds tagged structs, else the
// one package directory of the module at root that does (skipping the
// migrations directory, hidden directories, testdata and vendor), or "".
// Several candidates is an error that lists them.
func findModelsDir(wd, root, migDir string) (string, error) {
	hasModels := func(dir string) bool {
		pkg, err := load.Discover(dir)
		return err == nil && pkg.Name != "main" && len(pkg.Models) > 0
	}
	if d := filepath.Join(wd, "models"); hasModels(d) {
		return d, nil
	}
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor" || name == "node_modules" || path == migDir) {
			return filepath.SkipDir
		}
		if path != root {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
		}
		if hasModels(path) {
			found = append(found, path)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	shown := make([]string, len(found))
	for i, f := range found {
		shown[i] = "./" + filepath.ToSlash(rel(root, f))
	}
	return "", usagef("several packages hold tagged structs (%s); choose one with --models DIR", strings.Join(shown, ", "))
}

// snapshot records go.mod, go.sum and which directories on the way to
// migDir exist, and returns a function that puts them back: it removes
// env.go and the directories init created.
func snapshot(root, migDir string) (func() error, error) {
	saved := map[string][]byte{}
	for _, n := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, n))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if err == nil {
			saved[n] = data
		}
	}
	var created []string // deepest first
	for d := migDir; d != root && d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		created = append(created, d)
	}
	return func() error {
		var errs []error
		if err := os.Remove(filepath.Join(migDir, "env.go")); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		for _, d := range created {
			if err := os.Remove(d); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		for _, n := range []string{"go.mod", "go.sum"} {
			p := filepath.Join(root, n)
			if data, ok := saved[n]; ok {
				errs = append(errs, os.WriteFile(p, data, 0o644))
			} else if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}, nil
}

// writeProject writes env.go and makes the module require retort.
func (a *app) writeProject(ctx context.Context, root, migDir, envPath string, src []byte) error {
	if err := os.MkdirAll(migDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(envPath, src, 0o644); err != nil {
		return err
	}
	return requireRetort(ctx, a, root)
}

// requireRetort makes the user's module require retort, so the driver
// program builds: a replace to the checkout when this binary was built from
// one (or RETORT_SOURCE_DIR names one), else the released version; then go
// mod tidy.
func requireRetort(ctx context.Context, a *app, root string) error {
	run := func(args ...string) error {
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = root
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, strings.TrimSpace(out.String()))
		}
		return nil
	}
	src, ok, err := sourceDir(a.getenv)
	if err != nil {
		return err
	}
	if ok {
		if err := run("mod", "edit", "-require="+modulePath+"@v0.0.0-00010101000000-000000000000", "-replace="+modulePath+"="+src); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "go.mod: require %s, replaced by the checkout at %s\n", modulePath, src)
	} else {
		v := version()
		if v == "" || v == "(devel)" {
			v = "latest"
		}
		if err := run("get", modulePath+"@"+v); err != nil {
			return fmt.Errorf("%w\nThis retort binary does not know where its source is, and %s@%s could not be fetched. Point init at a retort checkout: RETORT_SOURCE_DIR=/path/to/retort retort init ... (go.mod then requires retort with a replace directive to that directory), or build retort inside the checkout (go build -o ~/go/bin/retort ./cmd/retort), which finds its checkout by itself", err, modulePath, v)
		}
	}
	if err := run("mod", "tidy"); err != nil {
		return fmt.Errorf("%w\nFix what go reports above (a models package that does not build, a dependency go cannot fetch), then run retort init again", err)
	}
	return nil
}

// rel shortens path relative to wd for messages.
func rel(wd, path string) string {
	if r, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}
