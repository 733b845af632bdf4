package seqopt

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrBadOptions is wrapped by every error [Parse] returns.
var ErrBadOptions = errors.New("seqopt: bad sequence options")

// Options are resolved sequence options: every value is set.
type Options struct {
	Start, Increment, Min, Max, Cache int64
	Cycle                             bool
	// As is the sequence's own integer type when it differs from the
	// column's ("integer"); empty means the column's type.
	As string
}

// Bits returns the width of an integer type spelled as a catalog spells it
// (smallint 16, integer 32, anything else 64).
func Bits(typ string) int {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "smallint", "int2", "smallserial", "serial2":
		return 16
	case "integer", "int", "int4", "serial", "serial4":
		return 32
	}
	return 64
}

// Defaults returns the options a sequence of an integer type of the given
// bits has when only INCREMENT BY inc is given (inc 0 means 1).
func Defaults(bits int, inc int64) Options {
	if inc == 0 {
		inc = 1
	}
	lo, hi := typeRange(bits)
	o := Options{Increment: inc, Cache: 1}
	if inc > 0 {
		o.Min, o.Max, o.Start = 1, hi, 1
	} else {
		o.Min, o.Max, o.Start = lo, -1, -1
	}
	return o
}

func typeRange(bits int) (int64, int64) {
	switch bits {
	case 16:
		return math.MinInt16, math.MaxInt16
	case 32:
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// Parse reads options as SQL writes them ("START WITH 10 INCREMENT BY 5
// NO MAXVALUE CYCLE", in any order and case, WITH and BY optional, an
// optional pair of parentheses around the whole) and resolves what is
// not given with the defaults for an integer type of the given bits. An
// AS clause names the width the defaults are taken from.
func Parse(text string, bits int) (Options, error) {
	s := strings.TrimSpace(text)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	toks := strings.Fields(strings.ToUpper(s))
	var (
		given           = map[string]bool{}
		start, min, max int64
		inc, cache      int64 = 1, 1
		noMin, noMax    bool
		cycle           bool
		as              string
	)
	num := func(i int) (int64, error) {
		if i >= len(toks) {
			return 0, fmt.Errorf("%w: a number is missing at the end of %q", ErrBadOptions, text)
		}
		n, err := strconv.ParseInt(toks[i], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%w: %q is not an integer in %q", ErrBadOptions, toks[i], text)
		}
		return n, nil
	}
	for i := 0; i < len(toks); i++ {
		var err error
		t := toks[i]
		skip := func(word string) {
			if i+1 < len(toks) && toks[i+1] == word {
				i++
			}
		}
		switch t {
		case "START":
			skip("WITH")
			i++
			start, err = num(i)
			given["start"] = true
		case "INCREMENT":
			skip("BY")
			i++
			inc, err = num(i)
			if err == nil && inc == 0 {
				err = fmt.Errorf("%w: INCREMENT BY 0 in %q", ErrBadOptions, text)
			}
		case "MINVALUE":
			i++
			min, err = num(i)
			given["min"] = true
		case "MAXVALUE":
			i++
			max, err = num(i)
			given["max"] = true
		case "CACHE":
			i++
			cache, err = num(i)
		case "CYCLE":
			cycle = true
		case "NO":
			if i+1 >= len(toks) {
				return Options{}, fmt.Errorf("%w: NO at the end of %q", ErrBadOptions, text)
			}
			i++
			switch toks[i] {
			case "MINVALUE":
				noMin = true
			case "MAXVALUE":
				noMax = true
			case "CYCLE":
				cycle = false
			default:
				err = fmt.Errorf("%w: NO %s in %q", ErrBadOptions, toks[i], text)
			}
		case "AS":
			i++
			if i >= len(toks) {
				return Options{}, fmt.Errorf("%w: AS needs a type in %q", ErrBadOptions, text)
			}
			switch strings.ToLower(toks[i]) {
			case "smallint", "int2":
				as = "smallint"
			case "integer", "int", "int4":
				as = "integer"
			case "bigint", "int8":
				as = "bigint"
			default:
				err = fmt.Errorf("%w: AS %s: want smallint, integer or bigint", ErrBadOptions, toks[i])
			}
		default:
			err = fmt.Errorf("%w: unknown word %s in %q", ErrBadOptions, t, text)
		}
		if err != nil {
			return Options{}, err
		}
	}
	if as != "" {
		bits = Bits(as)
	}
	o := Defaults(bits, inc)
	o.Cache, o.Cycle, o.As = cache, cycle, as
	if given["min"] && !noMin {
		o.Min = min
	}
	if given["max"] && !noMax {
		o.Max = max
	}
	if given["start"] {
		o.Start = start
	} else if inc > 0 {
		o.Start = o.Min
	} else {
		o.Start = o.Max
	}
	return o, nil
}

// Format writes o as the canonical text: only the options that differ
// from the defaults for an integer type of the given bits (the column's),
// in the order START WITH, INCREMENT BY, MINVALUE, MAXVALUE, CACHE, CYCLE,
// AS; "" when every option is the default. An As equal to the column's
// type is not written.
func Format(o Options, bits int) string {
	as := o.As
	if as != "" && Bits(as) == bits {
		as = ""
	}
	if as != "" {
		bits = Bits(as)
	}
	d := Defaults(bits, o.Increment)
	var parts []string
	// START defaults to MINVALUE (MAXVALUE when descending), whatever
	// those are.
	dStart := o.Min
	if o.Increment < 0 {
		dStart = o.Max
	}
	if o.Start != dStart {
		parts = append(parts, "START WITH "+strconv.FormatInt(o.Start, 10))
	}
	if o.Increment != 1 && o.Increment != 0 {
		parts = append(parts, "INCREMENT BY "+strconv.FormatInt(o.Increment, 10))
	}
	if o.Min != d.Min {
		parts = append(parts, "MINVALUE "+strconv.FormatInt(o.Min, 10))
	}
	if o.Max != d.Max {
		parts = append(parts, "MAXVALUE "+strconv.FormatInt(o.Max, 10))
	}
	if o.Cache != 1 && o.Cache != 0 {
		parts = append(parts, "CACHE "+strconv.FormatInt(o.Cache, 10))
	}
	if o.Cycle {
		parts = append(parts, "CYCLE")
	}
	if as != "" {
		parts = append(parts, "AS "+as)
	}
	return strings.Join(parts, " ")
}

// Canonical parses text and formats it again for a column of the given
// bits: two spellings of the same options give the same text.
func Canonical(text string, bits int) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", nil
	}
	o, err := Parse(text, bits)
	if err != nil {
		return "", err
	}
	return Format(o, bits), nil
}
