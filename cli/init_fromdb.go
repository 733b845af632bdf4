package cli

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/internal/dburl"
	"github.com/retortdb/retort/load"
)

// modelsFromDatabase writes the models package of `retort init
// --from-database`: one tagged struct per table of the database at url,
// in DIR/models.go (DIR from --models, default ./models), and returns
// them for env.go with a function that removes what it wrote. It refuses
// a directory that already holds Go files.
// dialectName is the dialect env.go will name; the database must be of it.
func (a *app) modelsFromDatabase(ctx context.Context, wd string, p project, modelsDir, url, dialectName string) (initModels, func() error, error) {
	u, err := a.databaseURL(url)
	if err != nil {
		return initModels{}, nil, usagef("--from-database: %v", err)
	}
	if modelsDir == "" {
		modelsDir = "models"
	}
	abs := modelsDir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(wd, abs)
	}
	r, err := filepath.Rel(p.Root, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return initModels{}, nil, fmt.Errorf("models directory %s is outside the module at %s", abs, p.Root)
	}
	if goFiles, _ := filepath.Glob(filepath.Join(abs, "*.go")); len(goFiles) > 0 {
		return initModels{}, nil, fmt.Errorf("%s already holds Go files (%s): --from-database writes a new models package; choose an empty directory with --models DIR", rel(wd, abs), filepath.Base(goFiles[0]))
	}
	pkg := filepath.Base(abs)
	if !token.IsIdentifier(pkg) || token.IsKeyword(pkg) || pkg == "main" {
		return initModels{}, nil, usagef("the models directory %s is not a Go package name; choose another with --models DIR", rel(wd, abs))
	}
	d, err := openDatabase(ctx, u, mustExist)
	if err != nil {
		return initModels{}, nil, err
	}
	defer d.Close()
	if d.be.Name != dialectName {
		return initModels{}, nil, usagef("--dialect %s, but the database at %s is %s: drop --dialect, or point --url at a %s database", dialectName, dburl.Redact(u), d.be.Name, dialectName)
	}
	s, err := d.inspect(ctx, "", defaultEnv.RunnerTables())
	if err != nil {
		return initModels{}, nil, err
	}
	if len(s.Tables) == 0 {
		return initModels{}, nil, fmt.Errorf("%s has no tables to write models for; run init without --from-database", d.cfg.Database)
	}
	res, err := generateModels(a.stderr, s, pkg, u, "retort init --from-database")
	if err != nil {
		return initModels{}, nil, err
	}
	undo, err := writeNewFile(filepath.Join(abs, "models.go"), res.Source)
	if err != nil {
		return initModels{}, nil, err
	}
	fmt.Fprintf(a.stdout, "Wrote %s (%d tables of %s)\n", rel(wd, filepath.Join(abs, "models.go")), len(res.Models), d.cfg.Database)
	m := initModels{importPath: strings.TrimSuffix(p.Module+"/"+filepath.ToSlash(r), "/."), names: res.Models}
	for _, n := range res.Models {
		m.qualified = append(m.qualified, pkg+"."+n)
	}
	return m, undo, nil
}

// writeNewFile writes path, making its directories, and returns a function
// that removes the file and the directories it made.
func writeNewFile(path string, data []byte) (func() error, error) {
	var created []string // deepest first
	for d := filepath.Dir(path); d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		created = append(created, d)
	}
	undo := func() error {
		var errs []error
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
		for _, d := range created {
			if err := os.Remove(d); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return nil, errors.Join(err, undo())
	}
	return undo, nil
}

// splitSameTable separates the models init lists from the structs that
// map to a table an earlier model maps to, which env.go excludes; it says
// which.
func splitSameTable(w io.Writer, pkg load.Package) (names, excluded []string) {
	same := map[string]load.SameTable{}
	for _, s := range pkg.SameTable {
		same[s.Name] = s
	}
	for _, n := range pkg.Models {
		s, ok := same[n]
		if !ok {
			names = append(names, n)
			continue
		}
		excluded = append(excluded, n)
		fmt.Fprintf(w, "%s.%s maps to table %s, like %s.%s: listed in Exclude, not in Models.\n", pkg.Name, n, s.Table, pkg.Name, s.Of)
	}
	return names, excluded
}
