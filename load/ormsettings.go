package load

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/model"
)

// ErrUnknownDriver: env.go names a GORM driver or bun dialect whose type
// mapping [Models] does not know.
var ErrUnknownDriver = errors.New("unknown ORM driver")

// ApplySettings sets o's GORM and bun options from the settings env.go
// states (migrate.Env.ORM), keeping o's other fields; env.go's
// DBDataType hook, when set, replaces o's. A driver or dialect
// import path it does not know is an error that lists the known ones.
func ApplySettings(o Options, s model.ORMSettings) (Options, error) {
	g := s.GORM
	driver := GORMNoDriver
	if g.Driver != "" {
		d, ok := ParseGORMDriver(g.Driver)
		if !ok {
			return o, fmt.Errorf("%w: ORM.GORM.Driver %q; want one of %q, %q, %q or %q", ErrUnknownDriver, g.Driver,
				GORMPostgres.String(), GORMMySQL.String(), GORMSQLite.String(), "gorm.io/driver/sqlite")
		}
		driver = d
	}
	dialect := BunNoDialect
	if s.Bun.Dialect != "" {
		d, ok := ParseBunDialect(s.Bun.Dialect)
		if !ok {
			return o, fmt.Errorf("%w: ORM.Bun.Dialect %q; want one of %q, %q or %q", ErrUnknownDriver, s.Bun.Dialect,
				BunPostgres.String(), BunMySQL.String(), BunSQLite.String())
		}
		dialect = d
	}
	hook := o.GORM.DBDataType
	if g.DBDataType != nil {
		hook = g.DBDataType
	}
	o.GORM = GORMOptions{
		Driver:                                   driver,
		TablePrefix:                              g.TablePrefix,
		SingularTable:                            g.SingularTable,
		IdentifierMaxLength:                      g.IdentifierMaxLength,
		DisableForeignKeyConstraintWhenMigrating: g.DisableForeignKeyConstraintWhenMigrating,
		DefaultStringSize:                        g.DefaultStringSize,
		DefaultDatetimePrecision:                 g.DefaultDatetimePrecision,
		DisableDatetimePrecision:                 g.DisableDatetimePrecision,
		DBDataType:                               hook,
	}
	o.Bun = BunOptions{Dialect: dialect, VarcharLen: s.Bun.VarcharLen}
	return o, nil
}
