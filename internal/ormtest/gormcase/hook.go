package gormcase

import (
	"reflect"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"github.com/retortdb/retort/load"
)

// dbDataTyper is GORM's GormDBDataTypeInterface.
type dbDataTyper interface {
	GormDBDataType(*gorm.DB, *schema.Field) string
}

// DBDataType is the load.GORMOptions.DBDataType hook a program that
// imports GORM can give retort: it parses the model with db's naming
// strategy, finds the field by column and calls its type's
// GormDBDataType with db and the parsed field, exactly as GORM's
// migrator does.
func DBDataType(db *gorm.DB) func(load.GORMField) (string, bool) {
	return func(f load.GORMField) (string, bool) {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(reflect.New(f.Model).Interface()); err != nil {
			return "", false
		}
		field := stmt.Schema.LookUpField(f.Column)
		if field == nil {
			return "", false
		}
		v, ok := reflect.New(field.IndirectFieldType).Interface().(dbDataTyper)
		if !ok {
			return "", false
		}
		return v.GormDBDataType(db, field), true
	}
}
