package postgres

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
)

// checkColumn refuses a column ON UPDATE expression (MySQL's
// onupdate=CURRENT_TIMESTAMP): PostgreSQL has no equivalent, and it would
// be dropped silently.
func checkColumn(c model.Column) error {
	if c.OnUpdate != "" {
		return fmt.Errorf("%w: PostgreSQL has no ON UPDATE for a column (onupdate=%s); drop onupdate= and set the value when you update the row (or write a trigger in a revision by hand)", dialect.ErrCapability, c.OnUpdate)
	}
	return nil
}
