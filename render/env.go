package render

import (
	"bytes"
	"fmt"

	"github.com/dave/jennifer/jen"
)

// EnvFile returns the env.go `retort init` writes into a migrations
// package named pkg: `var Env = &migrate.Env{...}` with the dialect and the
// models of modelsImportPath (one zero value per name in modelNames, in the
// given order). With modelsImportPath "" the model list is empty and a TODO
// says what to put there.
func EnvFile(pkg, dialect, modelsImportPath string, modelNames []string) ([]byte, error) {
	return EnvFileExcluding(pkg, dialect, modelsImportPath, modelNames, nil)
}

// EnvFileExcluding is [EnvFile] with an Exclude list: the structs of
// modelsImportPath named in excluded carry model tags but are not tables
// to compare (each maps to a table a listed model describes), so env.go
// lists them in Exclude, where `retort check` accepts them. With none it
// writes what EnvFile writes.
func EnvFileExcluding(pkg, dialect, modelsImportPath string, modelNames, excluded []string) ([]byte, error) {
	pkg, err := packageName(pkg)
	if err != nil {
		return nil, err
	}
	f := jen.NewFile(pkg)
	f.ImportName(migratePath, "migrate")
	f.PackageComment("// Package " + pkg + " holds this module's database migrations, run by retort.\n" +
		"//\n" +
		"// Each revision is a file <id>_<slug>.go that adds itself to Env;\n" +
		"// `retort revision --autogenerate -m MESSAGE` writes a new one from the\n" +
		"// difference between the models and the database.")

	var models jen.Code
	if modelsImportPath == "" {
		models = jen.Comment("TODO: list the models, zero values of the tagged structs: models.User{}, ...").
			Line().Id("Models").Op(":").Index().Any().Values()
	} else {
		items := make([]jen.Code, len(modelNames))
		for i, n := range modelNames {
			items[i] = jen.Qual(modelsImportPath, n).Values()
		}
		models = jen.Comment("Models are the tagged structs that make up the target schema.").
			Line().Id("Models").Op(":").Index().Any().Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, items...)
	}
	f.Comment("// Env is the migration environment (Alembic's env.py): the dialect, the\n" +
		"// models autogenerate compares the database with, and the comparer options.")
	f.Var().Id("Env").Op("=").Op("&").Qual(migratePath, "Env").Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true},
		jen.Comment(`Dialect is "sqlite", "postgres" or "mysql".`).Line().
			Id("Dialect").Op(":").Lit(dialect),
		jen.Comment("Compare shapes autogenerate's comparison (diff.Options in").Line().
			Comment("github.com/retortdb/retort/diff), for example:").Line().
			Comment("//\tCompare: diff.Options{IgnoreTypes: true},").Line().
			Comment("VersionTable names the version table (default retort_version) and").Line().
			Comment("Schema the PostgreSQL schema to work in.").Line().
			Comment("//").Line().
			Add(models),
		excludeList(modelsImportPath, excluded),
	)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("render: env file: %w", err)
	}
	return buf.Bytes(), nil
}

// excludeList is env.go's Exclude field, or nothing when no struct is
// excluded.
func excludeList(importPath string, names []string) jen.Code {
	if importPath == "" || len(names) == 0 {
		return jen.Null()
	}
	items := make([]jen.Code, len(names))
	for i, n := range names {
		items[i] = jen.Qual(importPath, n).Values()
	}
	return jen.Comment("Exclude lists tagged structs that are not tables to compare: each").Line().
		Comment("maps to a table a model of Models describes.").Line().
		Id("Exclude").Op(":").Index().Any().Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, items...)
}
