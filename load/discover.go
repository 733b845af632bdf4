package load

import (
	"errors"
	"fmt"
	"go/token"
	"sort"
)

// Package is a Go package of model structs as [Discover] reads it from
// source.
type Package struct {
	// Name is the package name ("models").
	Name string
	// Models are the exported struct types that look like models, sorted.
	Models []string
	// Untagged are the exported struct types that carry no tag at all and
	// are not only embedded into others (plain GORM structs), sorted.
	Untagged []string
	// SameTable are the models of Models that name, in their source, the
	// table a model declared before them names too (two TableName methods
	// returning "users"): not a second table. Nil when there are none.
	SameTable []SameTable
	// GORM and Bun report that some model carries gorm (bun) tags or
	// embeds gorm.Model (bun.BaseModel).
	GORM, Bun bool
}

// modelTagKeys are the struct-tag keys that mark a model field.
var modelTagKeys = []string{"db", "gorm", "bun"}

// Discover reads the Go files of the package in dir (test files aside)
// and returns the exported struct types that look like models: those with
// a db, gorm or bun tag on a field, those embedding gorm.Model or
// bun.BaseModel, and those embedding a tagged struct, less the ones only
// ever embedded into other structs (mixins such as a TimestampMixin)
// unless they have a TableName method. It is what `retort init --models`
// lists in env.go and how `retort revision --autogenerate` spots models
// env.go does not list.
func Discover(dir string) (Package, error) {
	files, err := parseDir(dir, false)
	if errors.Is(err, errNoGoFiles) {
		return Package{}, fmt.Errorf("models package: no Go files in %s", dir)
	}
	if err != nil {
		return Package{}, fmt.Errorf("models package: %w", err)
	}
	tagged := map[string]bool{}
	structs := map[string]bool{}
	embedded := map[string]bool{}
	hasTableName := map[string]bool{}
	var usesGORM, usesBun bool
	for _, f := range files {
		for _, name := range f.tableName {
			hasTableName[name] = true
		}
		for _, td := range f.types {
			if !td.isStruct || !token.IsExported(td.name) {
				continue
			}
			structs[td.name] = true
			for _, fld := range td.fields {
				if fld.embedded {
					if fld.name != "" && !fld.typeArgs {
						embedded[fld.name] = true
					}
					if fld.ormBase {
						tagged[td.name] = true
						usesGORM = usesGORM || fld.name == "Model"
						usesBun = usesBun || fld.name == "BaseModel"
					}
				}
				if v, ok := fld.tag.Lookup("gorm"); ok && v != "-" {
					usesGORM = true
				}
				if v, ok := fld.tag.Lookup("bun"); ok && v != "-" {
					usesBun = true
				}
				if hasModelTag(fld) {
					tagged[td.name] = true
				}
				if !fld.embedded && fld.typ != "" && embedsByTag(fld.tag) {
					embedded[fld.typ] = true
				}
			}
		}
	}
	// A struct that embeds a tagged mixin is a model even without tags of
	// its own.
	for _, f := range files {
		for _, td := range f.types {
			if !td.isStruct || !token.IsExported(td.name) || embedded[td.name] {
				continue
			}
			for _, fld := range td.fields {
				if fld.embedded && !fld.typeArgs && tagged[fld.name] {
					tagged[td.name] = true
				}
			}
		}
	}
	var models []string
	for name := range tagged {
		if embedded[name] && !hasTableName[name] {
			continue
		}
		models = append(models, name)
	}
	sort.Strings(models)
	var untagged []string
	for name := range structs {
		if !tagged[name] && (!embedded[name] || hasTableName[name]) {
			untagged = append(untagged, name)
		}
	}
	sort.Strings(untagged)
	return Package{Name: files[0].pkg, Models: models, Untagged: untagged, SameTable: sameTables(files, models), GORM: usesGORM, Bun: usesBun}, nil
}

// hasModelTag reports whether a field carries a db, gorm or bun tag other
// than "-".
func hasModelTag(f fieldDecl) bool {
	for _, k := range modelTagKeys {
		if v, ok := f.tag.Lookup(k); ok && v != "-" {
			return true
		}
	}
	return false
}
