package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/model"
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
	// PAGE_CHECKSUM is Aria's, but it stays in a table's definition when
	// the table moves to another engine (MariaDB keeps it as
	// PAGE_CHECKSUM=1 on an InnoDB table converted from Aria).
	"PAGE_CHECKSUM": "DEFAULT",
}

// ariaPageChecksum is the PAGE_CHECKSUM an Aria table has when none was
// written: SHOW CREATE TABLE prints PAGE_CHECKSUM=1 for every Aria table
// (the server's aria_page_checksum, ON by default), while CREATE_OPTIONS
// names it only when it was written.
const ariaPageChecksum = "1"

// ImpliedOptions adds the table options the engine holds without being
// asked to: PAGE_CHECKSUM=1 on an Aria table that names none. opts are
// canonical (see [CanonicalOptions]) and stay sorted.
func ImpliedOptions(opts []model.TableOption) []model.TableOption {
	t := model.Table{Options: opts}
	engine, _ := t.Option(OptionEngine)
	if !strings.EqualFold(engine, "Aria") {
		return opts
	}
	if _, ok := t.Option("PAGE_CHECKSUM"); ok {
		return opts
	}
	out := append(slices.Clone(opts), model.TableOption{Name: "PAGE_CHECKSUM", Value: ariaPageChecksum})
	slices.SortStableFunc(out, func(a, b model.TableOption) int { return strings.Compare(a.Name, b.Name) })
	return out
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
