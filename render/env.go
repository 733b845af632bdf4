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
	return Env(EnvSpec{Package: pkg, Dialect: dialect, ModelsImportPath: modelsImportPath, Models: modelNames, Excluded: excluded})
}

// EnvSpec is what [Env] writes into env.go.
type EnvSpec struct {
	// Package is the migrations package's name; Dialect env.go's dialect.
	Package, Dialect string
	// ModelsImportPath is the models package ("" for none: a TODO);
	// Models are its structs to list, Excluded those to list in Exclude
	// (see [EnvFileExcluding]).
	ModelsImportPath string
	Models, Excluded []string
	// GORMDriver and BunDialect, when set, are the import paths env.go's
	// ORM field names, so that GORM or bun models are read with the
	// types that ORM's AutoMigrate or CreateTable writes on the dialect.
	GORMDriver, BunDialect string
}

// Env returns the env.go `retort init` writes (see [EnvFile]).
func Env(spec EnvSpec) ([]byte, error) {
	pkg, dialect, modelsImportPath, modelNames, excluded := spec.Package, spec.Dialect, spec.ModelsImportPath, spec.Models, spec.Excluded
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
		ormSettings(spec.GORMDriver, spec.BunDialect),
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

// ormSettings is env.go's ORM field, or nothing when neither ORM is named.
func ormSettings(gormDriver, bunDialect string) jen.Code {
	if gormDriver == "" && bunDialect == "" {
		return jen.Null()
	}
	var fields []jen.Code
	if gormDriver != "" {
		fields = append(fields, jen.Id("GORM").Op(":").Qual(modelPath, "GORMSettings").Values(jen.Id("Driver").Op(":").Lit(gormDriver)))
	}
	if bunDialect != "" {
		fields = append(fields, jen.Id("Bun").Op(":").Qual(modelPath, "BunSettings").Values(jen.Id("Dialect").Op(":").Lit(bunDialect)))
	}
	return jen.Comment("ORM reads GORM and bun models with the column types their own").Line().
		Comment("migrators write on this dialect (README: ORM settings in env.go);").Line().
		Comment("remove it to give them retort's dialect-neutral types.").Line().
		Id("ORM").Op(":").Qual(modelPath, "ORMSettings").Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, fields...)
}
