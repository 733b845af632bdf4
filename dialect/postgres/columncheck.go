package postgres

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

var _ dialect.ColumnChecker = (*Dialect)(nil)

// CheckColumn implements dialect.ColumnChecker: a column ON UPDATE
// expression (MySQL's onupdate=CURRENT_TIMESTAMP) has no PostgreSQL
// equivalent and would be dropped silently, so it is an error.
func (d *Dialect) CheckColumn(t model.Table, c model.Column) error {
	if c.OnUpdate != "" {
		return fmt.Errorf("PostgreSQL has no ON UPDATE for a column (onupdate=%s); drop onupdate= and set the value when you update the row (or write a trigger in a revision by hand)", c.OnUpdate)
	}
	return nil
}
