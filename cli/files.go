package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/retortdb/retort/migrate"
	"github.com/retortdb/retort/render"
)

// revisionFile is one revision file of the migrations package.
type revisionFile struct {
	// Name is the file name, e.g. "5c1e9a3f7b20_add_user_bio.go".
	Name string
	// NameID is the id the name starts with.
	NameID string
	// IDs are the revision ids the file declares (ID: "..." fields).
	IDs []string
}

var idField = regexp.MustCompile(`\bID:\s*"([^"]*)"`)

// revisionFiles reads the revision files of the migrations directory: every
// .go file but env.go and tests.
func revisionFiles(dir string) ([]revisionFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []revisionFile
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || n == "env.go" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		f := revisionFile{Name: n, NameID: strings.SplitN(strings.TrimSuffix(n, ".go"), "_", 2)[0]}
		for _, m := range idField.FindAllStringSubmatch(string(data), -1) {
			f.IDs = append(f.IDs, m[1])
		}
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, nil
}

// checkRevisionFiles fails when a revision file's name does not hold the
// id it declares where env.go's FileTemplate puts it (by default at the
// start), so `retort show` and reviewers find revisions by name.
func checkRevisionFiles(dir string, files []revisionFile, tmpl render.FileTemplate) error {
	var problems []string
	for _, f := range files {
		switch {
		case len(f.IDs) == 0:
			continue // a helper file of the package, not a revision
		case len(f.IDs) > 1:
			problems = append(problems, fmt.Sprintf("%s declares %d revisions (%s); keep one revision per file", filepath.Join(dir, f.Name), len(f.IDs), strings.Join(f.IDs, ", ")))
		case !tmpl.IsDefault():
			if !tmpl.Matches(f.Name, f.IDs[0]) {
				problems = append(problems, fmt.Sprintf("%s declares revision %q but its name does not match env.go's FileTemplate %q with that id; rename the file or fix the ID", filepath.Join(dir, f.Name), f.IDs[0], tmpl))
			}
		case f.IDs[0] != f.NameID:
			problems = append(problems, fmt.Sprintf("%s declares revision %q but its name starts with %q; rename the file to %s_....go or fix the ID", filepath.Join(dir, f.Name), f.IDs[0], f.NameID, f.IDs[0]))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// nameFiles adds the files declaring the revisions of a graph error to its text.
func nameFiles(err error, dir string, files []revisionFile) error {
	var ge *migrate.GraphError
	if !errors.As(err, &ge) || len(ge.IDs) == 0 {
		return err
	}
	var names []string
	for _, id := range ge.IDs {
		for _, f := range files {
			for _, fid := range f.IDs {
				if fid == id {
					names = append(names, filepath.Join(dir, f.Name))
				}
			}
		}
	}
	if len(names) == 0 {
		return err
	}
	return fmt.Errorf("%w (in %s)", err, strings.Join(names, ", "))
}

// revisionPath returns the path of the file that declares revision id
// (with message);
// ok is false when none does.
func (a *app) revisionPath(id, message string) (string, bool) {
	dir := filepath.Join(a.driver.Root, a.driver.Dir)
	if a.env.FileTemplate == "" {
		// The default name, without reading the directory.
		if p := filepath.Join(dir, render.FileName(id, message)); fileExists(p) {
			return p, true
		}
	}
	files, err := revisionFiles(dir)
	if err != nil {
		return "", false
	}
	for _, f := range files {
		for _, fid := range f.IDs {
			if fid == id {
				return filepath.Join(dir, f.Name), true
			}
		}
	}
	return "", false
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
