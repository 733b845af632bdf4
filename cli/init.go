package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
	dialectName := fs.String("dialect", "", "`DIALECT`: sqlite, postgres or mysql (default: the scheme of $RETORT_DATABASE_URL, else sqlite)")
	modelsDir := fs.String("models", "", "the models package `DIR`, e.g. ./models (default: ./models, or the one package of the module with tagged structs)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *dialectName == "" {
		*dialectName = "sqlite"
		if u, err := a.databaseURL(""); err == nil {
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
	var modelsImport string
	var names, qualified []string
	if *modelsDir != "" {
		abs := *modelsDir
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		r, err := filepath.Rel(p.Root, abs)
		if err != nil || strings.HasPrefix(r, "..") {
			return fmt.Errorf("models directory %s is outside the module at %s", abs, p.Root)
		}
		pkg, err := load.Discover(abs)
		if err != nil {
			return err
		}
		if len(pkg.Models) == 0 && len(pkg.Untagged) == 0 {
			return fmt.Errorf("no structs in %s: models are structs whose fields carry db:\"...\" tags (or gorm/bun tags)", rel(wd, abs))
		}
		if len(pkg.Models) == 0 {
			pkg.Models = pkg.Untagged
			fmt.Fprintf(a.stdout, "No db, gorm or bun tags in %s: listing every exported struct. Plain GORM structs? Set ModelFamily: model.FamilyGORM in env.go.\n", rel(wd, abs))
		}
		modelsImport = strings.TrimSuffix(p.Module+"/"+filepath.ToSlash(r), "/.")
		names = pkg.Models
		for _, m := range pkg.Models {
			qualified = append(qualified, pkg.Name+"."+m)
		}
	}
	src, err := render.EnvFile(filepath.Base(migDir), be.Name, modelsImport, names)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(migDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(envPath, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Wrote %s (dialect %s", rel(wd, envPath), be.Name)
	if len(qualified) > 0 {
		fmt.Fprintf(a.stdout, "; models: %s", strings.Join(qualified, ", "))
	}
	fmt.Fprintln(a.stdout, ")")
	if err := requireRetort(ctx, a, p.Root); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, "Next: set RETORT_DATABASE_URL, then `retort revision --autogenerate -m \"initial\"`.")
	return nil
}

// requireRetort makes the user's module require retort, so the driver
// program builds: a replace to the checkout when this binary was built from
// one, else the released version; then go mod tidy.
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
	if src, ok := sourceDir(a.getenv); ok {
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
			return err
		}
	}
	if err := run("mod", "tidy"); err != nil {
		return errors.Join(err, errors.New("the migrations package was written; fix go.mod and run `go mod tidy`"))
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
