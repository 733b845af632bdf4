package autogen

import (
	"context"
	"reflect"

	"github.com/retortdb/retort/load"
	"github.com/retortdb/retort/migrate"
)

// Unlisted names the tagged structs of env.go's model packages that
// neither its Models nor its Exclude lists ("models.Invoice"), so they are
// not compared: `retort check` fails on them. It
// reads the packages' source through opts.PackageDirs; without it, or
// when a package cannot be read, it names none.
func Unlisted(ctx context.Context, env *migrate.Env, opts Options) []string {
	if opts.PackageDirs == nil {
		return nil
	}
	pkgs := load.PackagePaths(env.Models)
	dirs, err := opts.PackageDirs(ctx, pkgs)
	if err != nil || len(dirs) != len(pkgs) {
		return nil
	}
	listed := map[string]bool{}
	for _, m := range append(append([]any(nil), env.Models...), env.Exclude...) {
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
