package model

import "reflect"

// ORMSettings are the settings of a team's GORM or bun set-up that change
// the schema those ORMs create, as env.go states them (migrate.Env.ORM).
// They are plain data: the loader maps them to its own options, so
// neither migrate nor model imports an ORM or the loader. The zero value
// is each ORM's defaults with no driver (dialect-neutral column types).
type ORMSettings struct {
	// GORM are gorm.Config's, the naming strategy's and the driver
	// config's settings.
	GORM GORMSettings
	// Bun are bun's settings.
	Bun BunSettings
}

// GORMSettings mirror the GORM settings that change what AutoMigrate
// creates.
type GORMSettings struct {
	// Driver is the import path of the GORM driver the models are
	// migrated with ("gorm.io/driver/postgres", "gorm.io/driver/mysql",
	// "github.com/glebarez/sqlite" or "gorm.io/driver/sqlite"): its type
	// mapping gives the column types. Empty: dialect-neutral types.
	Driver string
	// TablePrefix is schema.NamingStrategy's TablePrefix.
	TablePrefix string
	// SingularTable is schema.NamingStrategy's SingularTable.
	SingularTable bool
	// IdentifierMaxLength is schema.NamingStrategy's IdentifierMaxLength
	// (0: the driver's default).
	IdentifierMaxLength int
	// DisableForeignKeyConstraintWhenMigrating is gorm.Config's setting.
	DisableForeignKeyConstraintWhenMigrating bool
	// DefaultStringSize is mysql.Config's DefaultStringSize.
	DefaultStringSize uint
	// DefaultDatetimePrecision is mysql.Config's DefaultDatetimePrecision
	// (nil: GORM's 3).
	DefaultDatetimePrecision *int
	// DisableDatetimePrecision is mysql.Config's DisableDatetimePrecision.
	DisableDatetimePrecision bool
	// DBDataType, when set, is asked for the SQL type of every field whose
	// Go type has GORM's GormDBDataType(*gorm.DB, *schema.Field) string
	// method (gorm.io/datatypes' JSON, UUID, ...). Neither retort nor the
	// migrate package imports GORM; an env.go that does can answer by
	// calling the method with a *gorm.DB of its driver and the parsed
	// field, as GORM's migrator does (README: "GormDBDataType from
	// env.go"). ok false, or no hook, falls back to GormDataType() and the
	// Go type, with a warning. It is a function, so ORMSettings with it set
	// are no longer comparable with ==.
	DBDataType func(f GORMField) (sql string, ok bool)
}

// GORMField is a field GORMSettings.DBDataType is asked about.
type GORMField struct {
	// Model is the model's struct type (for a many2many join table, the
	// model that declares the relation).
	Model reflect.Type
	// Path is the Go field name, dotted through embedded structs.
	Path string
	// Field is the struct field.
	Field reflect.StructField
	// Table and Column are where retort puts it.
	Table, Column string
}

// BunSettings mirror the bun settings that change what CreateTable
// creates.
type BunSettings struct {
	// Dialect is the import path of the bun dialect the tables are
	// created with ("github.com/uptrace/bun/dialect/pgdialect",
	// ".../mysqldialect" or ".../sqlitedialect"): its type mapping gives
	// the column types. Empty: dialect-neutral types.
	Dialect string
	// VarcharLen is CreateTableQuery.Varchar(n) (0: the dialect's
	// default).
	VarcharLen int
}
