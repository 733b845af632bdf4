package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
)

// createOptionResets are the table options retort reflects from
// information_schema.TABLES.CREATE_OPTIONS, each with the value that takes
// it back to the engine's default (MariaDB 10.11, CREATE TABLE: Table
// Options), so that an option the target does not name is removed.
var createOptionResets = map[string]string{
	"ROW_FORMAT":         "DEFAULT",
	"KEY_BLOCK_SIZE":     "0",
	"STATS_PERSISTENT":   "DEFAULT",
	"STATS_AUTO_RECALC":  "DEFAULT",
	"STATS_SAMPLE_PAGES": "DEFAULT",
	"CHECKSUM":           "0",
	"PACK_KEYS":          "DEFAULT",
	"DELAY_KEY_WRITE":    "0",
	"MAX_ROWS":           "0",
	"MIN_ROWS":           "0",
	"AVG_ROW_LENGTH":     "0",
}

// CreateOptionReset returns the value that resets the named table option
// (upper case, as [CanonicalOptions] spells it) to its default; ok is
// false for an option retort does not read from CREATE_OPTIONS (ENGINE,
// CHARSET and COLLATE are read from their own columns).
func CreateOptionReset(name string) (value string, ok bool) {
	value, ok = createOptionResets[strings.ToUpper(name)]
	return value, ok
}

var _ dialect.OptionResetter = (*Dialect)(nil)

// ResetTableOption returns the value that takes a reflected table option
// back to its default (ROW_FORMAT=DEFAULT, KEY_BLOCK_SIZE=0, ...).
func (d *Dialect) ResetTableOption(name string) (string, bool) {
	return CreateOptionReset(name)
}
