package load

import (
	"strings"

	"github.com/retortdb/retort/model"
)

// GORMDriver names the GORM driver whose column types GORM models get:
// each driver's DataTypeOf picks its own SQL for a Go type (a string is
// text on PostgreSQL, longtext or varchar(191) on MySQL, text on SQLite).
type GORMDriver int

// The GORM drivers whose type mapping [Models] knows.
const (
	// GORMNoDriver leaves the choice to the dialect: GORM models get
	// dialect-neutral logical types, as db models do.
	GORMNoDriver GORMDriver = iota
	// GORMPostgres is gorm.io/driver/postgres.
	GORMPostgres
	// GORMMySQL is gorm.io/driver/mysql (MySQL and MariaDB).
	GORMMySQL
	// GORMSQLite is github.com/glebarez/sqlite, the pure-Go port of
	// gorm.io/driver/sqlite (whose mapping retort's tests do not run).
	GORMSQLite
)

// gormDriverPaths are the drivers' import paths, by GORMDriver.
var gormDriverPaths = [...]string{"", "gorm.io/driver/postgres", "gorm.io/driver/mysql", "github.com/glebarez/sqlite"}

// String returns the driver's import path ("" for GORMNoDriver).
func (d GORMDriver) String() string {
	if d < 0 || int(d) >= len(gormDriverPaths) {
		return "GORMDriver(?)"
	}
	return gormDriverPaths[d]
}

// ParseGORMDriver reads a driver's import path: gorm.io/driver/postgres,
// gorm.io/driver/mysql, github.com/glebarez/sqlite or
// gorm.io/driver/sqlite (read as glebarez's, whose mapping it ports).
func ParseGORMDriver(path string) (GORMDriver, bool) {
	path = strings.TrimSpace(path)
	if path == "gorm.io/driver/sqlite" {
		return GORMSQLite, true
	}
	for i, p := range gormDriverPaths {
		if p == path && p != "" {
			return GORMDriver(i), true
		}
	}
	return GORMNoDriver, false
}

// GORMOptions are the settings of a team's gorm.Config, naming strategy
// and driver config that change what AutoMigrate creates. The zero value
// is GORM's defaults with no driver (dialect-neutral types).
type GORMOptions struct {
	// Driver is the GORM driver the models are migrated with; its type
	// mapping gives the column types (see [GORMDriver]). Set it to the
	// dialect the database is.
	Driver GORMDriver
	// TablePrefix is schema.NamingStrategy's TablePrefix: prepended to
	// table names GORM derives (not to TableName() results) and to
	// many2many join tables.
	TablePrefix string
	// SingularTable is schema.NamingStrategy's SingularTable: table names
	// are the snake_case type name, not its plural.
	SingularTable bool
	// IdentifierMaxLength is schema.NamingStrategy's IdentifierMaxLength:
	// the length past which GORM shortens the names it generates (idx_,
	// uni_, chk_, fk_) with a hash; 0 is the driver's default (63 for
	// PostgreSQL's driver, else GORM's 64).
	IdentifierMaxLength int
	// DisableForeignKeyConstraintWhenMigrating is gorm.Config's setting:
	// relations create no foreign keys.
	DisableForeignKeyConstraintWhenMigrating bool
	// DefaultStringSize is mysql.Config's DefaultStringSize: the varchar
	// length of a string without size: (0: longtext, or varchar(191) for a
	// key, an indexed column or one with a default). Only GORMMySQL reads it.
	DefaultStringSize uint
	// DefaultDatetimePrecision is mysql.Config's DefaultDatetimePrecision:
	// the fractional seconds of a time.Time column without precision:
	// (nil: GORM's 3). Only GORMMySQL reads it.
	DefaultDatetimePrecision *int
	// DisableDatetimePrecision is mysql.Config's DisableDatetimePrecision
	// (set by the driver itself for MySQL 5.5 and earlier): datetime
	// columns without precision. Only GORMMySQL reads it.
	DisableDatetimePrecision bool
	// DBDataType, when set, is asked for the SQL type of every field whose
	// Go type has a GormDBDataType(*gorm.DB, *schema.Field) string method
	// (gorm.io/datatypes' JSON, UUID, ...): retort cannot build GORM's
	// arguments without importing GORM, so the program that imports the
	// models (and GORM) answers for it, usually by calling the method with
	// a *gorm.DB of the right dialect and the parsed field. ok false (or no
	// hook) falls back to GormDataType() and the Go type, with a [Warning].
	DBDataType func(f GORMField) (sql string, ok bool)
}

// GORMField is a field [GORMOptions.DBDataType] is asked about: the
// model's struct type, the field's dotted Go path and struct field, and
// the table and column retort puts it in.
type GORMField = model.GORMField

// Warning is something [Read] noticed that does not stop it: a GORM
// setting GORM itself ignores (so retort ignores it too), or a type retort
// could not ask about. It names the model and field like a [TagError].
type Warning struct {
	// Type is the Go type as reflect prints it, e.g. "models.User".
	Type string
	// Field is the Go field name or dotted path; empty for the struct.
	Field string
	// Pos is "file:line", or "" when unknown.
	Pos string
	// Msg says what was noticed and what to do.
	Msg string
}

// String renders `models.User.Email (models/user.go:14): <message>`.
func (w Warning) String() string {
	e := TagError{Type: w.Type, Field: w.Field, Pos: w.Pos}
	s := e.Error()
	return strings.TrimSuffix(s, "invalid model") + w.Msg
}

// Result is what [Read] returns: the target schema and the warnings.
type Result struct {
	// Schema is the target schema, as [Models] returns it.
	Schema model.Schema
	// Warnings are the problems that did not stop the read, in model and
	// field order.
	Warnings []Warning
	// Skips are the columns fields mark skip_autogenerate, in model and
	// field order (see [Skip]).
	Skips []Skip
}

// Read is [Models] with its warnings: it reads the target schema from
// tagged Go structs and also returns what it noticed but did not refuse
// (GORM settings GORM ignores, GormDBDataType methods it could not call).
// On error the Result is empty.
func Read(models []any, opts Options) (Result, error) {
	l := newLoader(opts)
	s, err := l.read(models)
	if err != nil {
		return Result{}, err
	}
	return Result{Schema: s, Warnings: l.warns, Skips: l.skips}, nil
}

// warn records a warning about one field.
func (ml *modelLoader) warn(f fieldRef, msg string) {
	ml.l.warns = append(ml.l.warns, Warning{Type: ml.typeName, Field: f.path, Pos: ml.l.pos(f.owner, f.sf.Name), Msg: msg})
}
