package dialect

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/ops"
)

// LiteralStyle is how a dialect spells the literals that differ between
// dialects.
type LiteralStyle struct {
	// Bytes spells a []byte value, e.g. X'00ff' or '\x00ff'::bytea.
	Bytes func(b []byte) string
	// Time spells a time.Time value.
	Time func(t time.Time) string
	// BackslashEscapes says a backslash in a string literal escapes the
	// next character (MySQL's default, without NO_BACKSLASH_ESCAPES), so
	// it is doubled.
	BackslashEscapes bool
}

// insertBatch is the number of rows one INSERT statement carries.
const insertBatch = 500

// ErrLiteral is wrapped when a value cannot be written as an SQL literal.
var ErrLiteral = errors.New("dialect: value cannot be written as an SQL literal")

// Insert returns the INSERT statements of a bulk insert, 500 rows a
// statement, with the values written as literals in style (so offline SQL
// shows them as they will run); no rows, no statement. Every dialect's Statements calls it for
// [ops.BulkInsert].
func Insert(d Dialect, op ops.BulkInsert, style LiteralStyle) ([]Statement, error) {
	if len(op.Rows) == 0 {
		return nil, nil
	}
	if len(op.Columns) == 0 {
		return nil, fmt.Errorf("%w: bulk insert into %s names no columns", ErrLiteral, op.Table)
	}
	table := d.QuoteIdent(op.Table)
	if op.Schema != "" {
		table = d.QuoteIdent(op.Schema) + "." + table
	}
	cols := make([]string, len(op.Columns))
	for i, c := range op.Columns {
		cols[i] = d.QuoteIdent(c)
	}
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES\n"
	var out []Statement
	for start := 0; start < len(op.Rows); start += insertBatch {
		end := min(start+insertBatch, len(op.Rows))
		var b strings.Builder
		b.WriteString(head)
		for i, row := range op.Rows[start:end] {
			if len(row) != len(op.Columns) {
				return nil, fmt.Errorf("%w: bulk insert into %s: row %d has %d values for %d columns", ErrLiteral, op.Table, start+i+1, len(row), len(op.Columns))
			}
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString("  (")
			for j, v := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				lit, err := Literal(v, style)
				if err != nil {
					return nil, fmt.Errorf("bulk insert into %s, row %d, column %s: %w", op.Table, start+i+1, op.Columns[j], err)
				}
				b.WriteString(lit)
			}
			b.WriteString(")")
		}
		out = append(out, Statement{SQL: b.String()})
	}
	return out, nil
}

// Literal writes v as an SQL literal: NULL, TRUE/FALSE, numbers, quoted
// strings (” doubles a quote), and bytes and times in style.
func Literal(v any, style LiteralStyle) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case bool:
		if x {
			return "TRUE", nil
		}
		return "FALSE", nil
	case string:
		if style.BackslashEscapes {
			x = strings.ReplaceAll(x, `\`, `\\`)
		}
		return "'" + strings.ReplaceAll(x, "'", "''") + "'", nil
	case int:
		return strconv.FormatInt(int64(x), 10), nil
	case int8:
		return strconv.FormatInt(int64(x), 10), nil
	case int16:
		return strconv.FormatInt(int64(x), 10), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case uint:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint64:
		return strconv.FormatUint(x, 10), nil
	case float32:
		return floatLiteral(float64(x), 32)
	case float64:
		return floatLiteral(x, 64)
	case []byte:
		if style.Bytes == nil {
			return "X'" + hex.EncodeToString(x) + "'", nil
		}
		return style.Bytes(x), nil
	case time.Time:
		if style.Time == nil {
			return "'" + x.UTC().Format("2006-01-02 15:04:05.999999") + "'", nil
		}
		return style.Time(x), nil
	}
	return "", fmt.Errorf("%w: %T (use nil, bool, integers, floats, string, []byte or time.Time)", ErrLiteral, v)
}

func floatLiteral(f float64, bits int) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%w: %v", ErrLiteral, f)
	}
	return strconv.FormatFloat(f, 'g', -1, bits), nil
}
